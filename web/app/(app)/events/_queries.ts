import { graphql } from '@/lib/gql';
import type { EventCatalogQuery } from '@/lib/gql/graphql';

export type CatalogDefinition = EventCatalogQuery['eventDefinitions'][number];
export type CatalogGroup = EventCatalogQuery['eventGroups'][number];

export const EVENT_CATALOG_QUERY = graphql(`
  query EventCatalog {
    eventDefinitions {
      id
      name
      displayName
      type
      system
      status
      count
      droppedCount
      firstSeenAt
      lastSeenAt
      group {
        id
        name
      }
      dailyCounts(days: 30) {
        day
        count
      }
    }
    eventGroups {
      id
      name
      description
      createdAt
      events {
        id
        name
        displayName
      }
    }
  }
`);

export const RENAME_EVENT_MUTATION = graphql(`
  mutation RenameEvent($input: RenameEventInput!) {
    renameEvent(input: $input) {
      id
      displayName
    }
  }
`);

export const SET_EVENT_STATUS_MUTATION = graphql(`
  mutation SetEventStatus($input: SetEventStatusInput!) {
    setEventStatus(input: $input) {
      id
      status
    }
  }
`);

export const CREATE_EVENT_GROUP_MUTATION = graphql(`
  mutation CreateEventGroup($input: CreateEventGroupInput!) {
    createEventGroup(input: $input) {
      id
      name
    }
  }
`);

export const UPDATE_EVENT_GROUP_MUTATION = graphql(`
  mutation UpdateEventGroup($input: UpdateEventGroupInput!) {
    updateEventGroup(input: $input) {
      id
      name
    }
  }
`);

export const DELETE_EVENT_GROUP_MUTATION = graphql(`
  mutation DeleteEventGroup($id: ID!) {
    deleteEventGroup(id: $id)
  }
`);
