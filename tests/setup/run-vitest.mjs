// `npm test`'s last step (and `npm run test:vitest -- <vitest args>`): runs vitest once and exits
// non-zero when vitest does OR when its JSON report says the run was not a clean pass
// (tests/setup/verdict.mjs). vitest's own status alone misses a run where no test ran.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEFAULT_REPORT, verdict } from './verdict.mjs';

const report = process.env.VITEST_JSON_REPORT || DEFAULT_REPORT;
rmSync(report, { force: true }); // a report left by an earlier run must not speak for this one
const vitestBin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const run = spawnSync(process.execPath, [vitestBin, 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });
const v = verdict(report);
if (run.status !== 0) console.error(`test verdict: FAILED — vitest exited with ${run.status ?? run.signal}`);
else if (!v.ok) console.error(`test verdict: FAILED — ${v.reason}`);
process.exit(run.status !== 0 ? run.status || 1 : v.ok ? 0 : 1);
