/**
 * The five representative segments, in the segment language, each with the
 * SQL a good engineer would write by hand for the same question on this data
 * (no compiler: plain columns and casts, no join to "User" when the events
 * alone answer). Both must return the same users; the benchmark checks it.
 */
import type { SegmentCondition, SegmentDefinition } from '@tideflow/domain';

export type SegmentKey = 'attribute' | 'eventCount' | 'didNotDid' | 'rfm' | 'nested';
export const segmentKeys: SegmentKey[] = ['attribute', 'eventCount', 'didNotDid', 'rfm', 'nested'];

export interface BenchSegment {
  key: SegmentKey;
  name: string;
  description: string;
  definition: SegmentDefinition;
  /** Hand-written SQL: one column of user ids. `$1` is the workspace, `$2` "now". */
  handWritten: string;
  /** Extra parameters of the hand-written query after $1 and $2. */
  handParams: unknown[];
}

const day = 86_400_000;

/** `now` anchors the one absolute date (signed up in the last 180 days, written as a date as a marketer would); `rfmSegmentId` is the stored RFM segment the nested one refers to. */
export function benchSegments(now: Date, rfmSegmentId: string): BenchSegment[] {
  const signupAfter = new Date(now.getTime() - 180 * day).toISOString();
  const pricingViews = { type: 'behaviour', event: { kind: 'event', name: 'Page Viewed' }, filters: [{ property: 'path', operator: 'eq', value: '/pricing' }], did: true, count: { rule: 'atLeast', times: 2 }, window: { kind: 'last', amount: 30, unit: 'days' } } satisfies SegmentCondition as SegmentCondition;
  const checkedOut = { type: 'behaviour', event: { kind: 'event', name: 'Checkout Started' }, filters: [], did: true, count: { rule: 'atLeast', times: 1 }, window: { kind: 'last', amount: 7, unit: 'days' } } satisfies SegmentCondition as SegmentCondition;
  const noOrder = { type: 'behaviour', event: { kind: 'event', name: 'Order Completed' }, filters: [], did: false, count: { rule: 'atLeast', times: 1 }, window: { kind: 'last', amount: 7, unit: 'days' } } satisfies SegmentCondition as SegmentCondition;

  const pricingSql = `SELECT "userId" FROM "Event" WHERE "workspaceId" = $1 AND name = 'Page Viewed' AND timestamp >= $2::timestamptz - interval '30 days' AND properties ->> 'path' = '/pricing' GROUP BY "userId" HAVING count(*) >= 2`;
  const abandonedSql = `SELECT "userId" FROM "Event" WHERE "workspaceId" = $1 AND name = 'Checkout Started' AND timestamp >= $2::timestamptz - interval '7 days'
    EXCEPT SELECT "userId" FROM "Event" WHERE "workspaceId" = $1 AND name = 'Order Completed' AND timestamp >= $2::timestamptz - interval '7 days'`;

  return [
    {
      key: 'attribute',
      name: 'Bench: pro plans in North America and the UK, 25–45, signed up in 180 days',
      description: 'attribute only: a text trait in a list, a system column in a list, a number trait in a range, a date trait after a date',
      definition: {
        root: {
          type: 'group', match: 'all', negate: false,
          children: [
            { type: 'attribute', attribute: 'plan', operator: 'in', values: ['pro', 'enterprise'] },
            { type: 'attribute', attribute: 'country', operator: 'in', values: ['US', 'CA', 'GB'] },
            { type: 'attribute', attribute: 'age', operator: 'between', from: 25, to: 45 },
            { type: 'attribute', attribute: 'signupDate', operator: 'after', value: signupAfter },
          ],
        },
      },
      handWritten: `SELECT id FROM "User" WHERE "workspaceId" = $1 AND traits ->> 'plan' IN ('pro', 'enterprise') AND country IN ('US', 'CA', 'GB')
        AND (traits ->> 'age')::numeric BETWEEN 25 AND 45 AND (traits ->> 'signupDate')::timestamptz > $2::timestamptz - interval '180 days'`,
      handParams: [],
    },
    {
      key: 'eventCount',
      name: 'Bench: viewed /pricing at least twice in 30 days',
      description: 'event count in a sliding 30-day window with a property filter',
      definition: { root: { type: 'group', match: 'all', negate: false, children: [pricingViews] } },
      handWritten: pricingSql,
      handParams: [],
    },
    {
      key: 'didNotDid',
      name: 'Bench: started a checkout but ordered nothing in 7 days',
      description: 'did A but not B in the last 7 days',
      definition: { root: { type: 'group', match: 'all', negate: false, children: [checkedOut, noOrder] } },
      handWritten: abandonedSql,
      handParams: [],
    },
    {
      key: 'rfm',
      name: 'Bench: RFM champions (orders, 365 days)',
      description: 'RFM champions: recency, frequency and monetary quintiles of Order Completed amount over 365 days',
      definition: { root: { type: 'group', match: 'all', negate: false, children: [{ type: 'rfm', event: { kind: 'event', name: 'Order Completed' }, amountProperty: 'amount', window: { kind: 'last', amount: 365, unit: 'days' }, bucket: 'champions' }] } },
      // The template's scoring: quintiles by ntile, users tied on an axis sharing the lowest score of their tie.
      handWritten: `SELECT "userId" FROM (
          SELECT "userId", min(r) OVER (PARTITION BY recency) AS r, min(f) OVER (PARTITION BY frequency) AS f, min(m) OVER (PARTITION BY monetary) AS m FROM (
            SELECT p.*, ntile(5) OVER (ORDER BY recency) AS r, ntile(5) OVER (ORDER BY frequency) AS f, ntile(5) OVER (ORDER BY monetary) AS m FROM (
              SELECT "userId", max(timestamp) AS recency, count(*) AS frequency, sum((properties ->> 'amount')::numeric) AS monetary
                FROM "Event" WHERE "workspaceId" = $1 AND name = 'Order Completed' AND timestamp >= $2::timestamptz - interval '365 days' GROUP BY "userId") p) q) s
        WHERE r >= 4 AND f >= 4 AND m >= 4`,
      handParams: [],
    },
    {
      key: 'nested',
      name: 'Bench: engaged paying users (nested)',
      description: 'nested AND/OR of the others: paid plan AND (North America OR under 30) AND (pricing views OR abandoned checkout OR member of the RFM champions segment)',
      definition: {
        root: {
          type: 'group', match: 'all', negate: false,
          children: [
            { type: 'attribute', attribute: 'plan', operator: 'in', values: ['starter', 'pro', 'enterprise'] },
            { type: 'group', match: 'any', negate: false, children: [{ type: 'attribute', attribute: 'country', operator: 'in', values: ['US', 'CA'] }, { type: 'attribute', attribute: 'age', operator: 'lessThan', value: 30 }] },
            {
              type: 'group', match: 'any', negate: false,
              children: [pricingViews, { type: 'group', match: 'all', negate: false, children: [checkedOut, noOrder] }, { type: 'segment', segmentId: rfmSegmentId, member: true }],
            },
          ],
        },
      },
      handWritten: `SELECT u.id FROM "User" u WHERE u."workspaceId" = $1 AND u.traits ->> 'plan' IN ('starter', 'pro', 'enterprise')
          AND (u.country IN ('US', 'CA') OR (u.traits ->> 'age')::numeric < 30)
          AND u.id IN (${pricingSql} UNION (${abandonedSql}) UNION SELECT "userId" FROM "SegmentMember" WHERE "segmentId" = $3::uuid)`,
      handParams: [rfmSegmentId],
    },
  ];
}
