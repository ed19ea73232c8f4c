import { graphql } from '@/lib/gql';
import type { PreviewSegmentQuery, SegmentBuilderCatalogQuery, SegmentDetailQuery, SegmentsQuery, SegmentUploadProgressQuery } from '@/lib/gql/graphql';

export type SegmentRow = SegmentsQuery['segments'][number];
export type SegmentDetailData = NonNullable<SegmentDetailQuery['segment']>;
export type BuilderCatalogData = SegmentBuilderCatalogQuery;
export type SegmentPreviewData = PreviewSegmentQuery['previewSegment'];
export type UploadProgress = NonNullable<SegmentUploadProgressQuery['segmentUpload']>;

export const SEGMENTS_QUERY = graphql(`
  query Segments {
    segments {
      id
      name
      kind
      isTest
      size
      status
      lastError
      updatedAt
      trend(days: 30) {
        day
        size
      }
    }
  }
`);

export const SEGMENT_USAGE_QUERY = graphql(`
  query SegmentUsage($id: ID!) {
    segment(id: $id) {
      id
      size
      usedBy {
        kind
        id
        name
      }
    }
  }
`);

export const DELETE_SEGMENT_MUTATION = graphql(`
  mutation DeleteSegment($id: ID!) {
    deleteSegment(id: $id)
  }
`);

/** What the builder's pickers and client-side validation read. */
export const BUILDER_CATALOG_QUERY = graphql(`
  query SegmentBuilderCatalog {
    attributeDefinitions {
      id
      name
      displayName
      type
      system
    }
    eventDefinitions {
      id
      name
      displayName
      system
    }
    eventGroups {
      id
      name
      description
      events {
        id
        name
      }
    }
    segments {
      id
      name
      kind
      definition
    }
  }
`);

export const PREVIEW_SEGMENT_QUERY = graphql(`
  query PreviewSegment($definition: JSON!, $segmentId: ID) {
    previewSegment(definition: $definition, segmentId: $segmentId) {
      valid
      size
      exact
      samplePercent
      problems {
        path
        message
      }
      sampleUsers {
        id
        externalId
        email
        lastSeenAt
      }
    }
  }
`);

export const SEGMENT_DETAIL_QUERY = graphql(`
  query SegmentDetail($id: ID!) {
    segment(id: $id) {
      id
      name
      description
      kind
      isTest
      definition
      status
      lastError
      size
      computedAt
      createdAt
      updatedAt
      timeSensitive
      usedBy {
        kind
        id
        name
      }
    }
  }
`);

export const SEGMENT_MEMBERS_QUERY = graphql(`
  query SegmentMembers($id: ID!, $first: Int, $after: String) {
    segment(id: $id) {
      id
      members(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            enteredAt
            user {
              id
              externalId
              email
            }
          }
        }
      }
    }
  }
`);

export const SEGMENT_HISTORY_QUERY = graphql(`
  query SegmentHistory($id: ID!, $first: Int) {
    segment(id: $id) {
      id
      history(first: $first) {
        userId
        enteredAt
        exitedAt
        user {
          id
          externalId
          email
        }
      }
    }
  }
`);

export const SEGMENT_UPLOADS_QUERY = graphql(`
  query SegmentUploads($id: ID!) {
    segment(id: $id) {
      id
      uploads {
        id
        fileName
        idType
        replace
        status
        totalRows
        processedRows
        matchedRows
        unmatchedRows
        error
        createdAt
        finishedAt
      }
    }
  }
`);

export const SEGMENT_UPLOAD_PROGRESS_QUERY = graphql(`
  query SegmentUploadProgress($id: ID!) {
    segmentUpload(id: $id) {
      id
      fileName
      idType
      replace
      status
      totalRows
      processedRows
      matchedRows
      unmatchedRows
      error
      createdAt
      finishedAt
    }
  }
`);

export const SEGMENT_UPLOAD_REPORT_QUERY = graphql(`
  query SegmentUploadReport($id: ID!, $first: Int!) {
    segmentUpload(id: $id) {
      id
      unmatchedRows
      unmatched(first: $first) {
        row
        value
        reason
      }
    }
  }
`);

/** Sent by hand as a multipart request (Apollo Client does not do file uploads). */
export const UPLOAD_SEGMENT_CSV_MUTATION = graphql(`
  mutation UploadSegmentCsv($input: UploadSegmentCsvInput!) {
    uploadSegmentCsv(input: $input) {
      id
      status
    }
  }
`);

export const CREATE_SEGMENT_MUTATION = graphql(`
  mutation CreateSegment($input: CreateSegmentInput!) {
    createSegment(input: $input) {
      id
      name
      kind
      size
    }
  }
`);

export const UPDATE_SEGMENT_MUTATION = graphql(`
  mutation UpdateSegment($input: UpdateSegmentInput!) {
    updateSegment(input: $input) {
      id
      name
      description
      isTest
      definition
      status
      lastError
      size
      computedAt
      updatedAt
      timeSensitive
    }
  }
`);

export const RECOMPUTE_SEGMENT_MUTATION = graphql(`
  mutation RecomputeSegment($id: ID!) {
    recomputeSegment(id: $id) {
      id
      size
      status
      lastError
      computedAt
      updatedAt
    }
  }
`);
