import type { ChildProcess } from 'node:child_process';

/** `Name=Type` pairs passed to `temporal server start-dev --search-attribute`. */
export const searchAttributeFlags: string[];
export function startTemporalDevServer(options?: { port?: number; uiPort?: number }): ChildProcess;
