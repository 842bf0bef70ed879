import { defineConfig } from 'vitest/config';
import { testConfig } from '../../vitest.config.js';

// The suite's own configuration with the fixtures of one gate case in place of the real tests.
// GATE_FILES picks the fixture files; GATE_CASE tells tests/gate/setup.ts what to break;
// GATE_SETUP replaces that setup (the suite's real one).
export default defineConfig({
  test: {
    ...testConfig,
    include: (process.env.GATE_FILES ?? '').split(',').filter(Boolean).map((f) => `tests/gate/fixtures/${f}`),
    exclude: [],
    globalSetup: [process.env.GATE_SETUP || 'tests/gate/setup.ts'],
    passWithNoTests: false,
  },
});
