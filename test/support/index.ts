export { openTestDatabase } from './testDatabase';
export { startTestApi, type TestApi, type TestWorkspace } from './testApi';
export { startTemporalTestEnvironment, temporalCliPath } from './temporalTestEnvironment';
export { startTimeSkippingEnvironment, temporalTestServerPath } from './temporalTimeSkippingEnvironment';
