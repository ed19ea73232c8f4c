import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { dataDir, temporalCli } from './paths.mjs';
import { startService } from './process.mjs';

/** Must match workflows/src/searchAttributes.ts (a unit test checks it). */
export const searchAttributeFlags = ['WorkspaceId=Keyword', 'UserId=Keyword', 'JourneyId=Keyword', 'JourneyVersion=Int', 'CampaignId=Keyword'];

/** `temporal server start-dev` with state persisted in .data/temporal.db and the Web UI. */
export function startTemporalDevServer({ port = 7233, uiPort = 8233 } = {}) {
  mkdirSync(dataDir, { recursive: true });
  const args = ['server', 'start-dev', '--db-filename', path.join(dataDir, 'temporal.db'), '--ip', '127.0.0.1', '--port', String(port), '--ui-port', String(uiPort), '--log-level', 'error'];
  for (const flag of searchAttributeFlags) args.push('--search-attribute', flag);
  return startService('temporal', '35', temporalCli, args);
}
