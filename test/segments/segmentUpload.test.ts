import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processSegmentUpload } from '@tideflow/workflows';
import { eventually, startTestApi, type TestApi } from '../support';

let api: TestApi;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };

beforeAll(async () => {
  process.env.TIDEFLOW_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'tideflow-uploads-'));
  api = await startTestApi();
  workspace = await api.createTestWorkspace('uploads');
  await api.ingest(workspace.writeKey, 'batch', {
    batch: [
      { type: 'identify', userId: 'u-1', traits: { email: 'One@Example.com' } },
      { type: 'identify', userId: 'u-2', traits: { phone: '+66 81-234 5678' } },
      { type: 'identify', userId: 'u-3', traits: { email: 'three@example.com' } },
      { type: 'alias', previousId: 'old-3', userId: 'u-3' },
    ],
  });
});
afterAll(() => api?.close());

async function upload(segmentId: string, csv: string, options: { idType?: string; replace?: boolean } = {}) {
  const form = new FormData();
  form.set('operations', JSON.stringify({
    query: `mutation($input: UploadSegmentCsvInput!) { uploadSegmentCsv(input: $input) { id status } }`,
    variables: { input: { segmentId, file: null, idType: options.idType ?? 'AUTO', replace: options.replace ?? false } },
  }));
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.set('0', new Blob([csv], { type: 'text/csv' }), 'members.csv');
  const response = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${workspace.secretKey}`, 'graphql-require-preflight': '1' }, body: form });
  return (await response.json()) as { data?: any; errors?: any[] };
}

const gql = async (query: string, variables?: Record<string, unknown>) => (await api.graphql(workspace.secretKey, query, variables)).body as { data?: any; errors?: any[] };

async function finished(uploadId: string) {
  return eventually(async () => {
    const { data } = await gql(`query($id: ID!) { segmentUpload(id: $id) { status totalRows processedRows matchedRows unmatchedRows unmatched { row value reason } error segment { size } } }`, { id: uploadId });
    return data.segmentUpload.status !== 'PROCESSING' ? data.segmentUpload : undefined;
  });
}

it('matches userIds (and former ones), emails and phones, and reports the rows that matched nobody', async () => {
  const created = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id kind size } }`, { input: { name: 'Imported', kind: 'STATIC' } });
  const segmentId = created.data.createSegment.id;
  const csv = ['email_or_id,note', 'u-1,first', '"one@example.com",duplicate by email', '+66812345678,phone', 'old-3,alias', 'nobody,missing', 'not-an-email@,bad', ',empty'].join('\n');
  const started = await upload(segmentId, csv);
  expect(started.errors).toBeUndefined();
  const report = await finished(started.data.uploadSegmentCsv.id);
  expect(report).toMatchObject({ status: 'DONE', totalRows: 7, processedRows: 7, matchedRows: 4, unmatchedRows: 3, error: null, segment: { size: 3 } });
  expect(report.unmatched).toEqual([
    { row: 5, value: 'nobody', reason: 'no user with this userId' },
    { row: 6, value: 'not-an-email@', reason: 'not a userId, email or phone number' },
    { row: 7, value: '', reason: 'empty' },
  ]);

  // Each user entered once: a Segment Entered event in their timeline, with the segment.
  const enteredOf = async (userId: string) =>
    (await gql(`query($id: String!) { user(externalId: $id) { events(first: 10, filter: { name: "Segment Entered" }) { edges { node { name properties } } } } }`, { id: userId })).data.user.events.edges.map((e: any) => e.node);
  const exitedCount = async (userId: string) => (await gql(`query($id: String!) { user(externalId: $id) { events(first: 10, filter: { name: "Segment Exited" }) { totalCount } } }`, { id: userId })).data.user.events.totalCount;
  expect(await enteredOf('u-1')).toEqual([{ name: 'Segment Entered', properties: { segmentId, segmentName: 'Imported' } }]);
  expect(await enteredOf('u-3')).toHaveLength(1);

  // Replace: u-3 is named again and stays (no Exited / Entered pair); u-1 and u-2 leave, with Segment Exited.
  const replaced = await upload(segmentId, 'email\nthree@example.com\n', { idType: 'EMAIL', replace: true });
  expect(await finished(replaced.data.uploadSegmentCsv.id)).toMatchObject({ status: 'DONE', matchedRows: 1, segment: { size: 1 } });
  expect(await enteredOf('u-3')).toHaveLength(1);
  expect(await exitedCount('u-3')).toBe(0);
  expect(await exitedCount('u-1')).toBe(1);
  expect(await exitedCount('u-2')).toBe(1);
  const members = await gql(`query($id: ID!) { segment(id: $id) { members(first: 5) { edges { node { user { externalId } } } } } }`, { id: segmentId });
  expect(members.data.segment.members.edges.map((e: any) => e.node.user.externalId)).toEqual(['u-3']);
});

