import type { JourneyProblem } from '@tideflow/domain';
import { builder } from '../builder';

export const JourneyProblemSeverity = builder.enumType('JourneyProblemSeverity', {
  values: { error: { value: 'error', description: 'Blocks publishing.' }, warning: { value: 'warning', description: 'Shown, does not block publishing.' } } as const,
});

export const JourneyProblemRef = builder.objectRef<JourneyProblem>('JourneyProblem').implement({
  description: 'One thing wrong with a journey definition, located by node and field path (the canvas highlights the node).',
  fields: (t) => ({
    nodeId: t.exposeString('nodeId', { nullable: true }),
    path: t.exposeString('path', { description: 'Dotted path in the definition, e.g. `nodes.3.settings.duration.amount`.' }),
    message: t.exposeString('message'),
    severity: t.expose('severity', { type: JourneyProblemSeverity }),
  }),
});

export interface JourneyValidationResult {
  valid: boolean;
  problems: JourneyProblem[];
}

export const JourneyValidationRef = builder.objectRef<JourneyValidationResult>('JourneyValidation').implement({
  fields: (t) => ({
    valid: t.exposeBoolean('valid', { description: 'True when nothing blocks publishing (warnings may remain).' }),
    problems: t.field({ type: [JourneyProblemRef], resolve: (v) => v.problems }),
  }),
});
