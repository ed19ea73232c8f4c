import { JourneyDefinition, type JourneyNodeType, validateJourney } from '@tideflow/domain';
import { checkTemplate } from '@tideflow/domain/templates';
import type { JourneySettings, NodeSettings } from '../graph';

/**
 * Field errors for the side panel, from the same zod schemas and checks the
 * API runs (`validateJourney` on the node alone), keyed by the dotted path
 * under `settings` (`duration.amount`), or `label`.
 */
export type FieldErrors = ReadonlyMap<string, string>;

const settingsPath = /^nodes\.\d+\.settings\.?/;

export function nodeFieldErrors(node: { id: string; type: JourneyNodeType; label?: string; settings: NodeSettings }): FieldErrors {
  const { problems } = validateJourney({ nodes: [{ id: node.id, type: node.type, ...(node.label ? { label: node.label } : {}), settings: node.settings }], edges: [] }, { checkTemplate });
  const errors = new Map<string, string>();
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    let path: string | null = null;
    if (settingsPath.test(problem.path)) path = problem.path.replace(settingsPath, '');
    else if (/^nodes\.\d+\.label$/.test(problem.path)) path = 'label';
    if (path !== null && !errors.has(path)) errors.set(path, friendlyMessage(problem.message));
  }
  return errors;
}

const JourneyLevel = JourneyDefinition.omit({ nodes: true, edges: true });

export function journeySettingsErrors(settings: JourneySettings): FieldErrors {
  const result = JourneyLevel.safeParse(settings);
  const errors = new Map<string, string>();
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      if (!errors.has(path)) errors.set(path, friendlyMessage(issue.message));
    }
  }
  return errors;
}

/** Server problems about one node, as field errors (template errors, unknown segments, percentages). */
export function problemFieldErrors(problems: ReadonlyArray<{ nodeId?: string | null; path: string; message: string; severity: string }>, nodeId: string): FieldErrors {
  const errors = new Map<string, string>();
  for (const problem of problems) {
    if (problem.nodeId !== nodeId || problem.severity !== 'error' || !settingsPath.test(problem.path)) continue;
    const path = problem.path.replace(settingsPath, '');
    if (!errors.has(path)) errors.set(path, problem.message);
  }
  return errors;
}

/** Zod's generic messages in the words the rest of the builder uses. */
export function friendlyMessage(message: string): string {
  if (/^Invalid input: expected \w+, received undefined$/.test(message)) return 'is required';
  if (/^Invalid input: expected number, received (NaN|string)$/.test(message)) return 'must be a number';
  const bound = /^Too (big|small): expected (?:number|array|string) to (?:be|have) ([<>]=?)(\S+?)(?: (items|characters))?$/.exec(message);
  if (bound) {
    const [, , comparison, limit, noun] = bound;
    const words = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'greater than' }[comparison!];
    return `must be ${words} ${limit}${noun ? ` ${noun}` : ''}`;
  }
  const option = /^Invalid option: expected one of (.+)$/.exec(message);
  if (option) return `must be one of ${option[1]!.replaceAll('|', ', ')}`;
  return message;
}
