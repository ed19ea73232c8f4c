import { graphql } from '@/lib/gql';
import type { WorkspaceOverviewQuery } from '@/lib/gql/graphql';

export type WorkspaceOverviewData = WorkspaceOverviewQuery;
export type OverviewEventDefinition = WorkspaceOverviewQuery['eventDefinitions'][number];

export const WORKSPACE_OVERVIEW_QUERY = graphql(`
  query WorkspaceOverview {
    workspace {
      id
      name
      slug
      timezone
      stats {
        users
        knownUsers
        anonymousUsers
        events
        eventDefinitions
      }
    }
    eventDefinitions {
      id
      name
      displayName
      count
      status
      lastSeenAt
    }
  }
`);
