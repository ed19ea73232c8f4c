#!/usr/bin/env node
// `npm run up`: everything on the embedded defaults — PGlite in .data/, the
// Temporal dev server (SQLite in .data/temporal.db, Web UI), the API (with the
// worker), and the web app. First run installs what it needs and seeds a demo
// workspace. Ctrl-C stops everything; the next run keeps the data.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ensureDependencies } from './lib/dependencies.mjs';
import { dataDir, root } from './lib/paths.mjs';
import { isPortOpen, log, startService, stopService, waitFor } from './lib/process.mjs';
import { ensureTemporalCli } from './lib/temporalCli.mjs';
import { startTemporalDevServer } from './lib/temporalServer.mjs';

const ports = {
  api: Number(process.env.API_PORT ?? 4000),
  web: Number(process.env.WEB_PORT ?? 3000),
  temporal: Number(process.env.TEMPORAL_PORT ?? 7233),
  temporalUi: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
};
const externalTemporal = Boolean(process.env.TEMPORAL_ADDRESS);
const services = [];
let stopping = false;

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  log('Stopping…');
  // Web and API first (the API drains its worker), Temporal last.
  for (const child of [...services].reverse()) await stopService(child);
  log('Stopped. Data is kept in .data/ for the next run.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function watch(name, child) {
  services.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${code ?? signal}); stopping the rest.`);
      void shutdown(1);
    }
  });
}

async function main() {
  for (const [name, port] of Object.entries(ports)) {
    if (name.startsWith('temporal') && externalTemporal) continue;
    if (await isPortOpen(port)) throw new Error(`Port ${port} (${name}) is already in use. Stop whatever uses it, or set ${name === 'api' ? 'API_PORT' : name === 'web' ? 'WEB_PORT' : name === 'temporal' ? 'TEMPORAL_PORT' : 'TEMPORAL_UI_PORT'}.`);
  }
  await ensureDependencies();
  if (!externalTemporal) {
    await ensureTemporalCli();
    log(`Starting the Temporal dev server on :${ports.temporal} (UI :${ports.temporalUi})…`);
    watch('temporal', startTemporalDevServer({ port: ports.temporal, uiPort: ports.temporalUi }));
    await waitFor(() => isPortOpen(ports.temporal), { what: 'Temporal', timeoutMs: 90_000 });
  }

  const env = {
    ...process.env,
    TIDEFLOW_DATA_DIR: dataDir,
    API_PORT: String(ports.api),
    WEB_PORT: String(ports.web),
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${ports.temporal}`,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  log('Starting the API and worker…');
  watch('api', startService('api', '32', process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'api', 'src', 'main.ts')], { cwd: root, env }));
  await waitFor(async () => (await fetch(`http://127.0.0.1:${ports.api}/healthz`).catch(() => null))?.ok === true, { what: 'the API', timeoutMs: 180_000, intervalMs: 500 });

  const webMode = process.env.WEB_MODE === 'production' ? 'production' : 'development';
  if (webMode === 'production') {
    log('Building the web app…');
    const { run } = await import('./lib/process.mjs');
    await run('npm', ['run', 'build', '--workspace', '@tideflow/web'], { cwd: root, env });
  }
  log('Starting the web app…');
  watch('web', startService('web', '34', 'npm', ['run', webMode === 'production' ? 'start' : 'dev', '--workspace', '@tideflow/web'], { cwd: root, env }));
  await waitFor(() => isPortOpen(ports.web), { what: 'the web app', timeoutMs: 120_000 });

  const credentialsPath = path.join(dataDir, 'credentials.json');
  const credentials = existsSync(credentialsPath) ? JSON.parse(readFileSync(credentialsPath, 'utf8')) : null;
  console.log(`
  \x1b[1mTideflow is running\x1b[0m
    Web app         http://localhost:${ports.web}
    GraphQL         http://localhost:${ports.api}/graphql   (GraphiQL in a browser)
    Ingestion       http://localhost:${ports.api}/v1/{identify,track,page,screen,group,alias,batch}
    Health          http://localhost:${ports.api}/healthz
    Temporal UI     ${externalTemporal ? '(external Temporal: see your own UI)' : `http://localhost:${ports.temporalUi}`}
  ${credentials ? `
    Demo workspace "${credentials.workspaceSlug}" — keys in ${path.relative(root, credentialsPath)}
      write key   ${credentials.writeKey}
      secret key  ${credentials.secretKey}${credentials.adminEmail ? `
      app sign-in ${credentials.adminEmail} / ${credentials.adminPassword}` : ''}
` : ''}
  Press Ctrl-C to stop.
`);
}

main().catch((error) => {
  console.error(`\x1b[31m[tideflow]\x1b[0m ${error.message}`);
  void shutdown(1);
});
