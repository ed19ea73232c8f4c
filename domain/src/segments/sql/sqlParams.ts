/**
 * Collects query parameters: user input only ever reaches SQL as `$n`
 * placeholders, never spliced into the text. Each placeholder carries an
 * explicit cast, so pg and PGlite agree on its type.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast: 'text' | 'numeric' | 'timestamptz' | 'uuid' | 'jsonb' | 'int' | 'boolean'): string {
    this.values.push(cast === 'jsonb' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : value);
    return `$${this.values.length}::${cast}`;
  }

  /** A list, sent as one JSON array parameter. */
  list(values: readonly unknown[]): string {
    return `(SELECT jsonb_array_elements_text(${this.add(values, 'jsonb')}))`;
  }

  /** A JSON path (`address.city` → {address,city}) for `#>` / `#>>`. */
  path(dotted: string): string {
    return `${this.add(JSON.stringify(dotted.split('.')).replace(/^\[/, '{').replace(/\]$/, '}'), 'text')}::text[]`;
  }
}
