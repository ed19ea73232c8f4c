import { emailPattern, phonePattern } from '../attributes/subscriptions';

/** One CSV line into fields (RFC 4180 quoting; a quoted field may not span lines here). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
    } else if (char === ',' || char === ';' || char === '\t') {
      fields.push(field.trim());
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field.trim());
  return fields;
}

export type UploadIdType = 'userId' | 'email' | 'phone';

/** Header cells that name an identifier column: "userId", "user_id", "Email address", "Phone", "customer id", … */
function headerType(cell: string): UploadIdType | null {
  const name = cell.toLowerCase().replace(/[^a-z]/g, '');
  if (!name || name.length > 30) return null;
  if (name.includes('email')) return 'email';
  if (name.includes('phone') || name.includes('mobile') || name === 'msisdn') return 'phone';
  if (name === 'id' || name.endsWith('id')) return 'userId';
  return null;
}

/**
 * Which column holds the identifier when the first line is a header naming
 * one (userId / email / phone); null when the first line is data (the first
 * column is used).
 */
export function identifierColumn(firstLine: string[]): { index: number; type: UploadIdType } | null {
  if (firstLine.some((cell) => classifyIdentifier(cell) === 'email' || classifyIdentifier(cell) === 'phone')) return null;
  for (let index = 0; index < firstLine.length; index++) {
    const type = headerType(firstLine[index]!);
    if (type) return { index, type };
  }
  return null;
}

/** What kind of identifier a value looks like (for `auto`); null when it is not usable. */
export function classifyIdentifier(value: string): UploadIdType | null {
  if (!value) return null;
  if (value.includes('@')) return emailPattern.test(value) ? 'email' : null;
  if (phonePattern.test(value) && /\d{6,}/.test(value.replace(/\D/g, ''))) return 'phone';
  return value.length <= 500 ? 'userId' : null;
}

/** Phones compare by digits (and a leading +): "+66 81-234 5678" = "+66812345678". */
export function normalizePhone(value: string): string {
  return value.trim().startsWith('+') ? `+${value.replace(/\D/g, '')}` : value.replace(/\D/g, '');
}
