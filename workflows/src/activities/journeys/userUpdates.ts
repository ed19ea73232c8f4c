import { type Prisma, type PrismaClient, type SqlDriver, transactionQueryable } from '@tideflow/db';
import { type ExitCriterion, humanizeName, inferAttributeType, isJsonObject, isSystemAttributeName, type JsonObject, type JsonValue, type UserUpdate } from '@tideflow/domain';
import { renderTemplate } from '@tideflow/domain/templates';
import type { JourneyEvent } from '../../journeys/journeyRunTypes';
import { applyMembershipChanges } from '../../segments/segmentMembership';
import { attributeExitReason } from './exitCheck';
import { recordJourneyProfileChange } from './profileChangeEvent';
import { persistSteps, type RunPosition } from './runRecords';
import { userFactsOf } from './runUser';
import { templateScope } from './templateScope';

/** Columns an update step may write; seen-at times and ids are Tideflow's own. */
const writableColumns = new Set(['email', 'phone', 'timezone', 'locale', 'country', 'city', 'region', 'platform', 'os', 'browser', 'deviceType', 'deviceModel', 'appVersion']);

function describe(update: UserUpdate, value?: JsonValue): string {
  switch (update.op) {
    case 'set':
      return `set ${update.attribute} = ${JSON.stringify(value)}`;
    case 'unset':
      return `unset ${update.attribute}`;
    case 'increment':
      return `${update.attribute} += ${update.by}`;
    case 'addTag':
      return `tag +${update.tag}`;
    case 'removeTag':
      return `tag -${update.tag}`;
    case 'addToSegment':
      return `added to segment ${update.segmentId}`;
    case 'removeFromSegment':
      return `removed from segment ${update.segmentId}`;
  }
}

type SegmentUpdate = Extract<UserUpdate, { op: 'addToSegment' | 'removeFromSegment' }>;
const isSegmentUpdate = (update: UserUpdate): update is SegmentUpdate => update.op === 'addToSegment' || update.op === 'removeFromSegment';

/**
 * Static segment changes go first, in transactions of their own: they are
 * idempotent (a member is not added twice), so a retry after a crash between
 * them and the receipt repeats nothing visible.
 */
async function applySegmentUpdates(deps: { prisma: PrismaClient; sql: SqlDriver }, workspaceId: string, userId: string, updates: SegmentUpdate[]): Promise<string[]> {
  const done: string[] = [];
  for (const update of updates) {
    const segment = await deps.prisma.segment.findFirst({ where: { id: update.segmentId, workspaceId }, select: { id: true, name: true, workspaceId: true, kind: true } });
    if (!segment) {
      done.push(`segment ${update.segmentId} no longer exists`);
      continue;
    }
    if (segment.kind !== 'STATIC') {
      done.push(`segment "${segment.name}" is live: not changed`);
      continue;
    }
    const adding = update.op === 'addToSegment';
    await applyMembershipChanges(deps.sql, segment, adding ? { enter: [userId], exit: [] } : { enter: [], exit: [userId] });
    done.push(`${adding ? 'added to' : 'removed from'} segment "${segment.name}"`);
  }
  return done;
}

/**
 * Applies an update step once: the receipt (unique per run and step) is
 * written in the same transaction as the change, so a retried activity
 * changes nothing twice (increments included).
 */
