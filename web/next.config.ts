import type { NextConfig } from 'next';

// Telemetry is disabled by the package scripts (NEXT_TELEMETRY_DISABLED=1).
// The port comes from WEB_PORT in those scripts too (`next dev|start --port`).
const nextConfig: NextConfig = {
  // Shared workspace package, published as TypeScript source.
  transpilePackages: ['@tideflow/domain'],
  // bench/web builds into a directory of its own, so browser tests rebuilding `.next` never swap files under it.
  distDir: process.env.TIDEFLOW_WEB_DIST_DIR || '.next',
};

export default nextConfig;
