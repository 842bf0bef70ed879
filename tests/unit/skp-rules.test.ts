import { describe, expect, it } from 'vitest';
import { applySkpAction } from '../../src/domain/skp-status.js';
import { targetProblems } from '../../src/domain/target.js';
import { submissionProblems } from '../../src/domain/skp-check.js';
import { BERAKHLAK, NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';

describe('SKP workflow — DRAFT → DIAJUKAN → DISETUJUI, DIKEMBALIKAN → edit, change after approval = revisi (docs/domain/skp.md § Workflow)', () => {
  it.each([
    ['DRAFT', 'edit', { status: 'DRAFT', newRevision: false }],
    ['DIKEMBALIKAN', 'edit', { status: 'DIKEMBALIKAN', newRevision: false }],
    ['DISETUJUI', 'edit', { status: 'DRAFT', newRevision: true }],
    ['DIAJUKAN', 'edit', { error: 'skp.err.waitingApproval' }],
    ['DRAFT', 'submit', { status: 'DIAJUKAN', newRevision: false }],
    ['DIKEMBALIKAN', 'submit', { status: 'DIAJUKAN', newRevision: false }],
    ['DIAJUKAN', 'submit', { error: 'skp.err.alreadySubmitted' }],
    ['DISETUJUI', 'submit', { error: 'skp.err.alreadyApproved' }],
    ['DIAJUKAN', 'approve', { status: 'DISETUJUI', newRevision: false }],
    ['DIAJUKAN', 'return', { status: 'DIKEMBALIKAN', newRevision: false }],
    ['DRAFT', 'approve', { error: 'skp.err.notSubmitted' }],
    ['DISETUJUI', 'return', { error: 'skp.err.notSubmitted' }],
  ] as const)('%s + %s → %o', (status, action, expected) => {
    expect(applySkpAction(status, action)).toEqual(expected);
  });
});

describe('indicator targets — number+unit, range, or qualitative; capaian formulas of PermenPANRB 8/2021 need sane targets (docs/domain/skp.md § Indicators)', () => {
  const base = { lebihBaik: 'TINGGI', gabungPeriode: 'TERAKHIR' } as const;
  it('accepts a number with a unit, a range, and a statement in the qualitative approach', () => {
    expect(targetProblems({ ...base, jenisTarget: 'ANGKA', targetAngka: 12, satuan: 'laporan' }, 'KUANTITATIF')).toEqual({});
    expect(targetProblems({ ...base, jenisTarget: 'RENTANG', targetMin: 80, targetMax: 90, satuan: '%' }, 'KUANTITATIF')).toEqual({});
    expect(targetProblems({ ...base, jenisTarget: 'KUALITATIF', targetTeks: 'Tepat waktu dan tanpa revisi' }, 'KUALITATIF')).toEqual({});
  });
  it('refuses a range with min > max and an empty range', () => {
    expect(targetProblems({ ...base, jenisTarget: 'RENTANG', targetMin: 90, targetMax: 80, satuan: '%' }, 'KUANTITATIF')).toEqual({ targetMax: 'target.minAboveMax' });
    expect(targetProblems({ ...base, jenisTarget: 'RENTANG', targetMin: 5, targetMax: 5, satuan: 'hari' }, 'KUANTITATIF')).toEqual({ targetMax: 'target.rangeEmpty' });
  });
  it('refuses lower-is-better with target 0: capaian (1 + (1 − r/t)) × 100 divides by t', () => {
    expect(targetProblems({ ...base, lebihBaik: 'RENDAH', jenisTarget: 'ANGKA', targetAngka: 0, satuan: 'keluhan' }, 'KUANTITATIF')).toEqual({ targetAngka: 'target.lowerZero' });
  });
  it('needs the number, the unit, and no qualitative target in the quantitative approach', () => {
    expect(targetProblems({ ...base, jenisTarget: 'ANGKA' }, 'KUANTITATIF')).toEqual({ targetAngka: 'target.angkaRequired', satuan: 'target.satuanRequired' });
    expect(targetProblems({ ...base, jenisTarget: 'KUALITATIF', targetTeks: 'baik' }, 'KUANTITATIF')).toEqual({ targetTeks: 'target.qualitativeInQuantitative' });
    expect(targetProblems({ ...base, jenisTarget: 'ANGKA', targetAngka: -3, satuan: 'x' }, 'KUANTITATIF')).toEqual({ targetAngka: 'target.negative' });
  });
});

describe('submission check — each RHK intervenes an existing RHK of the appraiser; JPT rows carry a perspektif (docs/domain/skp.md § Submission)', () => {
  const rhk = (over: Partial<Parameters<typeof submissionProblems>[0]['rhk'][number]>) => ({ id: 1, urutan: 1, jenis: 'UTAMA' as const, teks: 'Tersedianya layanan aplikasi', rhkAtasanId: 10, perspektif: null, indikatorCount: 1, ...over });
  it('passes a complete SKP', () => {
    expect(submissionProblems({ isJpt: false, hasPenilai: true, rhk: [rhk({})], atasanRhkIds: new Set([10]) })).toEqual([]);
  });
  it('names each RHK that is missing its link, whose link is gone, or that has no indicator', () => {
    const p = submissionProblems({
      isJpt: false,
      hasPenilai: true,
      rhk: [rhk({ rhkAtasanId: null }), rhk({ id: 2, urutan: 2, rhkAtasanId: 99 }), rhk({ id: 3, urutan: 1, jenis: 'TAMBAHAN', indikatorCount: 0 })],
      atasanRhkIds: new Set([10]),
    });
    expect(p).toEqual([
      { key: 'skp.check.noIntervensi', params: { rhk: 'A.1 Tersedianya layanan aplikasi' } },
      { key: 'skp.check.intervensiMissing', params: { rhk: 'A.2 Tersedianya layanan aplikasi' } },
      { key: 'skp.check.noIndikator', params: { rhk: 'B.1 Tersedianya layanan aplikasi' } },
    ]);
  });
  it('needs at least one RHK UTAMA; JPT needs perspektif instead of a link', () => {
    expect(submissionProblems({ isJpt: false, hasPenilai: true, rhk: [], atasanRhkIds: new Set() })).toEqual([{ key: 'skp.check.noUtama' }]);
    expect(submissionProblems({ isJpt: true, hasPenilai: false, rhk: [rhk({ rhkAtasanId: null })], atasanRhkIds: new Set() }).map((x) => x.key)).toEqual(['skp.check.noPerspektif']);
  });
});

describe('BerAKHLAK — seven values with three statements each (UU 20/2023 Pasal 4(2))', () => {
  it('has every value with three statements', () => {
    expect(NILAI_BERAKHLAK).toHaveLength(7);
    for (const v of NILAI_BERAKHLAK) expect(BERAKHLAK[v].perilaku).toHaveLength(3);
    expect(BERAKHLAK.KOLABORATIF.perilaku[0]).toBe('Memberi kesempatan kepada berbagai pihak untuk berkontribusi');
  });
});
