// Reads vitest's JSON report and decides whether the run passed: the report exists, vitest called
// it a success, no test failed and at least one test ran. Used by tests/setup/run-vitest.mjs (and
// so by `npm test`) and by .ci/run, which prints `line` as its last line.
//
//   node tests/setup/verdict.mjs [report.json]   prints "N passed, N failed"; exit 1 when not ok
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_REPORT = 'test-output/results.json';

/** @returns {{ ok: boolean, passed: number, failed: number, line: string, reason: string | null }} */
export function verdict(file = process.env.VITEST_JSON_REPORT || DEFAULT_REPORT) {
  const result = (passed, failed, reason) => ({ ok: reason === null, passed, failed, line: `${passed} passed, ${failed} failed`, reason });
  if (!existsSync(file)) return result(0, 0, `no test report at ${file}: the suite did not run to the end`);
  let r;
  try {
    r = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return result(0, 0, `the test report ${file} is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const passed = Number(r.numPassedTests) || 0;
  const failed = Number(r.numFailedTests) || 0;
  const failedSuites = Number(r.numFailedTestSuites) || 0;
  if (failed > 0) return result(passed, failed, `${failed} test(s) failed`);
  if (failedSuites > 0) return result(passed, failed, `${failedSuites} test file(s) or suite(s) failed`);
  if (r.success !== true) return result(passed, failed, 'vitest reports the run as unsuccessful (a file did not load, or the global setup failed)');
  if (passed === 0) return result(passed, failed, 'no test ran');
  return result(passed, failed, null);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const v = verdict(process.argv[2]);
  if (v.reason) console.error(`test verdict: FAILED — ${v.reason}`);
  console.log(v.line);
  process.exit(v.ok ? 0 : 1);
}
