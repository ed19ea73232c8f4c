import { graphql } from '@/lib/gql';
import type { OverviewPageQuery } from '@/lib/gql/graphql';

export type OverviewData = OverviewPageQuery;

export const OVERVIEW_QUERY = graphql(`
  query OverviewPage {
    workspace {
      id
      name
      slug
      timezone
    }
    overview {
      timezone
      todayStartsAt
      users
      knownUsers
      anonymousUsers
      newUsersToday
      returningUsersToday
      eventsLast24h
      eventsPerHour {
        hour
        count
      }
      liveJourneys {
        entriesToday
        activeRuns
        journey {
          id
          name
          latestVersion
        }
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
