/**
 * Malformed GraphQL requests over real HTTP: every error must carry a typed
 * `extensions.code` (never INTERNAL_SERVER_ERROR), name the offending input
 * where there is one, never answer HTTP 500, and write nothing.
 */
import { createApiKey } from '@tideflow/api';
import { startTestApi, type TestApi, type TestWorkspace } from '../support';

// The project's `testTimeout` in jest.config.js does not reach per-project runs (it is a global option), and
// starting the API on a fresh database plus the gzip-bomb and race cases can pass Jest's 5 s default on a busy machine.

let t: TestApi;
let acme: TestWorkspace;
let revokedSecretKey: string;
let engagementGroupId: string;

/** What clients may act on; resolvers and graphql-js must never leak anything else. */
const operationCodes = ['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'QUERY_TOO_COMPLEX'];

beforeAll(async () => {
  t = await startTestApi();
  acme = await t.createTestWorkspace('acme');
  const revoked = await createApiKey(t.db.prisma, acme.workspaceId, 'SECRET', 'revoked');
  await t.db.prisma.apiKey.update({ where: { id: revoked.apiKey.id }, data: { revokedAt: new Date() } });
  revokedSecretKey = revoked.key;
  const seeded = await t.ingest(acme.writeKey, 'batch', {
    batch: [
      { type: 'identify', userId: 'alice', anonymousId: 'anon-alice', traits: { email: 'alice@acme.test', plan: 'pro', seats: 3 } },
      { type: 'track', userId: 'alice', event: 'Order Completed', properties: { total: 10 } },
      { type: 'track', userId: 'alice', event: 'Page Scrolled' },
      { type: 'track', userId: 'alice', event: 'Signed Up' },
    ],
  });
  expect(seeded.status).toBe(200);
  const engagement = await t.graphql(acme.secretKey, `mutation { createEventGroup(input: { name: "Engagement", eventNames: ["Order Completed"] }) { id } }`);
  engagementGroupId = engagement.body.data.createEventGroup.id;
  const other = await t.graphql(acme.secretKey, `mutation { createEventGroup(input: { name: "Other", eventNames: [] }) { id } }`);
  expect(other.body.data.createEventGroup.id).toEqual(expect.any(String));
});
afterAll(() => t.close());

async function rowCounts() {
  const { prisma } = t.db;
  return {
    events: await prisma.event.count(),
    users: await prisma.user.count(),
    identities: await prisma.userIdentity.count(),
    eventDefinitions: await prisma.eventDefinition.count(),
    attributeDefinitions: await prisma.attributeDefinition.count(),
    eventGroups: await prisma.eventGroup.count(),
    apiKeys: await prisma.apiKey.count(),
  };
}

type GraphQLError = { message: string; extensions?: Record<string, any> };

/** Every error typed, none internal, and the HTTP status a client error at worst. */
function expectTypedErrors(status: number, errors: GraphQLError[] | undefined, allowed = operationCodes): GraphQLError[] {
  expect(status).toBeLessThan(500);
  expect(errors?.length).toBeGreaterThan(0);
  for (const error of errors!) {
    expect(error.message).toEqual(expect.any(String));
    expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(allowed).toContain(error.extensions?.code);
  }
  return errors!;
}

const long = (n: number) => 'x'.repeat(n);
const cursorOf = (raw: string) => Buffer.from(raw, 'utf8').toString('base64');
const usersWhere = `query($filter: UserFilter) { users(filter: $filter) { totalCount edges { node { id } } } }`;
const attribute = (name: string, operator: string, value?: unknown) => ({ filter: { attributes: [{ name, operator, ...(value !== undefined ? { value } : {}) }] } });

interface BadCase {
  name: string;
  query: string;
  variables?: Record<string, unknown> | (() => Record<string, unknown>);
  /** Defaults to the workspace's secret key. */
  key?: string | null | (() => string | null);
  code: string;
  /** `extensions.field` of the first error. */
  field?: string;
  /** Every `extensions.problems[].field`, in order. */
  problems?: string[];
  message?: RegExp;
  status?: number;
}

const cases: BadCase[] = [
  // Documents graphql-js refuses.
  { name: 'syntax error: unclosed selection', query: '{ workspace { name ', code: 'GRAPHQL_PARSE_FAILED', message: /Syntax Error/ },
  { name: 'syntax error: missing argument value', query: 'mutation { track(input: { userId: "u", event: }) { messageId } }', code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'syntax error: not GraphQL at all', query: 'SELECT * FROM users;', code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'unknown field', query: '{ workspace { name revenue } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /revenue/ },
  { name: 'unknown argument', query: '{ users(orderBy: "email") { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /orderBy/ },
  { name: 'unknown input field', query: 'mutation { track(input: { userId: "u", event: "e", color: "red" }) { messageId } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /color/ },
  { name: 'variable of an unknown type', query: 'query($x: Nope) { users(first: $x) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'missing required argument', query: 'mutation { revokeApiKey { id } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /"id"/ },
  { name: 'missing required input field', query: 'mutation { createApiKey(input: { name: "CI" }) { key } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /kind/ },
  { name: 'invalid enum literal', query: 'mutation { createApiKey(input: { name: "CI", kind: READ }) { key } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /READ/ },
  { name: 'enum given as a string literal', query: '{ eventDefinitions(status: "ACTIVE") { name } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'Int beyond 32 bits', query: '{ users(first: 10000000000) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'invalid DateTime literal', query: '{ events(filter: { from: "last tuesday" }) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /DateTime/ },
  { name: 'JSONObject literal that is a string', query: 'mutation { track(input: { userId: "u", event: "e", properties: "total=10" }) { messageId } }', code: 'GRAPHQL_VALIDATION_FAILED', message: /JSONObject/ },

  // Variables that do not fit their types.
  { name: 'variable of the wrong type (string for Int)', query: 'query($n: Int) { users(first: $n) { totalCount } }', variables: { n: 'ten' }, code: 'BAD_USER_INPUT', message: /\$n/, status: 400 },
  { name: 'required variable not given', query: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', code: 'BAD_USER_INPUT', message: /\$id/, status: 400 },
  { name: 'invalid enum value in a variable', query: 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }', variables: { input: { name: 'CI', kind: 'ADMIN' } }, code: 'BAD_USER_INPUT', message: /ADMIN/, status: 400 },
  { name: 'invalid DateTime in a variable, naming its path', query: 'query($filter: EventFilter) { events(filter: $filter) { totalCount } }', variables: { filter: { to: '2026-13-45T99:00:00Z' } }, code: 'BAD_USER_INPUT', message: /filter\.to/, status: 400 },
  { name: 'invalid track timestamp in a variable, naming input.timestamp', query: 'mutation($input: TrackInput!) { track(input: $input) { messageId } }', variables: { input: { userId: 'u', event: 'e', timestamp: 'yesterday' } }, code: 'BAD_USER_INPUT', message: /input\.timestamp/, status: 400 },
  { name: 'JSONObject variable that is an array', query: 'mutation($input: IdentifyInput!) { identify(input: $input) { messageId } }', variables: { input: { userId: 'u', traits: [['plan', 'pro']] } }, code: 'BAD_USER_INPUT', message: /input\.traits/, status: 400 },
  { name: 'list variable given an object', query: 'query($names: [String!]) { events(filter: { names: $names }) { totalCount } }', variables: { names: { a: 1 } }, code: 'BAD_USER_INPUT', status: 400 },

  // Ids, cursors and page sizes.
  { name: 'non-UUID id to revokeApiKey', query: 'mutation { revokeApiKey(id: "key-1") { id } }', code: 'BAD_USER_INPUT', field: 'id', message: /UUID/ },
  { name: 'numeric id to deleteEventGroup', query: 'mutation { deleteEventGroup(id: 42) }', code: 'BAD_USER_INPUT', field: 'id' },
  { name: "SQL in updateEventGroup's id", query: `mutation { updateEventGroup(input: { id: "1' OR '1'='1", name: "x" }) { id } }`, code: 'BAD_USER_INPUT', field: 'input.id' },
  { name: 'non-UUID id to user', query: '{ user(id: "alice") { id } }', code: 'BAD_USER_INPUT', field: 'id' },
  { name: 'both id and externalId to user', query: '{ user(id: "6f1c0a52-1d1e-4b7e-9a4b-2f0a8a1d2c3b", externalId: "alice") { id } }', code: 'BAD_USER_INPUT', field: 'id' },
  { name: 'unknown but well-formed group id', query: 'mutation { deleteEventGroup(id: "6f1c0a52-1d1e-4b7e-9a4b-2f0a8a1d2c3b") }', code: 'NOT_FOUND', field: 'id' },
  { name: 'garbage cursor', query: '{ users(after: "not-a-cursor") { totalCount } }', code: 'BAD_USER_INPUT', field: 'after', message: /cursor/ },
  { name: 'forged cursor holding a non-UUID id', query: `{ events(first: 5, after: "${cursorOf('GPC:S:1 OR 1=1')}") { edges { node { id } } } }`, code: 'BAD_USER_INPUT', field: 'after' },
  { name: 'forged cursor holding a number', query: `{ events(before: "${cursorOf('GPC:N:5')}", last: 2) { edges { node { id } } } }`, code: 'BAD_USER_INPUT', field: 'before' },
  { name: 'garbage cursor on a nested connection', query: '{ user(externalId: "alice") { events(after: "%%%") { totalCount } } }', code: 'BAD_USER_INPUT', field: 'after' },
  { name: 'negative first', query: '{ users(first: -1) { totalCount } }', code: 'BAD_USER_INPUT', field: 'first' },
  { name: 'negative last', query: '{ events(last: -10) { totalCount } }', code: 'BAD_USER_INPUT', field: 'last' },

  // Names: empty, oversize, unknown, duplicate.
  { name: 'renameEvent to an empty display name', query: 'mutation { renameEvent(input: { name: "Order Completed", displayName: "   " }) { id } }', code: 'BAD_USER_INPUT', field: 'input.displayName', message: /empty/ },
  { name: 'renameEvent to a 256-character display name', query: 'mutation($d: String!) { renameEvent(input: { name: "Order Completed", displayName: $d }) { id } }', variables: { d: long(256) }, code: 'BAD_USER_INPUT', field: 'input.displayName', message: /255/ },
  { name: 'renameEvent of an unknown event', query: 'mutation { renameEvent(input: { name: "Never Sent", displayName: "x" }) { id } }', code: 'NOT_FOUND', field: 'input.name' },
  { name: 'setEventStatus on a system event', query: 'mutation { setEventStatus(input: { name: "User Identified", status: BLOCKED }) { id } }', code: 'BAD_USER_INPUT', field: 'input.name' },
  { name: 'createEventGroup with an empty name', query: 'mutation { createEventGroup(input: { name: "", eventNames: [] }) { id } }', code: 'BAD_USER_INPUT', field: 'input.name', message: /empty/ },
  { name: 'createEventGroup with a 300-character name', query: 'mutation($n: String!) { createEventGroup(input: { name: $n, eventNames: [] }) { id } }', variables: { n: long(300) }, code: 'BAD_USER_INPUT', field: 'input.name', message: /255/ },
  { name: 'createEventGroup with a 2001-character description', query: 'mutation($d: String) { createEventGroup(input: { name: "Long", description: $d, eventNames: [] }) { id } }', variables: { d: long(2001) }, code: 'BAD_USER_INPUT', field: 'input.description' },
  { name: 'createEventGroup listing 501 events', query: 'mutation($e: [String!]!) { createEventGroup(input: { name: "Huge", eventNames: $e }) { id } }', variables: { e: Array.from({ length: 501 }, (_, i) => `e${i}`) }, code: 'BAD_USER_INPUT', field: 'input.eventNames' },
  {
    name: 'createEventGroup with unknown event names, each named by its index (after duplicates)',
    query: 'mutation($e: [String!]!) { createEventGroup(input: { name: "Funnel", eventNames: $e }) { id } }',
    variables: { e: ['Signed Up', 'Signed Up', 'Never Sent', 'Page Scrolled', 'Also Never Sent'] },
    code: 'BAD_USER_INPUT',
    field: 'input.eventNames.2',
    problems: ['input.eventNames.2', 'input.eventNames.4'],
  },
  { name: 'createEventGroup taking an event from another group', query: 'mutation { createEventGroup(input: { name: "Steal", eventNames: ["Signed Up", "Order Completed"] }) { id } }', code: 'BAD_USER_INPUT', problems: ['input.eventNames.1'], message: /Engagement/ },
  { name: 'createEventGroup with a duplicate name', query: 'mutation { createEventGroup(input: { name: "Engagement", eventNames: [] }) { id } }', code: 'CONFLICT', field: 'input.name' },
  { name: 'createEventGroup with a duplicate name padded with spaces', query: 'mutation { createEventGroup(input: { name: "  Engagement  ", eventNames: ["Signed Up"] }) { id } }', code: 'CONFLICT', field: 'input.name' },
  { name: "updateEventGroup to another group's name", query: 'mutation($id: ID!) { updateEventGroup(input: { id: $id, name: "Other" }) { id } }', variables: () => ({ id: engagementGroupId }), code: 'CONFLICT', field: 'input.name' },
  { name: 'createApiKey with an empty name', query: 'mutation { createApiKey(input: { name: " ", kind: WRITE }) { key } }', code: 'BAD_USER_INPUT', field: 'input.name' },
  { name: 'createApiKey with a 101-character name', query: 'mutation($n: String!) { createApiKey(input: { name: $n, kind: SECRET }) { key } }', variables: { n: long(101) }, code: 'BAD_USER_INPUT', field: 'input.name', message: /100/ },

  // identify / track through GraphQL: the ingestion rules, fields prefixed with input.
  { name: 'track with neither userId nor anonymousId', query: 'mutation { track(input: { event: "Signed Up" }) { messageId } }', code: 'BAD_USER_INPUT', field: 'input.userId' },
  { name: 'identify with blank ids', query: 'mutation { identify(input: { userId: "  ", anonymousId: "", traits: { plan: "x" } }) { messageId } }', code: 'BAD_USER_INPUT', field: 'input.userId' },
  { name: 'track with an empty event name', query: 'mutation { track(input: { userId: "alice", event: "" }) { messageId } }', code: 'BAD_USER_INPUT', field: 'input.event' },
  { name: 'identify with a 256-character userId', query: 'mutation($u: String) { identify(input: { userId: $u }) { messageId } }', variables: { u: long(256) }, code: 'BAD_USER_INPUT', field: 'input.userId' },
  { name: 'track with a NUL in userId', query: 'mutation($u: String) { track(input: { userId: $u, event: "e" }) { messageId } }', variables: { u: 'ali\u0000ce' }, code: 'BAD_USER_INPUT', field: 'input.userId', message: /NUL/ },
  { name: 'track with a NUL in the event name', query: 'mutation($e: String!) { track(input: { userId: "alice", event: $e }) { messageId } }', variables: { e: 'Order\u0000' }, code: 'BAD_USER_INPUT', field: 'input.event' },
  { name: 'track with a NUL in a property key', query: 'mutation($p: JSONObject) { track(input: { userId: "alice", event: "e", properties: $p }) { messageId } }', variables: { p: { 'k\u0000': 1 } }, code: 'BAD_USER_INPUT', field: 'input.properties' },
  { name: 'identify with a lone surrogate in a trait', query: 'mutation($t: JSONObject) { identify(input: { userId: "alice", traits: $t }) { messageId } }', variables: { t: { name: 'Ann\ud800' } }, code: 'BAD_USER_INPUT', field: 'input.traits.name', message: /surrogate/ },
  { name: 'identify with traits nested 100 levels deep', query: 'mutation($t: JSONObject) { identify(input: { userId: "alice", traits: $t }) { messageId } }', variables: () => { let deep: any = 1; for (let i = 0; i < 100; i++) deep = { a: deep }; return { t: deep }; }, code: 'BAD_USER_INPUT', message: /input\.traits\.a\.a.*nested/ },
  { name: 'track with a timestamp in 1900', query: 'mutation { track(input: { userId: "alice", event: "e", timestamp: "1900-01-01T00:00:00Z" }) { messageId } }', code: 'BAD_USER_INPUT', field: 'input.timestamp', message: /before 2000/ },
  { name: 'track with a timestamp in 2100', query: 'mutation { track(input: { userId: "alice", event: "e", timestamp: "2100-01-01T00:00:00Z" }) { messageId } }', code: 'BAD_USER_INPUT', field: 'input.timestamp', message: /future/ },

  // NUL characters everywhere else a string reaches SQL.
  { name: 'NUL in createEventGroup name', query: 'mutation($n: String!) { createEventGroup(input: { name: $n, eventNames: [] }) { id } }', variables: { n: 'Fun\u0000nel' }, code: 'BAD_USER_INPUT', field: 'input.name', message: /NUL/ },
  { name: 'NUL in an event name of createEventGroup', query: 'mutation($e: [String!]!) { createEventGroup(input: { name: "N", eventNames: $e }) { id } }', variables: { e: ['Signed Up', 'x\u0000'] }, code: 'BAD_USER_INPUT', field: 'input.eventNames.1' },
  { name: 'NUL in renameEvent name', query: 'mutation($n: String!) { renameEvent(input: { name: $n, displayName: "x" }) { id } }', variables: { n: '\u0000' }, code: 'BAD_USER_INPUT', field: 'input.name' },
  { name: 'NUL in createApiKey name', query: 'mutation($n: String!) { createApiKey(input: { name: $n, kind: WRITE }) { key } }', variables: { n: 'CI\u0000' }, code: 'BAD_USER_INPUT', field: 'input.name' },
  { name: 'NUL in the users search', query: usersWhere, variables: { filter: { search: 'ali\u0000' } }, code: 'BAD_USER_INPUT', field: 'filter.search' },
  { name: 'NUL in the eventDefinitions search', query: 'query($s: String) { eventDefinitions(search: $s) { name } }', variables: { s: '\u0000' }, code: 'BAD_USER_INPUT', field: 'search' },
  { name: 'NUL in user(externalId)', query: 'query($e: String) { user(externalId: $e) { id } }', variables: { e: 'alice\u0000' }, code: 'BAD_USER_INPUT', field: 'externalId' },
  { name: 'NUL in the events filter', query: 'query($f: EventFilter) { events(filter: $f) { totalCount } }', variables: { f: { names: ['ok', 'Order\u0000'] } }, code: 'BAD_USER_INPUT', field: 'filter.names.1' },
  { name: 'NUL in an attribute filter value', query: usersWhere, variables: attribute('email', 'EQUALS', 'alice\u0000@acme.test'), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.value' },
  { name: 'NUL in an attribute filter name', query: usersWhere, variables: attribute('pl\u0000an', 'EXISTS'), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.name' },

  // Attribute filters whose operator and value do not fit.
  { name: 'IN without a list', query: usersWhere, variables: attribute('plan', 'IN', 'pro'), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.value', message: /list/ },
  { name: 'CONTAINS with a number', query: usersWhere, variables: attribute('email', 'CONTAINS', 5), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.value', message: /string/ },
  { name: 'STARTS_WITH with a boolean on a trait', query: usersWhere, variables: attribute('plan', 'STARTS_WITH', true), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.value' },
  { name: 'EQUALS without a value', query: usersWhere, variables: attribute('plan', 'EQUALS'), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.value', message: /required/ },
  { name: 'EQUALS with an object', query: usersWhere, variables: attribute('plan', 'EQUALS', { tier: 'pro' }), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.value' },
  { name: 'GREATER_THAN with a boolean on a trait', query: usersWhere, variables: attribute('seats', 'GREATER_THAN', true), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.value' },
  { name: 'date filter on lastSeenAt with a non-date', query: usersWhere, variables: attribute('lastSeenAt', 'GREATER_THAN', 'last week'), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.value', message: /date-time/ },
  { name: 'date filter on firstSeenAt with a number', query: usersWhere, variables: attribute('firstSeenAt', 'LESS_THAN', 1767225600000), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.value' },
  { name: 'date filter on lastSeenAt in year 0', query: usersWhere, variables: attribute('lastSeenAt', 'GREATER_THAN', '0000-01-01T00:00:00Z'), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.value' },
  { name: 'CONTAINS on a date attribute', query: usersWhere, variables: attribute('lastSeenAt', 'CONTAINS', '2026'), code: 'BAD_USER_INPUT', field: 'filter.attributes.0.operator' },
  { name: 'blank attribute name in the second filter', query: usersWhere, variables: { filter: { attributes: [{ name: 'plan', operator: 'EXISTS' }, { name: '  ', operator: 'EXISTS' }] } }, code: 'BAD_USER_INPUT', field: 'filter.attributes.1.name' },
  { name: 'invalid operator enum in a filter variable', query: usersWhere, variables: attribute('plan', 'LIKE', 'p%'), code: 'BAD_USER_INPUT', status: 400 },

  // Event filters.
  { name: 'events filter with from after to', query: '{ events(filter: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }) { totalCount } }', code: 'BAD_USER_INPUT', field: 'filter.to' },
  { name: 'events filter from year 0', query: '{ events(filter: { from: "0000-06-01T00:00:00Z" }) { totalCount } }', code: 'BAD_USER_INPUT', field: 'filter.from' },
  { name: 'events filter with a blank userId', query: '{ events(filter: { userId: "  " }) { totalCount } }', code: 'BAD_USER_INPUT', field: 'filter.userId' },
  { name: 'timeline filter with from after to', query: '{ user(externalId: "alice") { events(filter: { from: "2030-01-01T00:00:00Z", to: "2020-01-01T00:00:00Z" }) { totalCount } } }', code: 'BAD_USER_INPUT', field: 'filter.to' },

  // Too deep, too broad, too expensive.
  {
    name: 'query 15 levels deep',
    query: '{ users { edges { node { events { edges { node { user { events { edges { node { user { events { edges { node { id } } } } } } } } } } } } } } }',
    code: 'QUERY_TOO_COMPLEX',
    message: /too deep/,
  },
  { name: 'query asking for 200 users × 500 events', query: '{ users(first: 200) { edges { node { events(first: 500) { edges { node { id name properties } } } } } } }', code: 'QUERY_TOO_COMPLEX', message: /too expensive/ },
  { name: 'query with 400 aliases', query: `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: workspace { id }`).join(' ')} }`, code: 'QUERY_TOO_COMPLEX', message: /too broad/ },
  { name: 'page size of 100,000', query: '{ events(first: 100000) { edges { node { id } } } }', code: 'QUERY_TOO_COMPLEX' },

  // Credentials.
  { name: 'no secret key', query: '{ workspace { id } }', key: null, code: 'UNAUTHENTICATED' },
  { name: 'write key used as the secret key', query: '{ workspace { id } }', key: () => acme.writeKey, code: 'UNAUTHENTICATED', status: 401 },
  { name: 'revoked secret key', query: 'mutation { createApiKey(input: { name: "x", kind: SECRET }) { key } }', key: () => revokedSecretKey, code: 'UNAUTHENTICATED', status: 401 },
  { name: 'made-up secret key', query: '{ workspace { id } }', key: 'tfs_madeUp', code: 'UNAUTHENTICATED', status: 401 },
];

describe('bad GraphQL requests', () => {
  it('has enough cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await rowCounts();
    const key = typeof c.key === 'function' ? c.key() : c.key === undefined ? acme.secretKey : c.key;
    const variables = typeof c.variables === 'function' ? c.variables() : c.variables;
    const { status, body } = await t.graphql(key, c.query, variables);

    const errors = expectTypedErrors(status, body.errors);
    if (c.status) expect(status).toBe(c.status);
    const [first] = errors;
    expect(first!.extensions!.code).toBe(c.code);
    if (c.message) expect(first!.message).toMatch(c.message);
    if (c.field) expect(first!.extensions!.field).toBe(c.field);
    if (c.problems) expect((first!.extensions!.problems as Array<{ field: string }>).map((p) => p.field)).toEqual(c.problems);
    if (c.code === 'BAD_USER_INPUT' && first!.extensions!.problems) {
      // Resolver-side input errors name each field in the message as well.
      for (const problem of first!.extensions!.problems as Array<{ field: string; message: string }>) expect(first!.message).toContain(`${problem.field}: ${problem.message}`);
    }
    // A failed mutation answers no data for it.
    if (body.data) for (const value of Object.values(body.data)) expect(value).toBeNull();

    expect(await rowCounts()).toEqual(before);
  });
});

describe('requests Yoga refuses before GraphQL runs', () => {
  // graphql-yoga answers malformed HTTP requests with Apollo's BAD_REQUEST / OPERATION_RESOLUTION_FAILURE codes.
  const transportCodes = ['BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE'];

  async function raw(init: RequestInit, search = '') {
    const before = await rowCounts();
    const response = await fetch(`${t.baseUrl}/graphql${search}`, { ...init, headers: { authorization: `Bearer ${acme.secretKey}`, accept: 'application/json', ...(init.headers as Record<string, string>) } });
    const body = (await response.json()) as { errors?: GraphQLError[]; data?: unknown };
    expect(await rowCounts()).toEqual(before);
    return { status: response.status, body, errors: expectTypedErrors(response.status, body.errors, [...operationCodes, ...transportCodes]) };
  }

  it.each([
    ['a body that is not JSON', '{ query: "{ workspace { id } }" '],
    ['an empty body', ''],
    ['a JSON body cut off', '{"query":"{ workspace { id } }","variab'],
  ])('rejects a POST with %s: 400 BAD_REQUEST', async (_name, text) => {
    const { status, errors } = await raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    expect(status).toBe(400);
    expect(errors[0]!.extensions!.code).toBe('BAD_REQUEST');
  });

  it('rejects a mutation sent with GET: 405 and nothing created', async () => {
    const { status, errors } = await raw({ method: 'GET' }, `?query=${encodeURIComponent('mutation { createApiKey(input: { name: "via GET", kind: SECRET }) { key } }')}`);
    expect(status).toBe(405);
    expect(errors[0]).toMatchObject({ message: expect.stringMatching(/POST/), extensions: { code: 'BAD_REQUEST' } });
  });

  it('rejects a POST without a query', async () => {
    const { errors } = await raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ variables: {} }) });
    expect(errors[0]).toMatchObject({ message: expect.stringMatching(/query/), extensions: { code: 'BAD_REQUEST' } });
  });

  it('rejects a query that is not a string and variables that are not an object', async () => {
    const query = await raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 42 }) });
    expect(query).toMatchObject({ status: 400, errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    const variables = await raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ workspace { id } }', variables: '{"a":1}' }) });
    expect(variables).toMatchObject({ status: 400, errors: [{ message: expect.stringMatching(/variables/), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('rejects batched operations', async () => {
    const { status, errors } = await raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ workspace { id } }' }]) });
    expect(status).toBe(400);
    expect(errors[0]!.extensions!.code).toBe('BAD_REQUEST');
  });

  it('rejects two operations without an operationName, and an unknown operationName', async () => {
    const document = 'query A { workspace { id } } mutation B { createApiKey(input: { name: "B", kind: WRITE }) { key } }';
    const missing = await raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: document }) });
    expect(missing.errors[0]!.extensions!.code).toBe('OPERATION_RESOLUTION_FAILURE');
    const unknown = await raw({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: document, operationName: 'C' }) });
    expect(unknown.errors[0]!.extensions!.code).toBe('OPERATION_RESOLUTION_FAILURE');
  });
});

describe('concurrent duplicates', () => {
  it('creates a group name once when twenty requests race for it, five times over; the rest get CONFLICT', async () => {
    const before = await rowCounts();
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(Array.from({ length: 20 }, () => t.graphql(acme.secretKey, `mutation { createEventGroup(input: { name: "Race ${round}", eventNames: [] }) { id } }`)));
      expect(results.filter((r) => r.body.data?.createEventGroup)).toHaveLength(1);
      for (const result of results.filter((r) => !r.body.data?.createEventGroup)) {
        expect(expectTypedErrors(result.status, result.body.errors)[0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
      }
    }
    expect(await rowCounts()).toEqual({ ...before, eventGroups: before.eventGroups + 5 });
  });

  it('renames one of twenty groups to a name they all race for; the rest get CONFLICT', async () => {
    const ids = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => (await t.graphql(acme.secretKey, `mutation { createEventGroup(input: { name: "Renamed ${i}", eventNames: [] }) { id } }`)).body.data.createEventGroup.id as string),
    );
    const before = await rowCounts();
    const results = await Promise.all(ids.map((id) => t.graphql(acme.secretKey, 'mutation($id: ID!) { updateEventGroup(input: { id: $id, name: "Winner" }) { id } }', { id })));
    expect(results.filter((r) => r.body.data?.updateEventGroup)).toHaveLength(1);
    for (const result of results.filter((r) => !r.body.data?.updateEventGroup)) {
      expect(expectTypedErrors(result.status, result.body.errors)[0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    }
    expect(await rowCounts()).toEqual(before);
    expect(await t.db.prisma.eventGroup.count({ where: { workspaceId: acme.workspaceId, name: 'Winner' } })).toBe(1);
  });
});

describe('documents nested past what the parser can recurse', () => {
  // KNOWN GAP, outside the files this change may touch: graphql-js parses recursively, and
  // Yoga (api/src/graphql/yoga.ts) parses with no token limit, so a document nested ~2,000+
  // levels overflows the stack and is answered as INTERNAL_SERVER_ERROR. These are written as
  // they should behave and marked `failing`; switch them to `it` once the parser is bounded.
  it('refuses a selection set nested 5,000 levels deep with a typed error', async () => {
    const { status, body } = await t.graphql(acme.secretKey, `{ workspace ${'{ id '.repeat(5000)}${'}'.repeat(5000)} }`);
    expectTypedErrors(status, body.errors);
  });

  it('refuses an input literal nested 5,000 levels deep with a typed error', async () => {
    const { status, body } = await t.graphql(acme.secretKey, `mutation { identify(input: { userId: "alice", traits: { a: ${'['.repeat(5000)}1${']'.repeat(5000)} } }) { messageId } }`);
    expectTypedErrors(status, body.errors);
  });
});
