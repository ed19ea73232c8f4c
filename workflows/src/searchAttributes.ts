import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes every Tideflow workflow may carry, so operators can
 * find runs in the Temporal UI by workspace, user, journey or campaign.
 * They are registered when the dev server starts (see scripts/temporal.mjs).
 */
export const searchAttributes = {
  workspaceId: defineSearchAttributeKey('WorkspaceId', SearchAttributeType.KEYWORD),
  userId: defineSearchAttributeKey('UserId', SearchAttributeType.KEYWORD),
  journeyId: defineSearchAttributeKey('JourneyId', SearchAttributeType.KEYWORD),
  journeyVersion: defineSearchAttributeKey('JourneyVersion', SearchAttributeType.INT),
  campaignId: defineSearchAttributeKey('CampaignId', SearchAttributeType.KEYWORD),
} as const;

export const allSearchAttributes = Object.values(searchAttributes);

/** `Name=Type` pairs for `temporal server start-dev --search-attribute`. */
export const searchAttributeFlags = allSearchAttributes.map((key) => `${key.name}=${key.type === SearchAttributeType.INT ? 'Int' : 'Keyword'}`);