it('refuses uploads to live segments, non-files and unknown segments', async () => {
  const live = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, {
    input: { name: 'Everyone', kind: 'LIVE', definition: { root: { type: 'group', match: 'all', children: [] } } },
  });
  const refused = await upload(live.data.createSegment.id, 'u-1\n');
  expect(refused.errors![0].extensions.code).toBe('CONFLICT');
  const unknown = await upload('00000000-0000-0000-0000-000000000000', 'u-1\n');
  expect(unknown.errors![0].extensions.code).toBe('NOT_FOUND');
  const notAFile = await gql(`mutation($input: UploadSegmentCsvInput!) { uploadSegmentCsv(input: $input) { id } }`, { input: { segmentId: live.data.createSegment.id, file: 'text' } });
  expect(notAFile.errors![0].extensions.code).toMatch(/BAD_USER_INPUT|CONFLICT/);
});

it('live segments that refer to a static one follow an upload (the Segment Entered events re-check them)', async () => {
  const list = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input: { name: 'Webinar guests', kind: 'STATIC' } });
  const listId = list.data.createSegment.id;
  const guestsWithEmail = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id size dependsOnEvents } }`, {
    input: { name: 'Guests we can email', kind: 'LIVE', definition: { root: { type: 'group', match: 'all', children: [{ type: 'segment', segmentId: listId }, { type: 'reachability', channel: 'email' }] } } },
  });
  expect(guestsWithEmail.data.createSegment).toMatchObject({ size: 0, dependsOnEvents: expect.arrayContaining(['Segment Entered', 'Segment Exited']) });
  const liveId = guestsWithEmail.data.createSegment.id;

  const started = await upload(listId, 'u-1\nu-2\nu-3\n');
  await finished(started.data.uploadSegmentCsv.id);
  const members = async () => {
    await api.segmentProcessor.drain();
    const result = await gql(`query($id: ID!) { segment(id: $id) { size members(first: 5) { edges { node { user { externalId } } } } } }`, { id: liveId });
    return result.data.segment.members.edges.map((e: any) => e.node.user.externalId).sort();
  };
  // u-2 has a phone only: not reachable by email.
  expect(await members()).toEqual(['u-1', 'u-3']);

  // Replaced by a list without u-1: she leaves the list, and with it the live segment.
  const replaced = await upload(listId, 'u-3\n', { replace: true });
  await finished(replaced.data.uploadSegmentCsv.id);
  expect(await members()).toEqual(['u-3']);
});

it('a replace interrupted by a restart resumes: the members its done rows named stay, the others leave', async () => {
  const created = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input: { name: 'Resumed replace', kind: 'STATIC' } });
  const segmentId = created.data.createSegment.id;
  const first = await upload(segmentId, 'userId\nu-1\nu-2\n', { idType: 'USER_ID' });
  expect(await finished(first.data.uploadSegmentCsv.id)).toMatchObject({ status: 'DONE', segment: { size: 2 } });

  // A replace that had done its first row (u-1) when the process stopped, picked up again from its file.
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tideflow-resume-')), 'members.csv');
  writeFileSync(file, 'userId\nu-1\nu-3\n');
  const interrupted = await api.db.prisma.segmentUpload.create({
    data: { workspaceId: workspace.workspaceId, segmentId, fileName: 'members.csv', idType: 'userId', replace: true, processedRows: 1, matchedRows: 1 },
  });
  const resumed = await processSegmentUpload(api.db.prisma, api.db.sql, interrupted.id, file);
  expect(resumed).toMatchObject({ status: 'DONE', totalRows: 2, processedRows: 2, matchedRows: 2, unmatchedRows: 0 });

  const members = await gql(`query($id: ID!) { segment(id: $id) { size members(first: 5) { edges { node { user { externalId } } } } } }`, { id: segmentId });
  expect(members.data.segment.members.edges.map((e: any) => e.node.user.externalId).sort()).toEqual(['u-1', 'u-3']);
  expect(members.data.segment.size).toBe(2);
  const moves = async (userId: string, name: string) =>
    (await gql(`query($id: String!, $name: String!) { user(externalId: $id) { events(first: 20, filter: { name: $name }) { edges { node { properties } } } } }`, { id: userId, name })).data.user.events.edges
      .map((e: any) => e.node.properties)
      .filter((p: any) => p.segmentId === segmentId).length;
  // u-1 was named by a row done before the stop: it stays, with no Exited / Entered pair.
  expect([await moves('u-1', 'Segment Entered'), await moves('u-1', 'Segment Exited')]).toEqual([1, 0]);
  expect([await moves('u-2', 'Segment Entered'), await moves('u-2', 'Segment Exited')]).toEqual([1, 1]);
  expect([await moves('u-3', 'Segment Entered'), await moves('u-3', 'Segment Exited')]).toEqual([1, 0]);
});
