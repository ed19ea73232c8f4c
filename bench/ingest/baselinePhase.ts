import { Client } from 'pg';
import { type BaselineResult, runBaseline } from './baseline';
import { openBaselineClient } from './baselineClient';
import { CpuMeter } from './cpuUsage';
import type { Dataset } from './dataset';
import type { ScratchDatabase } from './scratchDatabase';

export interface BaselinePhase extends BaselineResult {
  where: string;
  cpu: ReturnType<CpuMeter['stop']>;
}

/** Flushes dirty buffers before a timed phase, so one phase's writes are not paid for by the next. */
export async function checkpoint(scratch: ScratchDatabase): Promise<void> {
  if (scratch.config.kind !== 'postgres') return;
  const client = new Client({ connectionString: scratch.config.url });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}

/** One baseline measurement into a fresh workspace of `scratch`. */
export async function baselinePhase(scratch: ScratchDatabase, dataset: Dataset, concurrency: number): Promise<BaselinePhase> {
  await checkpoint(scratch);
  const { client, where, close } = await openBaselineClient(scratch.config, concurrency);
  try {
    const cpu = new CpuMeter(null, scratch.config.kind === 'postgres' ? scratch.label : null);
    const result = await runBaseline(client, dataset, concurrency);
    return { ...result, where, cpu: cpu.stop() };
  } finally {
    await close();
  }
}
