import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/** Same-origin GraphQL proxy (app/api/graphql/route.ts); it adds the API credentials. */
export const GRAPHQL_ENDPOINT = '/api/graphql';

/**
 * The browser's Apollo Client. Queries run in the browser: during server
 * rendering, client components show their loading state and fetch nothing
 * (the relative endpoint is only ever requested by the browser).
 */
export function makeApolloClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: GRAPHQL_ENDPOINT, credentials: 'same-origin' }),
    cache: new InMemoryCache(),
  });
}
