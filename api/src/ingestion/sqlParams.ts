/** The parameters of one statement assembled from parts: `add` returns the value's placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A named WITH query; `writes` for INSERT/UPDATE … RETURNING parts. */
export interface StatementPart {
  name: string;
  sql: string;
  writes?: boolean;
}

/**
 * `WITH part, … SELECT` counting each writing part's rows, in part order:
 * reading them is what runs them, so they lock rows in that order (a
 * data-modifying part also runs, to completion, when nothing reads it).
 */
export function statementOf(parts: StatementPart[]): string {
  const writes = parts.filter((part) => part.writes).map((part) => `(SELECT count(*)::int FROM ${part.name}) AS ${part.name}`);
  return `WITH ${parts.map((part) => `${part.name} AS MATERIALIZED (${part.sql})`).join(',\n')}\nSELECT ${writes.join(', ') || '1'}`;
}

/**
 * The workspace as a lookup's planner must see it: a value it cannot know (a
 * one-row subquery), so it estimates a workspace's rows from the number of
 * workspaces rather than from statistics that may predate this one. Statistics
 * gathered before a workspace existed put it at one row, and the planner then
 * probed users through a narrower ("workspaceId", "lastSeenAt") index with a
 * filter on externalId: every user of the workspace read for each id of a batch.
 */
export function workspaceOfLookup(params: SqlParams, workspaceId: string): string {
  return `(SELECT ${params.add(workspaceId)}::uuid)`;
}
