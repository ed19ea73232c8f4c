import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { repositoryRoot } from '@tideflow/db';
import { eventually, type JourneyTestEnvironment, publishJourney, type SmtpSink, startJourneyTestEnvironment, startSmtpSink, startWebhookSink, waitForRun, type WebhookSink } from '../support';

// Durability and exactly-once delivery on the Temporal dev server: runs survive their worker
// stopping or dying, and no message or webhook call of a step is ever sent twice (asserted on the
// real SMTP server and HTTP sink).
let env: JourneyTestEnvironment;
let smtp: SmtpSink;
let sink: WebhookSink;
let workspace: { workspaceId: string; writeKey: string; secretKey: string };

const twoSends = (webhookUrl: string) => ({
  nodes: [
    { id: 'api', type: 'apiTrigger', settings: {} },
    { id: 'first', type: 'sendMessage', settings: { channel: 'email', subject: 'First for {{ user.userId }}', html: '<p>1</p>' } },
    { id: 'hook1', type: 'webhook', settings: { url: `${webhookUrl}/one`, method: 'POST', body: '{"user":"{{ user.userId }}"}' } },
    { id: 'pause', type: 'wait', settings: { duration: { amount: 5, unit: 'seconds' } } },
    { id: 'second', type: 'sendMessage', settings: { channel: 'email', subject: 'Second for {{ user.userId }}', html: '<p>2</p>' } },
    { id: 'hook2', type: 'webhook', settings: { url: `${webhookUrl}/two`, method: 'POST', body: '{"user":"{{ user.userId }}"}' } },
  ],
  edges: [
    { source: 'api', target: 'first' },
    { source: 'first', sourceHandle: 'sent', target: 'hook1' },
    { source: 'hook1', sourceHandle: 'ok', target: 'pause' },
    { source: 'pause', target: 'second' },
    { source: 'second', sourceHandle: 'sent', target: 'hook2' },
  ],
});

beforeAll(async () => {
  [env, smtp, sink] = await Promise.all([startJourneyTestEnvironment(), startSmtpSink(), startWebhookSink()]);
  workspace = await env.createWorkspace('restart');
  await env.graphql(workspace.secretKey, `mutation($input: UpdateEmailChannelInput!) { updateEmailChannel(input: $input) { email { mode } } }`, { input: { smtpHost: '127.0.0.1', smtpPort: smtp.port } });
});
afterAll(async () => {
  await env?.close();
  await smtp?.close();
  await sink?.close();
});

const trigger = (journeyId: string, userId: string) =>
  env.graphql(workspace.secretKey, `mutation($input: TriggerJourneyInput!) { triggerJourney(input: $input) { entered reason } }`, { input: { journeyId, userId } });

function countBy<T>(items: T[], key: (item: T) => string) {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

it('runs waiting while the worker is down finish after it restarts, each message delivered once', async () => {
  const users = ['r1', 'r2', 'r3'];
  for (const userId of users) await env.ingest(workspace.writeKey, 'identify', { userId, traits: { email: `${userId}@example.com` } });
  const journeyId = await publishJourney(env, workspace.secretKey, 'Restart while waiting', twoSends(sink.url));
  for (const userId of users) expect((await trigger(journeyId, userId)).data.triggerJourney.entered).toBe(true);
  await eventually(async () => (await env.db.prisma.journeyRun.count({ where: { journeyId, currentNodeId: 'pause', waitingSince: { not: null } } })) === 3, { what: 'three runs waiting' });

  await env.stopWorker();
  // The timers fire while no worker runs.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  await env.startWorker();
  for (const userId of users) expect((await waitForRun(env, workspace.secretKey, journeyId, userId)).status).toBe('COMPLETED');
  const emails = smtp.received.filter((email) => users.some((u) => email.to.includes(`${u}@example.com`)));
  expect([...countBy(emails, (e) => e.subject).values()]).toEqual([1, 1, 1, 1, 1, 1]);
  const calls = sink.received.filter((call) => call.path === '/one' || call.path === '/two');
  expect(calls).toHaveLength(6);
  expect(new Set(calls.map((call) => call.headers['idempotency-key'])).size).toBe(6);
});

// A real crash needs the worker in a process of its own, sharing the database: Postgres only
// (embedded PGlite belongs to one process). CI runs the integration tests on Postgres too.
const onPostgres = process.env.DATABASE_URL ? it : it.skip;

function startWorkerProcess(): Promise<ChildProcess> {
  const db = env.db.config;
  if (db.kind !== 'postgres') throw new Error('needs Postgres');
  // Node itself with tsx's loader (not the tsx CLI, which would run the worker in a grandchild that SIGKILL misses).
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repositoryRoot, 'workflows', 'src', 'cli', 'worker.ts')], {
    cwd: repositoryRoot,
    env: { ...process.env, DATABASE_URL: db.url, TEMPORAL_ADDRESS: env.temporalEnv.address, TEMPORAL_NAMESPACE: env.temporalEnv.namespace ?? 'default', TEMPORAL_TASK_QUEUE: env.taskQueue, TIDEFLOW_ENCRYPTION_KEY: env.encryptionKey, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Worker on task queue')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker process exited (${code}): ${output}`)));
  });
}

