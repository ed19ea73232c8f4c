/**
 * What a journey run needs inside Temporal's workflow sandbox, without zod. The sandbox gives each
 * workflow its own module cache, so every run, and every replay of a run evicted from the worker's
 * cache, evaluates again what its code imports: zod and the schemas built with it were a fifth of
 * the workflow thread's time (bench/journeys). Keep this entry free of zod; schemas and validation
 * stay in the main entry (`@tideflow/domain`), which workflow code imports for types only.
 */
export { compare } from './conditions/compareValues';
export { describeDuration, durationMs, formatMs } from './conditions/durationMath';
export { matchesPropertyFilters } from './conditions/propertyMatching';
export { valueAtPath } from './conditions/valueAtPath';
export { JourneyGraph } from './journeys/journeyBranches';
export { alwaysListenedEvents, segmentChangeEvents } from './journeys/journeyListening';
export { chooseRandomBranch } from './journeys/randomSplit';
