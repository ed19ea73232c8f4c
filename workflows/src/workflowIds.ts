/** Deterministic workflow ids: the same business key always names the same run. */
export const workflowIds = {
  eventCatalogRecount: (workspaceId: string) => `event-catalog-recount/${workspaceId}`,
  /** One workflow per (journey, user, entry). */
  journeyRun: (journeyId: string, userId: string, entryNumber: number) => `journey/${journeyId}/user/${userId}/entry/${entryNumber}`,
  /** The Temporal Schedule of a scheduled-audience trigger, and the workflow id prefix of its ticks. */
  journeySchedule: (journeyId: string, nodeId: string) => `journey-schedule/${journeyId}/${nodeId}`,
  /** The one Schedule (and the workflow id prefix of its runs) sweeping time-sensitive segments. */
  segmentSweep: 'segment-sweep',
};
