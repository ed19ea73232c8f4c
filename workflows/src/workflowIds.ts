/** Deterministic workflow ids: the same business key always names the same run. */
export const workflowIds = {
  eventCatalogRecount: (workspaceId: string) => `event-catalog-recount/${workspaceId}`,
};
