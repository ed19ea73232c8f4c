export { type Activities, type ActivityDependencies, createActivities, type EventCatalogRecount } from './activities';
export { allSearchAttributes, searchAttributeFlags, searchAttributes } from './searchAttributes';
export { runEventCatalogRecount } from './starters/startEventCatalogRecount';
export { type TemporalConfig, temporalConfigFromEnv } from './temporalConfig';
export { createTideflowWorker, type TideflowWorkerOptions, workflowsPath } from './worker';
export { workflowIds } from './workflowIds';
