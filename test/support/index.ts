export { openTestDatabase } from './testDatabase';
export { startTestApi, type TestApi, type TestWorkspace } from './testApi';
export { startTemporalTestEnvironment, temporalCliPath } from './temporalTestEnvironment';
export { startTimeSkippingEnvironment, temporalTestServerPath } from './temporalTimeSkippingEnvironment';
export { type JourneyTestEnvironment, startJourneyTestEnvironment, workflowBundle } from './journeyTestEnvironment';
export { type ReceivedEmail, type SmtpSink, startSmtpSink } from './smtpSink';
export { type ReceivedRequest, startWebhookSink, type WebhookSink } from './webhookSink';
export { eventually, journeyRunQuery, publishJourney, waitForRun } from './journeyHelpers';
