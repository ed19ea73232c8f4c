import { graphql } from '@/lib/gql';

export const ME_QUERY = graphql(`
  query Me {
    me {
      role
      canEdit
      isAdmin
      account {
        name
        email
      }
      workspace {
        id
        name
        slug
        timezone
      }
    }
  }
`);

export const SIGN_IN_MUTATION = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      role
    }
  }
`);

export const SIGN_OUT_MUTATION = graphql(`
  mutation SignOut {
    signOut
  }
`);
