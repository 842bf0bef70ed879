import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';

// The one vitest configuration `npm test` runs. tests/gate/ reuses it to prove that a failure
// anywhere (a test, a file that does not load, the global setup or teardown) fails the command.
export const testConfig = {
  globalSetup: ['tests/setup/global.ts'],
  include: ['tests/**/*.test.ts'],
  exclude: [...configDefaults.exclude, 'tests/gate/fixtures/**'],
  testTimeout: 30_000,
  hookTimeout: 120_000,
  pool: 'forks',
  reporters: ['default', 'json'],
  outputFile: { json: process.env.VITEST_JSON_REPORT || 'test-output/results.json' },
} satisfies ViteUserConfig['test'];

export default defineConfig({ test: testConfig });
