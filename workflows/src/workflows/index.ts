// Workflow code runs in Temporal's deterministic sandbox: only pure imports here
// (activities by type, @tideflow/domain), no Node, Prisma, Date.now or Math.random.
export { eventCatalogRecount } from './eventCatalogRecount';
export { journeyRun, journeyRunV2, journeyRunV3 } from './journeyRun/journeyRunWorkflow';
export { journeyAudienceEntry } from './journeyAudienceEntry';
export { segmentSweep } from './segmentSweep';
