import { setFlagsFromString } from 'node:v8';

// How far V8 lets the heap grow past what was live at its last full collection before it
// collects it whole again (docs/architecture.md § Memory). V8 picks a factor of up to 4 by
// itself when collecting is cheap, which a long job turns into memory: the year-end computation
// for 100,000 employees promotes its batches' short-lived values at about 20 MB/s, and with ~85 MB
// live the heap grew to ~350 MB before each full collection (RSS +305–344 MB in the bench). At
// 1.5 the same run stays at +97–146 MB for no measurable CPU (bench/README.md).

/** The heap may grow to (1 + p/100) × what was live before V8 collects it whole. */
export const HEAP_GROWING_PERCENT = 50;

/** Sets the process's heap growth (at the start of the server and of every bench, so that benches measure what runs). */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
