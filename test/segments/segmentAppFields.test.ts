import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually, startTestApi, type TestApi } from '../support';

/** Fields the app's Segments pages read: who a history entry is about, and a bounded unmatched-rows report. */

let api: TestApi;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };

beforeAll(async () => {
  process.env.TIDEFLOW_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'tideflow-uploads-'));
  api = await startTestApi();
  workspace = await api.createTestWorkspace('segment-app-fields');
  await api.ingest(workspace.writeKey, 'batch', {
    batch: [
      { type: 'identify', userId: 'ann', traits: { email: 'ann@example.com', plan: 'pro' } },
      { type: 'identify', userId: 'bob', traits: { email: 'bob@example.com', plan: 'free' } },
    ],
  });
});
afterAll(() => api?.close());

const gql = async (query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any }> => (await api.graphql(workspace.secretKey, query, variables)).body;

it('names the user of each membership history entry', async () => {
  const created = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, {
    input: { name: 'Pro plan', kind: 'LIVE', definition: { root: { type: 'group', match: 'all', negate: false, children: [{ type: 'attribute', attribute: 'plan', operator: 'equals', value: 'pro' }] } } },
  });
  expect(created.errors).toBeUndefined();
  const { data, errors } = await gql(`query($id: ID!) { segment(id: $id) { history { userId exitedAt user { id externalId email } } } }`, { id: created.data.createSegment.id });
  expect(errors).toBeUndefined();
  expect(data.segment.history).toEqual([{ userId: expect.any(String), exitedAt: null, user: { id: data.segment.history[0].userId, externalId: 'ann', email: 'ann@example.com' } }]);
});

it('returns the first unmatched rows of an upload when asked for fewer', async () => {
  const created = await gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input: { name: 'Imported', kind: 'STATIC' } });
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: `mutation($input: UploadSegmentCsvInput!) { uploadSegmentCsv(input: $input) { id } }`, variables: { input: { segmentId: created.data.createSegment.id, file: null, idType: 'USER_ID' } } }));
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.set('0', new Blob([['userId', 'ann', 'nobody-1', 'nobody-2', 'nobody-3', 'bob'].join('\n')], { type: 'text/csv' }), 'members.csv');
  const response = await fetch(`${api.baseUrl}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${workspace.secretKey}`, 'graphql-require-preflight': '1' }, body: form });
  const started = (await response.json()) as { data: any };
  const report = await eventually(async () => {
    const { data } = await gql(`query($id: ID!) { segmentUpload(id: $id) { status matchedRows unmatchedRows unmatched(first: 2) { row value } } }`, { id: started.data.uploadSegmentCsv.id });
    return data.segmentUpload.status === 'PROCESSING' ? undefined : data.segmentUpload;
  });
  expect(report).toEqual({ status: 'DONE', matchedRows: 2, unmatchedRows: 3, unmatched: [{ row: 2, value: 'nobody-1' }, { row: 3, value: 'nobody-2' }] });
  const refused = await gql(`query($id: ID!) { segmentUpload(id: $id) { unmatched(first: 0) { row } } }`, { id: started.data.uploadSegmentCsv.id });
  expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
});
