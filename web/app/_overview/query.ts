import { gql, type TypedDocumentNode } from '@apollo/client';

// Result types are written by hand until GraphQL codegen is set up; keep them
// in step with the query below (and api/schema.graphql).

export type EventStatus = 'ACTIVE' | 'BLOCKED';

export interface WorkspaceStats {
  users: number;
  knownUsers: number;
  anonymousUsers: number;
  events: number;
  eventDefinitions: number;
}

export interface OverviewWorkspace {
  id: string;
  name: string;
  slug: string;
  /** IANA time zone used for reports. */
  timezone: string;
  stats: WorkspaceStats;
}

export interface OverviewEventDefinition {
  id: string;
  name: string;
  displayName: string;
  count: number;
  status: EventStatus;
  /** DateTime: an ISO 8601 string at UTC. */
  lastSeenAt: string;
}

export interface WorkspaceOverviewData {
  workspace: OverviewWorkspace;
  /** Most frequent first (the API's order). */
  eventDefinitions: OverviewEventDefinition[];
}

export type WorkspaceOverviewVariables = Record<string, never>;

export const WORKSPACE_OVERVIEW_QUERY: TypedDocumentNode<WorkspaceOverviewData, WorkspaceOverviewVariables> = gql`
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
`;
