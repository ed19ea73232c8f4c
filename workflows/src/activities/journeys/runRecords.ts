import { type PrismaClient, type SqlQueryable, sqlDriverOf, type User } from '@tideflow/db';
import type { ChannelSettingsRow } from '../../channels/channelConfig';
import type { JourneyRunEnd, JourneyRunIdentity, JourneyStep } from '../../journeys/journeyRunTypes';
import { runUserQuery } from './runUser';

/** The step-log rows of `steps`, one JSON parameter for `stepsInsertSql`. */
const stepRows = (steps: readonly JourneyStep[]) =>
  JSON.stringify(steps.map((step) => ({ seq: step.seq, nodeId: step.nodeId, kind: step.kind, branch: step.branch ?? null, reason: step.reason ?? null, messageId: step.messageId ?? null, at: new Date(step.at).toISOString() })));

/** Inserts step-log lines (`rows`: `stepRows`); `(runId, seq)` is unique, so a retried activity adds nothing twice. Arguments are parameter placeholders. */
const stepsInsertSql = (runId: string, journeyId: string, rows: string) =>
  `INSERT INTO "JourneyRunStep" ("runId", "journeyId", seq, "nodeId", kind, branch, reason, "messageId", at)
     SELECT ${runId}::uuid, ${journeyId}::uuid, s.seq, s."nodeId", s.kind::"JourneyStepKind", s.branch, s.reason, s."messageId", s.at
       FROM jsonb_to_recordset(${rows}::jsonb) AS s(seq int, "nodeId" text, kind text, branch text, reason text, "messageId" uuid, at timestamptz)
     ON CONFLICT ("runId", seq) DO NOTHING`;

/** Writes step-log lines inside a caller's transaction (a Prisma one through `transactionQueryable`). */
export async function persistSteps(db: SqlQueryable, run: JourneyRunIdentity, steps: readonly JourneyStep[]): Promise<void> {
  if (!steps.length) return;
  await db.query(stepsInsertSql('$1', '$2', '$3'), [run.runId, run.journeyId, stepRows(steps)]);
}

export interface RunPosition {
  run: JourneyRunIdentity;
  steps: JourneyStep[];
  convertedAt: string | null;
}

/**
 * Writes `steps` and sets `sets` on the run, if it is still active, in one statement: the
 * bookkeeping every step of every run does, so it skips Prisma (an interactive transaction
 * cost ~2 ms of the worker's CPU per call against ~0.4 for this; bench/journeys). `params`
 * starts with the run id; `sets` name their parameters by position. With `select`, the same
 * statement ends with that query (it sees the rows as they were before the writes) and its rows
 * are returned: a step that reads the user saves a round trip.
 */
async function writeRun<Row = never>(prisma: PrismaClient, run: JourneyRunIdentity, steps: readonly JourneyStep[], sets: string[], params: unknown[], select?: string): Promise<Row[]> {
  const values: unknown[] = [run.runId, ...params];
  const update = sets.length ? `UPDATE "JourneyRun" SET ${sets.join(', ')} WHERE id = $1::uuid AND status = 'ACTIVE'` : null;
  let insert: string | null = null;
  if (steps.length) {
    values.push(run.journeyId, stepRows(steps));
    insert = stepsInsertSql('$1', `$${values.length - 1}`, `$${values.length}`);
  }
  // One statement: every part but the last runs as a data-modifying CTE.
  const parts = [insert, update, select].filter((part): part is string => Boolean(part));
  const last = parts.pop();
  if (!last) return [];
  const text = parts.length ? `WITH ${parts.map((part, i) => `write${i} AS (${part})`).join(', ')} ${last}` : last;
  const { rows } = await sqlDriverOf(prisma).query<Row>(text, values);
  return rows;
}

