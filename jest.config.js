/**
 * Three projects: `unit` (pure logic, no I/O), `integration` (through the real
 * parts: PGlite or Postgres, the Temporal dev server, HTTP) and `browser` (the
 * production build of web/ in Debian's Chromium). Select with
 * `npx jest --selectProjects unit`.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

/** @type {import('jest').Config} */
const shared = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // The schema engine WASM bindings ship as ESM.
  transformIgnorePatterns: ['/node_modules/(?!@prisma/schema-engine-wasm/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{domain,api,workflows,prisma,web}/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/web/.next/'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      setupFiles: ['<rootDir>/test/support/quietTemporal.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/browser/globalSetup.ts',
      setupFiles: ['<rootDir>/test/support/quietTemporal.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeouts.ts'],
    },
  ],
};
