import { performance } from 'node:perf_hooks';
import { startApiProcess } from './apiProcess';
import { checkpoint } from './baselinePhase';
import type { MemoryPeaks } from './childProtocol';
import { CpuMeter } from './cpuUsage';
import type { Dataset } from './dataset';
import { MemorySampler } from './memorySampler';
import type { ScratchDatabase } from './scratchDatabase';
import { type SendResult, sendBatches } from './sender';

export interface ApiPhase extends SendResult {
  /** Peak resident set of the API process: the largest of VmHWM, sampled VmRSS and its own getrusage maxRSS. */
  peakRssBytes: number;
  startupRssBytes: number;
  /** Peaks of process.memoryUsage() fields inside the API process. */
  peakMemory: MemoryPeaks;
  rows: { events: number; users: number; identities: number; eventDefinitions: number };
  cpu: ReturnType<CpuMeter['stop']>;
}

/** Starts the API in a child process on `scratch`, sends every batch through POST /v1/batch, checks what was stored, stops it. */
export async function apiPhase(scratch: ScratchDatabase, dataset: Dataset, senders: number, log: (message: string) => void): Promise<ApiPhase> {
  await checkpoint(scratch);
  const api = await startApiProcess(scratch.config);
  const sampler = new MemorySampler(api.pid).start();
  try {
    const health = await fetch(`${api.baseUrl}/healthz`);
    if (!health.ok) throw new Error(`The API is not healthy: ${await health.text()}`);
    log(`API process ${api.pid} on ${api.baseUrl}; sending with ${senders} senders…`);
    const tenth = Math.max(1, Math.round(dataset.batches.length / 10));
    const started = performance.now();
    const cpu = new CpuMeter(api.pid, scratch.config.kind === 'postgres' ? scratch.label : null);
    const sent = await sendBatches(api.baseUrl, api.writeKey, dataset.batches, senders, (done) => {
      if (done % tenth === 0) log(`  ${done}/${dataset.batches.length} batches, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });
    const cpuUsed = cpu.stop();
    const stats = await api.stats();
    sampler.stop();
    const childMaxRss = await api.stop();
    if (stats.loggedErrors) log(`the API logged ${stats.loggedErrors} error(s), first: ${stats.firstErrors[0]}`);
    const expected = dataset.events.length;
    if (stats.events !== expected || sent.stored !== expected) {
      throw new Error(`Expected ${expected} stored events; the API reported ${sent.stored} stored (${sent.duplicates} duplicates) and the database holds ${stats.events}`);
    }
    return {
      ...sent,
      peakRssBytes: Math.max(sampler.hwmBytes, sampler.peakRssBytes, childMaxRss),
      startupRssBytes: api.startupRssBytes,
      peakMemory: stats.peakMemory,
      rows: { events: stats.events, users: stats.users, identities: stats.identities, eventDefinitions: stats.eventDefinitions },
      cpu: cpuUsed,
    };
  } catch (error) {
    sampler.stop();
    api.kill();
    throw error;
  }
}
