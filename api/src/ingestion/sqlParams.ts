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
