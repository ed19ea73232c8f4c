import { graphql } from '@/lib/gql';
import type { JourneyBuilderQuery, JourneyCatalogQuery, JourneyProblemFieldsFragment } from '@/lib/gql/graphql';

export type BuilderJourney = NonNullable<JourneyBuilderQuery['journey']>;
export type JourneyCatalog = JourneyCatalogQuery;
export type Problem = JourneyProblemFieldsFragment;

graphql(`
  fragment JourneyProblemFields on JourneyProblem {
    nodeId
    path
    message
    severity
  }
`);

graphql(`
  fragment JourneyLifecycleFields on Journey {
    id
    status
    latestVersion
    publishedAt
    stoppedAt
    updatedAt
    draftRevision
    stats {
      entered
      active
      completed
      exitedEarly
      converted
      conversionRate
      cancelled
      failed
    }
    versions {
      version
      publishedAt
      activeRuns
    }
  }
`);

export const JOURNEY_BUILDER_QUERY = graphql(`
  query JourneyBuilder($id: ID!) {
    journey(id: $id) {
      id
      name
      description
      draft
      ...JourneyLifecycleFields
    }
  }
`);

export const JOURNEY_CATALOG_QUERY = graphql(`
  query JourneyCatalog {
    eventDefinitions {
      id
      name
      displayName
    }
    attributeDefinitions {
      id
      name
      displayName
      type
      system
    }
    segments {
      id
      name
      kind
      size
    }
  }
`);

export const JOURNEY_LIVE_STATS_QUERY = graphql(`
  query JourneyLiveStats($id: ID!) {
    journey(id: $id) {
      ...JourneyLifecycleFields
      nodeStats {
        nodeId
        entered
        waitingNow
        branches {
          branch
          count
          percent
        }
      }
    }
  }
`);

export const VALIDATE_JOURNEY_QUERY = graphql(`
  query ValidateJourneyDefinition($definition: JSON!) {
    validateJourneyDefinition(definition: $definition) {
      valid
      problems {
        ...JourneyProblemFields
      }
    }
  }
`);

export const SAVE_JOURNEY_DRAFT_MUTATION = graphql(`
  mutation SaveJourneyDraft($input: UpdateJourneyDraftInput!) {
    updateJourneyDraft(input: $input) {
      id
      name
      draftRevision
      updatedAt
    }
  }
`);

export const PUBLISH_JOURNEY_MUTATION = graphql(`
  mutation PublishJourney($id: ID!) {
    publishJourney(id: $id) {
      ...JourneyLifecycleFields
    }
  }
`);

export const PAUSE_JOURNEY_MUTATION = graphql(`
  mutation PauseJourney($id: ID!) {
    pauseJourney(id: $id) {
      ...JourneyLifecycleFields
    }
  }
`);

export const RESUME_JOURNEY_MUTATION = graphql(`
  mutation ResumeJourney($id: ID!) {
    resumeJourney(id: $id) {
      ...JourneyLifecycleFields
    }
  }
`);

export const ARCHIVE_JOURNEY_MUTATION = graphql(`
  mutation ArchiveJourney($id: ID!) {
    archiveJourney(id: $id) {
      ...JourneyLifecycleFields
    }
  }
`);

export const STOP_JOURNEY_MUTATION = graphql(`
  mutation StopJourney($id: ID!) {
    stopJourney(id: $id) {
      cancelledRuns
      journey {
        ...JourneyLifecycleFields
      }
    }
  }
`);

export const WAITING_RUNS_QUERY = graphql(`
  query JourneyWaitingRuns($journeyId: ID!, $nodeId: String!) {
    journeyRuns(journeyId: $journeyId, filter: { nodeId: $nodeId }, first: 50) {
      totalCount
      edges {
        node {
          id
          version
          entryNumber
          enteredAt
          waitingSince
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

export const PREVIEW_TEMPLATE_QUERY = graphql(`
  query PreviewJourneyTemplate($template: String!, $userId: String!, $triggerProperties: JSONObject, $journeyId: ID) {
    previewJourneyTemplate(template: $template, userId: $userId, triggerProperties: $triggerProperties, journeyId: $journeyId)
  }
`);
