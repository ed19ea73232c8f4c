import { buildWebApp } from './webApp';

/** Browser tests run against the production build of web/, built once per run. */
export default async function globalSetup() {
  if (process.env.TIDEFLOW_SKIP_WEB_BUILD === '1') return;
  await buildWebApp();
}
