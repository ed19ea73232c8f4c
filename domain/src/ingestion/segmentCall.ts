import { z } from 'zod';
import { isJsonObject, type JsonObject } from '../json/json';
import { ingestionLimits } from './ingestionLimits';

/** The six calls of Segment's HTTP Tracking API. */
export const SegmentCallType = z.enum(['identify', 'track', 'page', 'screen', 'group', 'alias'], {
  error: 'must be one of identify, track, page, screen, group, alias',
});
export type SegmentCallType = z.infer<typeof SegmentCallType>;

const absentWhenNull = (value: unknown) => (value === null ? undefined : value);

/** Segment ids are strings, but some clients send numbers; both become trimmed strings. */
const Identifier = z
  .union([z.string(), z.number()], { error: 'must be a string' })
  .transform((value) => String(value).trim())
  .refine((value) => value.length <= ingestionLimits.maxIdLength, `must be at most ${ingestionLimits.maxIdLength} characters`)
  .transform((value) => (value === '' ? undefined : value));

const optionalIdentifier = z.preprocess(absentWhenNull, Identifier.optional());

const isoDateTime = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) => (month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/**
 * ISO-8601 date-times; one without an offset is read as UTC so the server's zone never matters.
 * Impossible calendar dates (2026-02-30) are refused rather than rolled over into the next month.
 */
export function parseIsoDateTime(input: string): Date | null {
  const text = input.trim();
  const match = isoDateTime.exec(text);
  if (!match) return null;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Whatever follows the date is its time (the pattern allows nothing else); without an offset, UTC.
  const date = new Date(text.length > 10 && !match[1] ? `${text}Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}

const optionalDateTime = z.preprocess(
  absentWhenNull,
  z
    .string({ error: 'must be an ISO-8601 date-time string such as 2026-01-31T12:00:00.000Z' })
    .transform((text, ctx) => {
      const date = parseIsoDateTime(text);
      if (!date) {
        ctx.addIssue({ code: 'custom', message: `must be an ISO-8601 date-time such as 2026-01-31T12:00:00.000Z (got "${text.slice(0, 40)}")` });
        return z.NEVER;
      }
      return date;
    })
    .optional(),
);

const optionalObject = z.preprocess(absentWhenNull, z.custom<JsonObject>(isJsonObject, { error: 'must be a JSON object' }).optional());

const optionalText = (max: number) =>
  z.preprocess(absentWhenNull, z.string({ error: 'must be a string' }).max(max, `must be at most ${max} characters`).optional());

const common = {
  userId: optionalIdentifier,
  anonymousId: optionalIdentifier,
  messageId: optionalIdentifier,
  timestamp: optionalDateTime,
  originalTimestamp: optionalDateTime,
  sentAt: optionalDateTime,
  context: optionalObject,
  integrations: optionalObject,
};

const requireSomeIdentity = (call: { userId?: string; anonymousId?: string }, ctx: z.RefinementCtx) => {
  if (!call.userId && !call.anonymousId) {
    ctx.addIssue({ code: 'custom', path: ['userId'], message: 'is required when anonymousId is missing: every message needs a userId or an anonymousId' });
  }
};

const requiredText = (field: string, max: number) =>
  z.preprocess(
    absentWhenNull,
    z
      .string({ error: (issue) => (issue.input === undefined ? `is required: a ${field} is needed` : 'must be a string') })
      .trim()
      .min(1, 'must not be empty')
      .max(max, `must be at most ${max} characters`),
  );

const requiredIdentifier = (what: string) =>
  z.preprocess(absentWhenNull, z.union([z.string(), z.number()], { error: (issue) => (issue.input === undefined ? `is required: ${what}` : 'must be a string') }))
    .pipe(Identifier)
    .refine((value) => value !== undefined, 'must not be empty');

export const IdentifyCall = z.object({ ...common, traits: optionalObject }).superRefine(requireSomeIdentity);
export const TrackCall = z
  .object({ ...common, event: requiredText('event name', ingestionLimits.maxEventNameLength), properties: optionalObject })
  .superRefine(requireSomeIdentity);
export const PageCall = z
  .object({ ...common, name: optionalText(ingestionLimits.maxEventNameLength), category: optionalText(ingestionLimits.maxEventNameLength), properties: optionalObject })
  .superRefine(requireSomeIdentity);
export const ScreenCall = PageCall;
export const GroupCall = z.object({ ...common, groupId: requiredIdentifier('the group (account) id'), traits: optionalObject }).superRefine(requireSomeIdentity);
export const AliasCall = z.object({
  ...common,
  userId: requiredIdentifier('the id the user is now known by'),
  previousId: requiredIdentifier('the id the user was known by before'),
});

export const segmentCallSchemas = {
  identify: IdentifyCall,
  track: TrackCall,
  page: PageCall,
  screen: ScreenCall,
  group: GroupCall,
  alias: AliasCall,
} as const;

export type IdentifyCall = z.output<typeof IdentifyCall>;
export type TrackCall = z.output<typeof TrackCall>;
export type PageCall = z.output<typeof PageCall>;
export type GroupCall = z.output<typeof GroupCall>;
export type AliasCall = z.output<typeof AliasCall>;

export type SegmentCall =
  | ({ type: 'identify' } & IdentifyCall)
  | ({ type: 'track' } & TrackCall)
  | ({ type: 'page' } & PageCall)
  | ({ type: 'screen' } & PageCall)
  | ({ type: 'group' } & GroupCall)
  | ({ type: 'alias' } & AliasCall);
