import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dataDir = process.env.TIDEFLOW_DATA_DIR ?? path.join(root, '.data');
export const toolsBin = path.join(root, '.tools', 'bin');
export const temporalCli = process.env.TEMPORAL_CLI ?? path.join(toolsBin, 'temporal');
