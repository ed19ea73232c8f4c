import path from 'node:path';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type PrismaClient, type SqlDriver, sqlDriverOf } from '@tideflow/db';
import { createActivities } from './activities';
import type { SecretBox } from './secrets/secretBox';
import { type TemporalConfig, temporalConfigFromEnv } from './temporalConfig';

export interface TideflowWorkerOptions {
  prisma: PrismaClient;
  /** The driver under Prisma; defaults to the one `openDatabase` made for `prisma`. */
  sql?: SqlDriver;
  /** Opens channel secrets for sends. */
  secrets: SecretBox;
  temporal?: TemporalConfig;
  /** An existing connection (tests); otherwise one is opened to `temporal.address`. */
  connection?: NativeConnection;
  /** Pre-bundled workflow code (tests bundle once); otherwise bundled from ./workflows. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export const workflowsPath = require.resolve('./workflows');

/** The domain package's sources (`@tideflow/domain` resolves to its src/index.ts). */
const domainSources = path.dirname(require.resolve('@tideflow/domain'));

type WebpackConfig = Parameters<NonNullable<NonNullable<WorkerOptions['bundlerOptions']>['webpackConfigHook']>>[0];

/**
 * How the workflow code is bundled (pass the same to `bundleWorkflowCode` to get the same bundle).
 *
 * Temporal gives every workflow execution its own module state: each module the workflow code
 * requires is evaluated again for every run (and again whenever a run is replayed into the cache),
 * and stays in memory while the run is cached. The workflows import helpers from the
 * `@tideflow/domain` index, which re-exports the whole package: Segment validation, user-agent
 * parsing (ua-parser-js), identity resolution and every zod schema of journeys and segments, all
 * built again per run. The domain package is pure (its modules only define things), so webpack may
 * leave out the modules whose exports the workflows never use. Only the handful of modules the
 * interpreter calls is then evaluated per run: about a third less CPU per run in the workflow
 * thread, and less memory per cached run (see bench/RESULTS.md, bench/journeys).
 */
export const workflowBundlerOptions = {
  webpackConfigHook: (config: WebpackConfig): WebpackConfig => ({
    ...config,
    module: { ...config.module, rules: [...(config.module?.rules ?? []), { include: domainSources, sideEffects: false }] },
    optimization: { ...config.optimization, sideEffects: true, usedExports: true, providedExports: true },
  }),
} satisfies WorkerOptions['bundlerOptions'];

/**
 * Local activities at once. Since journeyRunV3 they include sends and webhook calls, which wait on a
 * provider for up to a minute without holding a database connection: as many slots as the SDK gives
 * ordinary activities, so slow providers cannot hold up the bookkeeping of every other run.
 */
const defaultLocalActivitySlots = 100;

/** A worker on the Tideflow task queue with every workflow and activity. */
export async function createTideflowWorker(options: TideflowWorkerOptions): Promise<Worker> {
  const temporal = options.temporal ?? temporalConfigFromEnv();
  const connection = options.connection ?? (await NativeConnection.connect({ address: temporal.address }));
  return Worker.create({
    connection,
    namespace: temporal.namespace,
    taskQueue: temporal.taskQueue,
    activities: createActivities({ prisma: options.prisma, sql: options.sql ?? sqlDriverOf(options.prisma), secrets: options.secrets }),
    // Journey bookkeeping runs as local activities, each one statement (or a short transaction) on the pool
    // (10 connections by default); those beyond the pool queue for a connection (see openDatabase).
    maxConcurrentLocalActivityExecutions: temporal.localActivitySlots ?? defaultLocalActivitySlots,
    ...(temporal.cachedWorkflows !== undefined ? { maxCachedWorkflows: temporal.cachedWorkflows } : {}),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath, bundlerOptions: workflowBundlerOptions }),
  });
}
