import { Liquid, LiquidError, Tag, type TagToken, type TopLevelToken } from 'liquidjs';
import type { JsonObject } from '../json/json';

/**
 * Message and webhook templates are Liquid (liquidjs). One engine, shared by
 * the API (validation at publish), the worker (rendering) and the browser
 * (preview). Limits keep a hostile template from eating a worker.
 */
const engine = new Liquid({
  strictFilters: true,
  strictVariables: false,
  ownPropertyOnly: true,
  cache: 500,
  parseLimit: 1_000_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
  // No partials: without this, `{% include 'x' %}` reads files from the process's working directory.
  templates: {},
});

/** `include`, `render` and `layout` load other templates, and there are none: refused when parsed, so checkTemplate reports them. */
class NoPartials extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    throw new Error(`tag "${token.name}" is not supported: templates cannot load other templates`);
  }

  render(): void {}
}
for (const name of ['include', 'render', 'layout']) engine.registerTag(name, NoPartials);

/** What a template can read: `user`, `event` (the trigger: name and properties), `context` (saved responses), `journey`. */
export interface TemplateScope {
  user: JsonObject;
  event: JsonObject;
  context: JsonObject;
  journey: JsonObject;
}

/** Null when the template parses; otherwise the parser's message. */
export function checkTemplate(source: string): string | null {
  try {
    engine.parse(source);
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0] ?? 'cannot be parsed';
  }
}

export async function renderTemplate(source: string, scope: TemplateScope): Promise<string> {
  if (!source.includes('{')) return source;
  return engine.parseAndRender(source, scope as unknown as Record<string, unknown>);
}

/** A template that failed to parse or render (as opposed to an I/O error around it). */
export function isTemplateError(error: unknown): boolean {
  return error instanceof LiquidError;
}
