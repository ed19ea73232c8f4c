import { graphql } from '@/lib/gql';
import type { MessageLogQuery } from '@/lib/gql/graphql';

export const MESSAGE_LOG_QUERY = graphql(`
  query MessageLog($filter: MessageFilter, $first: Int, $after: String, $last: Int, $before: String) {
    messages(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...MessageFields
          user {
            id
            externalId
            email
          }
        }
      }
    }
  }
`);

export type LoggedMessage = MessageLogQuery['messages']['edges'][number]['node'];

/** The body is read only when a message is opened: rendered emails are large. */
export const MESSAGE_BODY_QUERY = graphql(`
  query MessageBody($id: ID!) {
    message(id: $id) {
      id
      body
    }
  }
`);

export const MESSAGE_LOG_JOURNEYS_QUERY = graphql(`
  query MessageLogJourneys {
    journeys(includeArchived: true) {
      id
      name
    }
  }
`);
