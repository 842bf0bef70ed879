import { availableParallelism } from 'node:os';
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
  // the files of a worker share its loaded modules instead of importing the app afresh each (with
  // isolation the imports alone took 230–630 s of a run's time; without, about 20 s). Each file
  // still makes its own app and database (tests/helpers/app.ts), and no test swaps a module out
  // or sets process.env, so nothing of one file reaches the next.
  isolate: false,
  // vitest's default is one file at a time on a two-CPU machine (CPUs − 1); a test spends much of
  // its time waiting for PostgreSQL, so two files at once use the machine better
  maxWorkers: Math.max(2, availableParallelism() - 1),
  reporters: ['default', 'json'],
  outputFile: { json: process.env.VITEST_JSON_REPORT || 'test-output/results.json' },
} satisfies ViteUserConfig['test'];

export default defineConfig({ test: testConfig });
