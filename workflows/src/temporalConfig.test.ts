import { temporalConfigFromEnv } from './temporalConfig';

describe('temporalConfigFromEnv', () => {
  it('reads the defaults', () => {
    expect(temporalConfigFromEnv({})).toEqual({ address: 'localhost:7233', namespace: 'default', taskQueue: 'tideflow', cachedWorkflows: undefined, localActivitySlots: undefined });
  });

  it('reads the worker cache size, 0 turning the cache off', () => {
    expect(temporalConfigFromEnv({ TEMPORAL_WORKER_CACHED_WORKFLOWS: '250' }).cachedWorkflows).toBe(250);
    expect(temporalConfigFromEnv({ TEMPORAL_WORKER_CACHED_WORKFLOWS: '0' }).cachedWorkflows).toBe(0);
    expect(temporalConfigFromEnv({ TEMPORAL_WORKER_CACHED_WORKFLOWS: ' ' }).cachedWorkflows).toBeUndefined();
  });

  it.each(['1', '-5', '2.5', 'many', '0x10', '1e3'])('refuses a cache size of %s, naming the variable', (value) => {
    expect(() => temporalConfigFromEnv({ TEMPORAL_WORKER_CACHED_WORKFLOWS: value })).toThrow(/TEMPORAL_WORKER_CACHED_WORKFLOWS must be 0 \(no cache\) or a whole number of at least 2, got/);
  });

  it('reads how many local activities a worker runs at once', () => {
    expect(temporalConfigFromEnv({ TEMPORAL_WORKER_LOCAL_ACTIVITIES: '16' }).localActivitySlots).toBe(16);
    expect(temporalConfigFromEnv({ TEMPORAL_WORKER_LOCAL_ACTIVITIES: '' }).localActivitySlots).toBeUndefined();
  });

  it.each(['0', '-1', '2.5', 'lots'])('refuses %s local activities at once, naming the variable', (value) => {
    expect(() => temporalConfigFromEnv({ TEMPORAL_WORKER_LOCAL_ACTIVITIES: value })).toThrow(/TEMPORAL_WORKER_LOCAL_ACTIVITIES must be a whole number of at least 1, got/);
  });
});
