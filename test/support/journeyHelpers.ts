import type { JourneyTestEnvironment } from './journeyTestEnvironment';

/** Polls until `check` returns a value (not undefined/false), or fails with the last value seen. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    last = value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const journeyRunQuery = /* GraphQL */ `
  query Run($journeyId: ID!, $userId: String!) {
    journeyRun(journeyId: $journeyId, userId: $userId) {
      id status version entryNumber currentNodeId endReason convertedAt workflowId
      steps { seq nodeId kind branch reason messageId at }
    }
  }
`;

/** Creates and publishes a journey through GraphQL; returns its id. Throws with the errors if publishing fails. */
export async function publishJourney(env: JourneyTestEnvironment, secretKey: string, name: string, draft: unknown): Promise<string> {
  const created = await env.graphql(secretKey, `mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id } }`, { input: { name, draft } });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const id = created.data.createJourney.id as string;
  const published = await env.graphql(secretKey, `mutation($id: ID!) { publishJourney(id: $id) { id status latestVersion } }`, { id });
  if (published.errors) throw new Error(JSON.stringify(published.errors));
  return id;
}

/** Waits for the user's latest run of the journey to reach one of `statuses`. */
export async function waitForRun(env: JourneyTestEnvironment, secretKey: string, journeyId: string, userId: string, statuses: string[] = ['COMPLETED', 'EXITED', 'CANCELLED', 'FAILED'], timeoutMs = 30_000) {
  return eventually(
    async () => {
      const result = await env.graphql(secretKey, journeyRunQuery, { journeyId, userId });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      const run = result.data.journeyRun;
      return run && statuses.includes(run.status) ? run : undefined;
    },
    { timeoutMs, what: `run of ${userId} in ${statuses.join('/')}` },
  );
}