export function createUserUpdateActivities(deps: { prisma: PrismaClient; sql: SqlDriver }) {
  return {
    async applyJourneyUserUpdates(input: RunPosition & { nodeId: string; iteration: string; updates: UserUpdate[]; trigger: JourneyEvent; context: JsonObject; exitCriteria: ExitCriterion[] }): Promise<{ reason: string; exitReason: string | null }> {
      const { run } = input;
      const key = `journey:${run.runId}:${input.iteration}`;
      const segmentUpdates = input.updates.filter(isSegmentUpdate);
      let segmentsDone: string[] = [];
      if (segmentUpdates.length && !(await deps.prisma.actionReceipt.findUnique({ where: { workspaceId_idempotencyKey: { workspaceId: run.workspaceId, idempotencyKey: key } } }))) {
        const owner = await deps.prisma.journeyRun.findUnique({ where: { id: run.runId }, select: { userId: true } });
        if (owner) segmentsDone = await applySegmentUpdates(deps, run.workspaceId, owner.userId, segmentUpdates);
      }
      return deps.prisma.$transaction(async (tx) => {
        await persistSteps(transactionQueryable(tx), run, input.steps);
        const runRow = await tx.journeyRun.findUnique({ where: { id: run.runId }, select: { userId: true } });
        const user = runRow ? await tx.user.findUnique({ where: { id: runRow.userId } }) : null;
        if (!user) return { reason: 'the user no longer exists: nothing updated', exitReason: null };
        await tx.journeyRun.updateMany({ where: { id: run.runId, status: 'ACTIVE' }, data: { currentNodeId: input.nodeId, waitingSince: null } });
        const receipt = await tx.actionReceipt.createMany({ data: [{ workspaceId: run.workspaceId, idempotencyKey: key }], skipDuplicates: true });
        const facts = userFactsOf(user);
        if (!receipt.count) return { reason: 'already applied', exitReason: attributeExitReason(facts, input.exitCriteria) };

        const traits: JsonObject = isJsonObject(user.traits) ? { ...user.traits } : {};
        const columns: Record<string, string | null> = {};
        const done: string[] = [...segmentsDone];
        const scope = templateScope(run, facts, input.trigger, input.context);
        for (const update of input.updates) {
          if (isSegmentUpdate(update)) continue;
          if (update.op === 'addTag' || update.op === 'removeTag') {
            const tags = Array.isArray(traits.tags) ? traits.tags.filter((t): t is string => typeof t === 'string') : [];
            traits.tags = update.op === 'addTag' ? [...new Set([...tags, update.tag])] : tags.filter((t) => t !== update.tag);
            done.push(describe(update));
            continue;
          }
          const column = isSystemAttributeName(update.attribute) && writableColumns.has(update.attribute);
          if (update.op === 'set') {
            const value = typeof update.value === 'string' ? await renderTemplate(update.value, scope) : update.value;
            if (column) columns[update.attribute] = value === null ? null : String(value);
            else traits[update.attribute] = value;
            done.push(describe(update, value));
          } else if (update.op === 'unset') {
            if (column) columns[update.attribute] = null;
            else delete traits[update.attribute];
            done.push(describe(update));
          } else {
            const current = traits[update.attribute];
            const base = typeof current === 'number' ? current : typeof current === 'string' && Number.isFinite(Number(current)) ? Number(current) : 0;
            traits[update.attribute] = base + update.by;
            done.push(describe(update));
          }
        }
        const updated = await tx.user.update({ where: { id: user.id }, data: { ...columns, traits: traits as Prisma.InputJsonValue } });
        await recordCustomAttributes(tx, run.workspaceId, traits);
        if (input.updates.some((update) => !isSegmentUpdate(update))) await recordJourneyProfileChange(tx, run, user.id, input.nodeId, input.iteration, new Date());
        return { reason: done.join(', '), exitReason: attributeExitReason(userFactsOf(updated), input.exitCriteria) };
      });
    },
  };
}

/** New traits enter the attribute catalog, as ingested ones do. */
async function recordCustomAttributes(tx: Prisma.TransactionClient, workspaceId: string, traits: JsonObject): Promise<void> {
  const rows = Object.entries(traits).flatMap(([name, value]) => {
    const type = inferAttributeType(value);
    return type ? [{ workspaceId, name, displayName: humanizeName(name), type, system: false }] : [];
  });
  if (rows.length) await tx.attributeDefinition.createMany({ data: rows, skipDuplicates: true });
}
