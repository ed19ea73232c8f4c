// The browser helpers, for bench/web (`@tideflow/test/browser`); jest tests import the files directly.
export { artifactPath, chromiumPath, launchChromium } from './chromium';
export { signInAs } from './signIn';
export { buildWebApp, type RunningWebApp, startWebApp, webAppBuilt } from './webApp';