/** A `SET` list and its parameters, numbered after the run id ($1). */
function setList(columns: ReadonlyArray<[column: string, value: unknown, cast: string] | null>): { sets: string[]; params: unknown[] } {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const entry of columns) {
    if (!entry) continue;
    const [column, value, cast] = entry;
    params.push(value);
    const param = `$${params.length + 1}`;
    // A text[] column from a JSON list: one parameter whatever the driver's array encoding.
    sets.push(cast === 'text[]' ? `"${column}" = ARRAY(SELECT jsonb_array_elements_text(${param}::jsonb))` : `"${column}" = ${param}::${cast}`);
  }
  return { sets, params };
}

type PositionUpdate = RunPosition & { currentNodeId?: string | null; waitingSince?: string | null; listeningTo?: string[] };

function positionSets(position: PositionUpdate) {
  return setList([
    position.currentNodeId !== undefined ? ['currentNodeId', position.currentNodeId, 'text'] : null,
    position.waitingSince !== undefined ? ['waitingSince', position.waitingSince ? new Date(position.waitingSince).toISOString() : null, 'timestamptz'] : null,
    position.listeningTo !== undefined ? ['listeningTo', JSON.stringify(position.listeningTo), 'text[]'] : null,
    position.convertedAt ? ['convertedAt', new Date(position.convertedAt).toISOString(), 'timestamptz'] : null,
  ]);
}

/** Steps plus where the run stands, in one statement. Ended runs are left as they are. */
export async function recordPosition(prisma: PrismaClient, position: PositionUpdate): Promise<void> {
  const { sets, params } = positionSets(position);
  await writeRun(prisma, position.run, position.steps, sets, params);
}

/** The run's user as stored now (see `loadRunUser`) and the workspace's channel settings, if asked for. */
export interface RunUserAndChannels {
  user: User | null;
  channelSettings: ChannelSettingsRow | null;
}

/** The channel settings' column in the row `recordPositionAndLoadUser` reads, beside the user's. */
const channelSettingsColumn = '__channelSettings';

/**
 * `recordPosition` and `loadRunUser` (and, with `channels`, the workspace's channel settings) in one
 * round trip: what a split, a send or a webhook call does first.
 */
export async function recordPositionAndLoadUser(prisma: PrismaClient, position: PositionUpdate, options: { channels?: boolean } = {}): Promise<RunUserAndChannels> {
  const { sets, params } = positionSets(position);
  const channels = options.channels ? `, (SELECT to_jsonb(c) FROM "ChannelSettings" c WHERE c."workspaceId" = r."workspaceId") AS "${channelSettingsColumn}"` : '';
  const rows = await writeRun<User & { [channelSettingsColumn]?: ChannelSettingsRow | null }>(prisma, position.run, position.steps, sets, params, runUserQuery(channels));
  const row = rows[0];
  if (!row) return { user: null, channelSettings: null };
  const { [channelSettingsColumn]: channelSettings, ...user } = row;
  return { user, channelSettings: channelSettings ?? null };
}

export function createRunRecordActivities(deps: { prisma: PrismaClient }) {
  return {
    /** Where the run is now and which events it listens to; writes buffered steps. */
    async recordJourneyProgress(input: RunPosition & { currentNodeId: string; waitingSince: string | null; listeningTo: string[] }): Promise<void> {
      await recordPosition(deps.prisma, input);
    },

    /** The run's end: status, reason, time; it stops listening to events. */
    async finishJourneyRun(input: RunPosition & { status: JourneyRunEnd; reason: string }): Promise<void> {
      const { sets, params } = setList([
        ['status', input.status, '"JourneyRunStatus"'],
        ['endReason', input.reason.slice(0, 1000), 'text'],
        ['endedAt', new Date().toISOString(), 'timestamptz'],
        ['waitingSince', null, 'timestamptz'],
        ['listeningTo', '[]', 'text[]'],
        input.convertedAt ? ['convertedAt', new Date(input.convertedAt).toISOString(), 'timestamptz'] : null,
      ]);
      await writeRun(deps.prisma, input.run, input.steps, sets, params);
    },
  };
}
