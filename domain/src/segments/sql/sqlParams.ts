/**
 * Collects query parameters: user input only ever reaches SQL as `$n`
 * placeholders, never spliced into the text. Each placeholder carries an
 * explicit cast, so pg and PGlite agree on its type.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /**
   * How many spellings of case-insensitive text literals a test may list (see `lowerTextInSql`).
   * A query that scans many rows gains from a long list (one hash probe a row instead of a case
   * fold); a check of a few users does not, and would pay for sending and hashing it each time.
   */
  readonly spellingLimit: number;

  constructor(options: { scan?: boolean } = {}) {
    this.spellingLimit = options.scan ? 4096 : 64;
  }

  add(value: unknown, cast: 'text' | 'numeric' | 'timestamptz' | 'uuid' | 'jsonb' | 'int' | 'boolean'): string {
    this.values.push(cast === 'jsonb' ? JSON.stringify(value) : value instanceof Date ? value.toISOString() : value);
    return `$${this.values.length}::${cast}`;
  }

  /**
   * A list of texts as a `text[]` constant (one Postgres array literal, every item quoted): unlike
   * a JSON list unpacked per query, Postgres hashes a constant array once and probes it per row.
   */
  textArray(values: readonly string[]): string {
    this.values.push(`{${values.map(quoted).join(',')}}`);
    return `$${this.values.length}::text[]`;
  }

  /** A list, sent as one JSON array parameter. */
  list(values: readonly unknown[]): string {
    return `(SELECT jsonb_array_elements_text(${this.add(values, 'jsonb')}))`;
  }

  /**
   * A JSON path for `#>` / `#>>`: a dotted name (`address.city` → {address,city}) or the keys.
   * Sent as a Postgres array literal with every key quoted, so any character is just data.
   */
  path(path: string | readonly string[]): string {
    const keys = typeof path === 'string' ? path.split('.') : path;
    return `${this.add(`{${keys.map(quoted).join(',')}}`, 'text')}::text[]`;
  }
}

/** An item of a Postgres array literal: double-quoted, so any character is just data. */
const quoted = (item: string) => `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
