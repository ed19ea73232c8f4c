import type { User } from '@tideflow/db';
import { type JsonObject, isJsonObject, systemAttributeNames, templateUser, type UserFacts } from '@tideflow/domain';
import { checkTemplate, isTemplateError, renderTemplate } from '@tideflow/domain/templates';
import { z } from 'zod';
import { builder } from '../builder';
import { workspaceOf } from '../context';
import { inputError, NotFoundError } from '../errors';
import { findJourney } from './journey';
import { userMatch } from './journeyRun';
import { requireStorable, storableText } from './text';

/** What journeys know of a user, from the stored profile (as the worker builds it when it renders). */
function userFactsOf(user: User): UserFacts {
  const system: UserFacts['system'] = {};
  for (const name of systemAttributeNames) {
    const value = user[name];
    system[name] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return { id: user.id, externalId: user.externalId, system, traits: isJsonObject(user.traits) ? user.traits : {} };
}

builder.queryField('previewJourneyTemplate', (t) =>
  t.string({
    nullable: true,
    description:
      'Renders a message or webhook template (Liquid) for one user of the workspace, as a journey would: `user`, `event` (the trigger properties given here), `journey`. BAD_USER_INPUT (field `template`) when the template does not parse or render.',
    args: {
      template: t.arg.string({ required: true, validate: z.string().max(500_000, 'must be at most 500000 characters').superRefine(storableText) }),
      userId: t.arg.string({ required: true, validate: z.string().min(1, 'must not be empty').max(500).superRefine(storableText), description: "The user's Tideflow id or userId." }),
      triggerProperties: t.arg({ type: 'JSONObject', description: 'The trigger event\'s properties to render with (`{{ event.cartId }}`).' }),
      journeyId: t.arg.id({ description: 'The journey the template belongs to (`{{ journey.name }}`).' }),
    },
    resolve: async (_root, args, context) => {
      const workspaceId = workspaceOf(context);
      const problem = checkTemplate(args.template);
      if (problem) throw inputError('template', `invalid template: ${problem}`);
      const properties = (args.triggerProperties ?? {}) as JsonObject;
      requireStorable(properties, 'triggerProperties');
      const user = await context.prisma.user.findFirst({ where: { workspaceId, ...userMatch(args.userId) } });
      if (!user) throw new NotFoundError(`User "${args.userId}"`, 'userId');
      const journey = args.journeyId ? await findJourney(context.prisma, workspaceId, String(args.journeyId), 'journeyId') : null;
      try {
        return await renderTemplate(args.template, {
          user: templateUser(userFactsOf(user)),
          event: { name: 'Preview', eventName: 'Preview', properties, timestamp: new Date().toISOString(), ...properties },
          context: {},
          journey: journey ? { id: journey.id, name: journey.name, version: journey.latestVersion ?? 0, entry: 1 } : { name: 'Preview' },
        });
      } catch (error) {
        if (isTemplateError(error)) throw inputError('template', `cannot be rendered: ${(error as Error).message.split('\n')[0]}`);
        throw error;
      }
    },
  }),
);
