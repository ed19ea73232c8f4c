import { graphql } from '@/lib/gql';
import type { JourneyListQuery } from '@/lib/gql/graphql';

export type JourneyListItem = JourneyListQuery['journeys'][number];

export const JOURNEY_LIST_QUERY = graphql(`
  query JourneyList($status: JourneyStatus, $includeArchived: Boolean) {
    journeys(status: $status, includeArchived: $includeArchived) {
      id
      name
      description
      status
      latestVersion
      updatedAt
      publishedAt
      stats {
        entered
        active
        completed
        conversionRate
      }
    }
  }
`);

export const CREATE_JOURNEY_MUTATION = graphql(`
  mutation CreateJourney($input: CreateJourneyInput!) {
    createJourney(input: $input) {
      id
      name
    }
  }
`);
