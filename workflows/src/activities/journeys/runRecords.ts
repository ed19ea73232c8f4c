import { type PrismaClient, type SqlQueryable, sqlDriverOf } from '@tideflow/db';
import type { JourneyRunEnd, JourneyRunIdentity, JourneyStep } from '../../journeys/journeyRunTypes';

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
 * starts with the run id; `sets` name their parameters by position.
 */
async function writeRun(prisma: PrismaClient, run: JourneyRunIdentity, steps: readonly JourneyStep[], sets: string[], params: unknown[]): Promise<void> {
  const values: unknown[] = [run.runId, ...params];
  const update = sets.length ? `UPDATE "JourneyRun" SET ${sets.join(', ')} WHERE id = $1::uuid AND status = 'ACTIVE'` : null;
  let insert: string | null = null;
  if (steps.length) {
    values.push(run.journeyId, stepRows(steps));
    insert = stepsInsertSql('$1', `$${values.length - 1}`, `$${values.length}`);
  }
  const text = insert && update ? `WITH steps AS (${insert}) ${update}` : (insert ?? update);
  if (!text) return;
  await sqlDriverOf(prisma).query(text, values);
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

/** Steps plus where the run stands, in one statement. Ended runs are left as they are. */
export async function recordPosition(
  prisma: PrismaClient,
  position: RunPosition & { currentNodeId?: string | null; waitingSince?: string | null; listeningTo?: string[] },
): Promise<void> {
  const { sets, params } = setList([
    position.currentNodeId !== undefined ? ['currentNodeId', position.currentNodeId, 'text'] : null,
    position.waitingSince !== undefined ? ['waitingSince', position.waitingSince ? new Date(position.waitingSince).toISOString() : null, 'timestamptz'] : null,
    position.listeningTo !== undefined ? ['listeningTo', JSON.stringify(position.listeningTo), 'text[]'] : null,
    position.convertedAt ? ['convertedAt', new Date(position.convertedAt).toISOString(), 'timestamptz'] : null,
  ]);
  await writeRun(prisma, position.run, position.steps, sets, params);
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
