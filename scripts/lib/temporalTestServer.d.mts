/** Maven Central version of io.temporal:temporal-test-server that `npm test` installs. */
export const temporalTestServerVersion: string;
export const temporalTestServerArtifact: string;
/** The wrapper script (`<path> <port> [--enable-time-skipping]`), or $TEMPORAL_TEST_SERVER. */
export const temporalTestServer: string;
/** Installs the test server into .tools/ if it is missing (needs Java and Maven); returns the wrapper's path. */
export function ensureTemporalTestServer(): Promise<string>;
