// The appraiser chain (pejabat penilai → atasan pejabat penilai → …) must never loop:
// otherwise an employee would end up appraising their own appraiser.

/**
 * Returns the loop that setting `pegawaiId`'s appraiser to `newPenilaiId` would create, as the
 * list of ids from `pegawaiId` back to itself, or null when there is none.
 * `penilaiOf` answers each employee's current appraiser (changes already planned included).
 */
export function findAppraiserLoop(pegawaiId: number, newPenilaiId: number | null, penilaiOf: (id: number) => number | null | undefined): number[] | null {
  if (newPenilaiId === null) return null;
  const path = [pegawaiId];
  const seen = new Set<number>([pegawaiId]);
  let current: number | null | undefined = newPenilaiId;
  while (current !== null && current !== undefined) {
    path.push(current);
    if (current === pegawaiId) return path;
    if (seen.has(current)) return null; // an older loop further up, not created by this change
    seen.add(current);
    current = penilaiOf(current);
  }
  return null;
}

/** Checks a batch of appraiser assignments against each other and the existing chain. */
export function findLoopsInBatch(existing: Map<number, number | null>, changes: Map<number, number | null>): Map<number, number[]> {
  const merged = new Map(existing);
  for (const [id, p] of changes) merged.set(id, p);
  const loops = new Map<number, number[]>();
  for (const [id, p] of changes) {
    const loop = findAppraiserLoop(id, p, (x) => merged.get(x) ?? null);
    if (loop) loops.set(id, loop);
  }
  return loops;
}
