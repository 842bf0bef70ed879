/**
 * Wraps a vitest global teardown so that its failure fails the run: vitest logs an error thrown
 * during close ("error during close") but still exits 0.
 */
export function failRunOnThrow(fn: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await fn();
    } catch (e) {
      process.exitCode = 1;
      throw e;
    }
  };
}
