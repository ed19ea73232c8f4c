/**
 * Workflow time. Temporal's sandbox pins `Date` to the time of the current
 * workflow task, so this is deterministic on replay (unlike a wall clock).
 */
export function workflowNow(): number {
  return new Date().getTime();
}
