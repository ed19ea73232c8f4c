import type { NextConfig } from 'next';

// Telemetry is disabled by the package scripts (NEXT_TELEMETRY_DISABLED=1).
// The port comes from WEB_PORT in those scripts too (`next dev|start --port`).
const nextConfig: NextConfig = {
  // Shared workspace package, published as TypeScript source.
  transpilePackages: ['@tideflow/domain'],
};

export default nextConfig;
