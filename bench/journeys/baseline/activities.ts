export const baselineActivities = {
  /** Does nothing: what is left is Temporal's own cost of scheduling, dispatching and completing an activity. */
  async benchNoop(): Promise<void> {},
};

export type BaselineActivities = typeof baselineActivities;
