import { graphql } from '@/lib/gql';
import type { UserProfileQuery, UsersListQuery } from '@/lib/gql/graphql';

export type UsersListUser = UsersListQuery['users']['edges'][number]['node'];
export type ProfileUser = NonNullable<UserProfileQuery['user']>;
export type ProfileRun = ProfileUser['journeyRuns'][number];

export const USERS_LIST_QUERY = graphql(`
  query UsersList($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {
    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          externalId
          anonymous
          email
          phone
          city
          country
          firstSeenAt
          lastSeenAt
        }
      }
    }
  }
`);

export const USER_FILTER_ATTRIBUTES_QUERY = graphql(`
  query UserFilterAttributes {
    attributeDefinitions {
      id
      name
      displayName
      type
      system
    }
  }
`);

export const USER_FILTER_SEGMENTS_QUERY = graphql(`
  query UserFilterSegments {
    segments {
      id
      name
      kind
      size
    }
  }
`);

export const USER_PROFILE_QUERY = graphql(`
  query UserProfile($id: ID!) {
    user(id: $id) {
      id
      externalId
      anonymous
      email
      phone
      firstSeenAt
      lastSeenAt
      createdAt
      attributes {
        name
        displayName
        value
        system
      }
      identities {
        kind
        value
        createdAt
      }
      segments {
        enteredAt
        segment {
          id
          name
          kind
        }
      }
      segmentHistory(first: 50) {
        enteredAt
        exitedAt
        segment {
          id
          name
        }
      }
      journeyRuns {
        id
        status
        version
        entryNumber
        enteredAt
        endedAt
        endReason
        convertedAt
        currentNodeId
        waitingSince
        listeningTo
        workflowId
        journey {
          id
          name
        }
        steps {
          seq
          nodeId
          kind
          branch
          reason
          messageId
          at
        }
      }
    }
  }
`);

export const USER_TIMELINE_QUERY = graphql(`
  query UserTimeline($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    user(id: $id) {
      id
      events(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        edges {
          node {
            id
            name
            type
            timestamp
            receivedAt
            messageId
            properties
            context
          }
        }
      }
    }
  }
`);

export const USER_MESSAGES_QUERY = graphql(`
  query UserMessages($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    user(id: $id) {
      id
      messages(first: $first, after: $after, last: $last, before: $before) {
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
          }
        }
      }
    }
  }
`);

/** The nodes of a journey's published versions, to name the nodes of a step log. */
export const JOURNEY_NODES_QUERY = graphql(`
  query JourneyNodesForStepLog($id: ID!) {
    journey(id: $id) {
      id
      versions {
        version
        definition
      }
    }
  }
`);
