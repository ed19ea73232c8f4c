import { addMember } from '@tideflow/api';
import { startTestApi, type TestApi } from '../support';

let api: TestApi;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };

beforeAll(async () => {
  api = await startTestApi();
  workspace = await api.createTestWorkspace('accounts');
  await addMember(api.db.prisma, { workspaceId: workspace.workspaceId, email: 'Ada@Example.com', name: 'Ada', password: 'correct horse battery', role: 'ADMIN' });
  await addMember(api.db.prisma, { workspaceId: workspace.workspaceId, email: 'ed@example.com', name: 'Ed', password: 'editor password 1', role: 'EDITOR' });
  await addMember(api.db.prisma, { workspaceId: workspace.workspaceId, email: 'vi@example.com', name: 'Vi', password: 'viewer password 1', role: 'VIEWER' });
});
afterAll(() => api?.close());

async function post(query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const response = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, setCookie: response.headers.get('set-cookie'), body: (await response.json()) as { data?: any; errors?: any[] } };
}

const signInMutation = `mutation($input: SignInInput!) { signIn(input: $input) { kind role canEdit account { email name } workspace { slug } } }`;

async function signIn(email: string, password: string): Promise<string> {
  const { setCookie, body } = await post(signInMutation, { input: { email, password } });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return setCookie!.split(';')[0]!;
}

it('signs in with a session cookie (httpOnly, SameSite=Lax), and signs out', async () => {
  const { setCookie, body } = await post(signInMutation, { input: { email: 'ada@example.com', password: 'correct horse battery' } });
  expect(body.data.signIn).toEqual({ kind: 'SESSION', role: 'ADMIN', canEdit: true, account: { email: 'ada@example.com', name: 'Ada' }, workspace: { slug: 'accounts' } });
  expect(setCookie).toMatch(/^tideflow_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
  const cookie = setCookie!.split(';')[0]!;
  expect((await post(`{ me { kind role } workspace { slug } }`, {}, cookie)).body.data).toEqual({ me: { kind: 'SESSION', role: 'ADMIN' }, workspace: { slug: 'accounts' } });

  const out = await post(`mutation { signOut }`, {}, cookie);
  expect(out.body.data.signOut).toBe(true);
  expect(out.setCookie).toMatch(/tideflow_session=; .*Max-Age=0/);
  expect((await post(`{ me { role } }`, {}, cookie)).body.errors![0].extensions.code).toBe('UNAUTHENTICATED');
});

it('refuses wrong passwords and unknown emails alike, then throttles guessing', async () => {
  const wrong = await post(signInMutation, { input: { email: 'vi@example.com', password: 'nope' } });
  const unknown = await post(signInMutation, { input: { email: 'nobody@example.com', password: 'nope' } });
  expect(wrong.body.errors![0]).toMatchObject({ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED' } });
  expect(unknown.body.errors![0]).toMatchObject({ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED' } });
  expect(wrong.setCookie).toBeNull();
  for (let i = 0; i < 9; i++) await post(signInMutation, { input: { email: 'vi@example.com', password: `guess ${i}` } });
  const throttled = await post(signInMutation, { input: { email: 'vi@example.com', password: 'viewer password 1' } });
  expect(throttled.body.errors![0].extensions.code).toBe('TOO_MANY_ATTEMPTS');
});

it('enforces roles in the API: viewers read, editors build, admins manage', async () => {
  const editor = await signIn('ed@example.com', 'editor password 1');
  const admin = await signIn('ada@example.com', 'correct horse battery');

  const create = `mutation { createJourney(input: { name: "By editor" }) { id } }`;
  expect((await post(create, {}, editor)).body.data.createJourney.id).toBeTruthy();
  const apiKey = await post(`mutation { createApiKey(input: { name: "k", kind: WRITE }) { key } }`, {}, editor);
  expect(apiKey.body.errors![0].extensions.code).toBe('FORBIDDEN');
  expect((await post(`{ members { role } }`, {}, editor)).body.errors![0].extensions.code).toBe('FORBIDDEN');

  const added = await post(`mutation($input: AddMemberInput!) { addMember(input: $input) { role account { id email } } }`, { input: { email: 'new@example.com', name: 'New', role: 'VIEWER', password: 'a new password' } }, admin);
  expect(added.body.data.addMember).toMatchObject({ role: 'VIEWER', account: { email: 'new@example.com' } });
  const viewer = await signIn('new@example.com', 'a new password');
  expect((await post(`{ journeys { name } }`, {}, viewer)).body.data.journeys).toEqual([{ name: 'By editor' }]);
  const refused = await post(create.replace('By editor', 'By viewer'), {}, viewer);
  expect(refused.body.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('(viewer)') });
  expect(await api.db.prisma.journey.count({ where: { name: 'By viewer' } })).toBe(0);

  const ada = await api.db.prisma.account.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
  const lastAdmin = await post(`mutation($id: ID!) { updateMemberRole(accountId: $id, role: EDITOR) { role } }`, { id: ada.id }, admin);
  expect(lastAdmin.body.errors![0].extensions.code).toBe('CONFLICT');
  const promoted = await post(`mutation($id: ID!) { updateMemberRole(accountId: $id, role: EDITOR) { role } }`, { id: added.body.data.addMember.account.id }, admin);
  expect(promoted.body.data.updateMemberRole.role).toBe('EDITOR');
  // The role is read per request: the promoted member's existing session can now edit.
  expect((await post(create.replace('By editor', 'By promoted'), {}, viewer)).body.data.createJourney.id).toBeTruthy();
});

it('keeps sessions in their workspace', async () => {
  const other = await api.createTestWorkspace('other-accounts');
  await addMember(api.db.prisma, { workspaceId: other.workspaceId, email: 'oz@example.com', name: 'Oz', password: 'other password 1', role: 'ADMIN' });
  const oz = await signIn('oz@example.com', 'other password 1');
  expect((await post(`{ journeys { name } workspace { slug } }`, {}, oz)).body.data).toEqual({ journeys: [], workspace: { slug: 'other-accounts' } });
});
