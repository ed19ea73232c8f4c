import { randomUUID } from 'node:crypto';
import type { JsonObject } from '@tideflow/domain';
import { enterJourney, startJourneyRun } from '@tideflow/workflows';
import { z } from 'zod';
import { builder } from '../builder';
import { workspaceOf } from '../context';
import { inputError, NotFoundError } from '../errors';
import { findJourney } from './journey';
import { userMatch } from './journeyRun';
import { requireStorable, storableText } from './text';

const TriggerJourneyInput = builder.inputType('TriggerJourneyInput', {
  fields: (t) => ({
    journeyId: t.id({ required: true }),
    userId: t.string({ required: true, validate: z.string().min(1, 'must not be empty').max(500).superRefine(storableText), description: "The user's Tideflow id or userId (the user must exist: identify them first)." }),
    payload: t.field({ type: 'JSONObject', description: 'Available to the journey as the trigger event\'s properties (`{{ event.orderId }}`, trigger conditions).' }),
    idempotencyKey: t.string({
      validate: z.string().min(1).max(200).superRefine(storableText),
      description: 'Repeating a call with the same key enters the user once (the first answer is repeated).',
    }),
  }),
});

interface TriggerJourneyResult {
  entered: boolean;
  duplicate: boolean;
  reason: string | null;
  runId: string | null;
}

const TriggerJourneyResultRef = builder.objectRef<TriggerJourneyResult>('TriggerJourneyResult').implement({
  fields: (t) => ({
    entered: t.exposeBoolean('entered', { description: 'True when the user entered (now, or by an earlier call with the same idempotency key).' }),
    duplicate: t.exposeBoolean('duplicate', { description: 'The idempotency key was used before; no new entry.' }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why the user did not enter (entry rules, journey not live).' }),
    run: t.prismaField({ type: 'JourneyRun', nullable: true, resolve: (query, result, _args, { prisma }) => (result.runId ? prisma.journeyRun.findUnique({ ...query, where: { id: result.runId } }) : null) }),
  }),
});

builder.mutationField('triggerJourney', (t) =>
  t.field({
    type: TriggerJourneyResultRef,
    description: 'Enters a user into a live journey through its API trigger, with a payload. Entry rules apply.',
    args: { input: t.arg({ type: TriggerJourneyInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const workspaceId = workspaceOf(context);
      const journey = await findJourney(context.prisma, workspaceId, String(input.journeyId), 'input.journeyId');
      const payload = (input.payload ?? {}) as JsonObject;
      requireStorable(payload, 'input.payload');
      if (journey.latestVersion === null) return { entered: false, duplicate: false, reason: 'the journey has never been published', runId: null };
      const frozen = await context.journeyVersions.get(journey.id, journey.latestVersion);
      const trigger = frozen?.definition.nodes.find((node) => node.type === 'apiTrigger');
      if (!trigger) throw inputError('input.journeyId', 'the journey has no API trigger in its published version');
      const user = await context.prisma.user.findFirst({ where: { workspaceId, ...userMatch(input.userId) }, select: { id: true } });
      if (!user) throw new NotFoundError(`User "${input.userId}"`, 'input.userId');
      const key = input.idempotencyKey ?? randomUUID();
      const decision = await enterJourney(context.prisma, {
        workspaceId,
        journeyId: journey.id,
        userId: user.id,
        triggerNodeId: trigger.id,
        entryKey: `api:${key}`,
        trigger: { messageId: `api:${key}`, name: 'Journey Triggered', properties: payload, timestamp: new Date().toISOString() },
      }, undefined, context.journeyVersions);
      if (decision.kind === 'refused') return { entered: false, duplicate: false, reason: decision.reason, runId: null };
      if (decision.kind === 'duplicate') return { entered: true, duplicate: true, reason: null, runId: decision.runId };
      // Without Temporal the run is recorded and the processor's sweep starts it once Temporal is back.
      const temporal = context.temporal();
      if (temporal) await startJourneyRun(temporal, context.prisma, decision.run, decision.definition, decision.journeyName);
      return { entered: true, duplicate: false, reason: null, runId: decision.run.id };
    },
  }),
);
