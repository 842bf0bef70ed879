import { describe, expect, it } from 'vitest';
import { findAppraiserLoop, findLoopsInBatch } from '../../src/domain/appraiser-chain.js';

// Chain: 4 → 3 → 2 → 1 (1 has no appraiser: the head of the agency).
const chain = new Map<number, number | null>([[1, null], [2, 1], [3, 2], [4, 3]]);
const of = (id: number) => chain.get(id) ?? null;

describe('appraiser chain — pejabat penilai and atasan pejabat penilai must not loop (docs/domain/penilai.md)', () => {
  it('allows an assignment up the chain', () => {
    expect(findAppraiserLoop(4, 2, of)).toBeNull();
    expect(findAppraiserLoop(2, null, of)).toBeNull();
  });
  it('names the loop when the head would be appraised by someone below', () => {
    expect(findAppraiserLoop(1, 4, of)).toEqual([1, 4, 3, 2, 1]);
  });
  it('refuses self-appraisal as a loop of one', () => {
    expect(findAppraiserLoop(3, 3, of)).toEqual([3, 3]);
  });
  it('does not hang on an older loop higher up', () => {
    const bad = new Map<number, number | null>([[1, 2], [2, 1], [5, null]]);
    expect(findAppraiserLoop(5, 1, (id) => bad.get(id) ?? null)).toBeNull();
  });
  it('checks a batch against itself and the existing chain', () => {
    const loops = findLoopsInBatch(chain, new Map([[1, 9], [9, 4]]));
    expect(loops.get(1)).toEqual([1, 9, 4, 3, 2, 1]);
    expect(findLoopsInBatch(chain, new Map([[9, 4], [10, 9]])).size).toBe(0);
  });
});