onPostgres('a worker killed (SIGKILL) in the middle of sending never sends that step twice; a new worker finishes the runs', async () => {
  await env.stopWorker();
  const users = ['k1', 'k2'];
  for (const userId of users) await env.ingest(workspace.writeKey, 'identify', { userId, traits: { email: `${userId}@example.com` } });
  const journeyId = await publishJourney(env, workspace.secretKey, 'Killed mid-send', twoSends(sink.url));
  // The HTTP sink holds the first webhook call of k1 long enough to kill the worker while it is in flight.
  let holdRelease!: () => void;
  const held = new Promise<void>((resolve) => (holdRelease = resolve));
  const originalRespond = sink.respond;
  let child = await startWorkerProcess();
  let killed = false;
  sink.respond = (request) => {
    if (request.path === '/one' && !killed) {
      killed = true;
      child.kill('SIGKILL');
      holdRelease();
    }
    return { status: 200, body: { ok: true } };
  };
  for (const userId of users) expect((await trigger(journeyId, userId)).data.triggerJourney.entered).toBe(true);
  await held;
  await new Promise((resolve) => child.once('exit', resolve));

  child = await startWorkerProcess();
  try {
    // Sends are local activities: the killed worker's workflow task times out and the new worker runs it again.
    for (const userId of users) expect((await waitForRun(env, workspace.secretKey, journeyId, userId, undefined, 60_000)).status).toBe('COMPLETED');
  } finally {
    child.kill('SIGKILL');
    sink.respond = originalRespond;
    await env.startWorker();
  }
  // The worker may die with more than one call in flight: each interrupted call either reached the
  // sink or not, and in both cases it is recorded as unconfirmed (it may have arrived), never resent.
  const unconfirmed = await env.db.prisma.message.findMany({ where: { journeyId, status: 'UNCONFIRMED' }, include: { user: { select: { externalId: true } } } });
  expect(unconfirmed.map((m) => m.nodeId)).toContain('hook1');
  expect(unconfirmed.every((m) => m.nodeId === 'hook1' || m.nodeId === 'first')).toBe(true);
  for (const userId of users) {
    const interrupted = (nodeId: string) => unconfirmed.some((m) => m.user?.externalId === userId && m.nodeId === nodeId);
    const deliveredOnce = (nodeId: string, count: number) => expect(interrupted(nodeId) ? count <= 1 : count === 1).toBe(true);
    const subjects = smtp.received.filter((email) => email.to.includes(`${userId}@example.com`)).map((e) => e.subject);
    deliveredOnce('first', subjects.filter((s) => s === `First for ${userId}`).length);
    expect(subjects.filter((s) => s === `Second for ${userId}`)).toHaveLength(1);
    const calls = sink.received.filter((call) => (call.json as { user?: string })?.user === userId);
    deliveredOnce('hook1', calls.filter((c) => c.path === '/one').length);
    expect(calls.filter((c) => c.path === '/two')).toHaveLength(1);
  }
});
