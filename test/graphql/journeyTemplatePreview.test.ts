import { startTestApi, type TestApi, type TestWorkspace } from '../support';

// The builder's template preview: a message rendered for one user of the caller's workspace, as a journey would.
let t: TestApi;
let acme: TestWorkspace;
let globex: TestWorkspace;

const preview = `query($template: String!, $userId: String!, $triggerProperties: JSONObject, $journeyId: ID) {
  previewJourneyTemplate(template: $template, userId: $userId, triggerProperties: $triggerProperties, journeyId: $journeyId)
}`;

beforeAll(async () => {
  t = await startTestApi();
  [acme, globex] = await Promise.all([t.createTestWorkspace('preview-acme'), t.createTestWorkspace('preview-globex')]);
  await t.ingest(acme.writeKey, 'identify', { userId: 'ada', traits: { email: 'ada@acme.test', firstName: 'Ada', plan: 'pro', address: { city: 'London' } } });
  await t.ingest(globex.writeKey, 'identify', { userId: 'mallory', traits: { firstName: 'Mallory' } });
});
afterAll(() => t.close());

it('renders user attributes, traits, trigger properties and the journey name', async () => {
  const created = await t.graphql(acme.secretKey, `mutation { createJourney(input: { name: "Welcome series" }) { id } }`);
  const journeyId = created.body.data.createJourney.id;
  const { body } = await t.graphql(acme.secretKey, preview, {
    template: 'Hi {{ user.firstName }} ({{ user.email }}, {{ user.plan }}, {{ user.address.city }}): cart {{ event.cartId }} in {{ journey.name }}. {{ user.nickname | default: "no nickname" }}',
    userId: 'ada',
    triggerProperties: { cartId: 'c-42' },
    journeyId,
  });
  expect(body.errors).toBeUndefined();
  expect(body.data.previewJourneyTemplate).toBe('Hi Ada (ada@acme.test, pro, London): cart c-42 in Welcome series. no nickname');
});

it('finds the user by Tideflow id too, and renders plain text as is', async () => {
  const user = await t.graphql(acme.secretKey, `{ user(externalId: "ada") { id } }`);
  const { body } = await t.graphql(acme.secretKey, preview, { template: '{{ user.userId }} / {{ user.id }}', userId: user.body.data.user.id });
  expect(body.data.previewJourneyTemplate).toBe(`ada / ${user.body.data.user.id}`);
  const plain = await t.graphql(acme.secretKey, preview, { template: 'No tags here', userId: 'ada' });
  expect(plain.body.data.previewJourneyTemplate).toBe('No tags here');
});

it('refuses a template that does not parse or render with BAD_USER_INPUT on `template`', async () => {
  const broken = await t.graphql(acme.secretKey, preview, { template: 'Hi {{ user.firstName', userId: 'ada' });
  expect(broken.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'template' });
  expect(broken.body.errors?.[0]?.message).toMatch(/template: invalid template/);

  const unknownFilter = await t.graphql(acme.secretKey, preview, { template: '{{ user.firstName | shout }}', userId: 'ada' });
  expect(unknownFilter.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'template' });

  const partial = await t.graphql(acme.secretKey, preview, { template: "{% include 'secrets' %}", userId: 'ada' });
  expect(partial.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'template' });
});

it('only sees users of the caller\'s workspace', async () => {
  const other = await t.graphql(acme.secretKey, preview, { template: 'Hi {{ user.firstName }}', userId: 'mallory' });
  expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
  expect(other.body.data?.previewJourneyTemplate ?? null).toBeNull();

  const own = await t.graphql(globex.secretKey, preview, { template: 'Hi {{ user.firstName }}', userId: 'mallory' });
  expect(own.body.data.previewJourneyTemplate).toBe('Hi Mallory');

  const anonymous = await t.graphql(null, preview, { template: 'Hi', userId: 'ada' });
  expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});
