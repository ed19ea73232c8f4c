import { eventually, publishJourney } from './journeyHelpers';
import type { JourneyTestEnvironment } from './journeyTestEnvironment';

/** One line of a run's step log, as GraphQL returns it. */
export interface RunStep {
  seq: number;
  nodeId: string | null;
  kind: 'ENTERED' | 'WAITING' | 'BRANCH' | 'CONVERTED' | 'ENDED';
  branch: string | null;
  reason: string | null;
  messageId: string | null;
  at: string;
}

export interface RunView {
  id: string;
  status: string;
  version: number;
  entryNumber: number;
  currentNodeId: string | null;
  waitingSince: string | null;
  endReason: string | null;
  convertedAt: string | null;
  workflowId: string;
  triggerNodeId: string;
  triggerEvent: { name: string; properties: Record<string, unknown> };
  steps: RunStep[];
}

export interface TriggerResult {
  entered: boolean;
  duplicate: boolean;
  reason: string | null;
  run: { id: string; version: number; entryNumber: number; workflowId: string } | null;
}

const runQuery = /* GraphQL */ `
  query Run($journeyId: ID!, $userId: String!, $entryNumber: Int) {
    journeyRun(journeyId: $journeyId, userId: $userId, entryNumber: $entryNumber) {
      id status version entryNumber currentNodeId waitingSince endReason convertedAt workflowId triggerNodeId triggerEvent
      steps { seq nodeId kind branch reason messageId at }
    }
  }
`;

const ended = ['COMPLETED', 'EXITED', 'CANCELLED', 'FAILED'];

/** `nodeId:branch` for every BRANCH step: the path a run took. */
export const pathOf = (run: RunView) => run.steps.filter((s) => s.kind === 'BRANCH').map((s) => `${s.nodeId}:${s.branch}`);

/** The reason of the first step of `kind` at `nodeId`. */
export function reasonAt(run: RunView, nodeId: string | null, kind: RunStep['kind'] = 'BRANCH'): string | null | undefined {
  return run.steps.find((s) => s.nodeId === nodeId && s.kind === kind)?.reason;
}

/**
 * What the scenario tests do again and again, the way users do it: ingest
 * through the Segment HTTP API, trigger and read through GraphQL.
 */
export function journeyScenario(env: JourneyTestEnvironment, workspace: { writeKey: string; secretKey: string }) {
  const graphql = async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const result = await env.graphql<T>(workspace.secretKey, query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  };
  const ingest = async (path: string, body: unknown) => {
    const response = await env.ingest(workspace.writeKey, path, body);
    if (response.status !== 200) throw new Error(`ingest ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const scenario = {
    graphql,
    identify: (userId: string, traits: Record<string, unknown>, extra: Record<string, unknown> = {}) => ingest('identify', { userId, traits, ...extra }),
    track: (userId: string, event: string, properties: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ingest('track', { userId, event, properties, ...extra }),
    batch: (batch: unknown[]) => ingest('batch', { batch }),
    publish: (name: string, draft: unknown) => publishJourney(env, workspace.secretKey, name, draft),

    async trigger(journeyId: string, userId: string, payload?: Record<string, unknown>, idempotencyKey?: string): Promise<TriggerResult> {
      const data = await graphql(
        `mutation($input: TriggerJourneyInput!) { triggerJourney(input: $input) { entered duplicate reason run { id version entryNumber workflowId } } }`,
        { input: { journeyId, userId, ...(payload ? { payload } : {}), ...(idempotencyKey ? { idempotencyKey } : {}) } },
      );
      return data.triggerJourney;
    },

    /** The user's latest run (or entry `entryNumber`) with its step log; null when they never entered. */
    async run(journeyId: string, userId: string, entryNumber?: number): Promise<RunView | null> {
      return (await graphql(runQuery, { journeyId, userId, ...(entryNumber ? { entryNumber } : {}) })).journeyRun;
    },

    /** Waits for the run to end. */
    async finished(journeyId: string, userId: string, entryNumber?: number, timeoutMs = 30_000): Promise<RunView> {
      return eventually(async () => {
        const run = await scenario.run(journeyId, userId, entryNumber);
        return run && ended.includes(run.status) ? run : undefined;
      }, { timeoutMs, what: `the run of ${userId} to end` });
    },

    /** Waits until the run sits at `nodeId`, waiting (timer or event). */
    async waitingAt(journeyId: string, userId: string, nodeId: string, entryNumber?: number): Promise<RunView> {
      return eventually(async () => {
        const run = await scenario.run(journeyId, userId, entryNumber);
        return run?.status === 'ACTIVE' && run.currentNodeId === nodeId && run.waitingSince ? run : undefined;
      }, { what: `${userId} waiting at ${nodeId}` });
    },

    /** Resolves once every ingested event has been through the journey processor (entries made, signals sent). */
    async processed(): Promise<void> {
      await eventually(async () => (await env.db.prisma.journeyInbox.count()) === 0, { what: 'the journey inbox to drain' });
    },

    async user(externalId: string) {
      return (await graphql(`query($externalId: String!) { user(externalId: $externalId) { id email country phone traits journeyRuns { id status version entryNumber } } }`, { externalId })).user;
    },

    async stats(journeyId: string) {
      return (await graphql(
        `query($id: ID!) { journey(id: $id) { status latestVersion stats { entered active completed exitedEarly cancelled failed converted conversionRate } nodeStats { nodeId entered waitingNow branches { branch count percent } } } }`,
        { id: journeyId },
      )).journey;
    },
  };
  return scenario;
}

export type JourneyScenario = ReturnType<typeof journeyScenario>;
