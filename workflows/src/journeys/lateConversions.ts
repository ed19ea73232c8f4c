import type { Event, PrismaClient } from '@tideflow/db';
import { durationMs } from '@tideflow/domain';
import { convertsGoal } from '../workflows/journeyRun/eventMatching';
import { journeyEventOf } from './journeyEventOf';
import type { JourneyVersionCache } from './journeyVersions';

/** Bounds the runs read per batch of events: a user's ended runs, newest first. */
const endedRunsPerUser = 50;

/**
 * A goal counts when its event happens within the window after entry, as Braze's conversion
 * deadline does, even when the run has already ended (a short journey, an exit, a stop): the
 * workflow is gone, so the conversion is recorded here, with a step saying so. Active runs are
 * left to their workflow, which gets the event as a signal.
 */
export async function recordLateConversions(prisma: PrismaClient, versions: JourneyVersionCache, workspaceId: string, events: readonly Event[]): Promise<number> {
  if (!events.length) return 0;
  const userIds = [...new Set(events.map((event) => event.userId))];
  const times = events.map((event) => event.timestamp.getTime());
  const [earliest, latest] = [Math.min(...times), Math.max(...times)];
  const runs = await prisma.journeyRun.findMany({
    where: { workspaceId, userId: { in: userIds }, status: { not: 'ACTIVE' }, convertedAt: null, enteredAt: { lte: new Date(latest + 1000) } },
    select: { id: true, journeyId: true, version: true, userId: true, enteredAt: true },
    orderBy: { enteredAt: 'desc' },
    take: endedRunsPerUser * userIds.length,
  });
  let converted = 0;
  for (const run of runs) {
    const goal = (await versions.get(run.journeyId, run.version))?.definition.goal;
    if (!goal) continue;
    const enteredAtMs = run.enteredAt.getTime();
    if (enteredAtMs + durationMs(goal.within) < earliest) continue;
    const conversion = events.find((event) => event.userId === run.userId && convertsGoal(journeyEventOf(event), goal, enteredAtMs));
    if (!conversion) continue;
    const recorded = await prisma.$transaction(async (tx) => {
      const { count } = await tx.journeyRun.updateMany({ where: { id: run.id, convertedAt: null, status: { not: 'ACTIVE' } }, data: { convertedAt: conversion.timestamp } });
      if (!count) return false;
      const last = await tx.journeyRunStep.aggregate({ where: { runId: run.id }, _max: { seq: true } });
      await tx.journeyRunStep.create({
        data: { runId: run.id, journeyId: run.journeyId, seq: (last._max.seq ?? 0) + 1, nodeId: null, kind: 'CONVERTED', reason: `goal reached after the run ended: ${conversion.name}`, at: conversion.timestamp },
      });
      return true;
    });
    if (recorded) converted++;
  }
  return converted;
}
