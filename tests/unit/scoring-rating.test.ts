import { describe, expect, it } from 'vitest';
import { NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';
import {
  capaian,
  classifyRhk,
  DEFAULT_POLICY,
  parsePolicy,
  suggestRatingHasilKerja,
  suggestRatingPerilaku,
  type Capaian,
  type Ekspektasi,
  type RhkDinilai,
  type TandaPerilaku,
} from '../../src/domain/scoring/index.js';
import { formatReason } from '../../src/domain/scoring/reason.js';
import { translate } from '../../src/i18n/index.js';

// RHK classification and the suggested ratings (docs/domain/scoring.md § RHK, § Ratings).
const P = DEFAULT_POLICY;
const text = (lang: 'id' | 'en', r: { key: string; params: Record<string, string | number> }) => formatReason(r, (k, p) => translate(lang, k, p));

/** An indicator of target 100 whose realisasi gives the class: 120 above, 100 as expected, 90 below. */
const REALISASI: Record<Ekspektasi, number> = { DI_ATAS: 120, SESUAI: 100, DI_BAWAH: 90 };
const A = 'DI_ATAS', S = 'SESUAI', B = 'DI_BAWAH';
const ind = (...kelas: Ekspektasi[]) =>
  kelas.map((k, i) => ({ id: i + 1, label: `IKI ${i + 1}`, capaian: capaian({ jenisTarget: 'ANGKA', lebihBaik: 'TINGGI' }, { angka: REALISASI[k] }, { targetAngka: 100 }, P) }));

describe('RHK classification from its indicators — SIKAP policy on the PermenPANRB 6/2022 levels: one indicator below → below; most above and none below → above; else as expected', () => {
  it.each([
    [[A], A],
    [[S], S],
    [[B], B],
    [[A, A, S], A], // 2 of 3 above: most
    [[A, S], S], // 1 of 2: not most
    [[A, A, S, S], S], // 2 of 4: half is not most
    [[A, A, A, S], A], // 3 of 4
    [[A, A, B], B], // one below sinks it (rhk.diBawahBila SATU)
    [[S, S, B], B],
    [[A, A, A, A, B], B],
  ] as const)('indicators %o → %s', (kelas, expected) => {
    expect(classifyRhk(ind(...kelas), P)).toMatchObject({ kind: 'kelas', kelas: expected, policyVersion: 1 });
  });

  it.each([
    [[A, A, B], S], // not most below, but one below bars "above"
    [[B, S], S], // 1 of 2 below: not most
    [[B, B, S], B], // 2 of 3 below
    [[B, B, S, A], S], // half
    [[B, B, B, A], B],
  ] as const)('policy rhk.diBawahBila SEBAGIAN_BESAR: indicators %o → %s', (kelas, expected) => {
    expect(classifyRhk(ind(...kelas), parsePolicy({ rhk: { diBawahBila: 'SEBAGIAN_BESAR' } }))).toMatchObject({ kind: 'kelas', kelas: expected });
  });

  it('gives the reason: which indicators, which numbers', () => {
    const c = classifyRhk(ind(A, S, B), P);
    if (c.kind !== 'kelas') throw new Error(c.kind);
    expect(text('id', c.reason)).toBe('1 dari 3 indikator di bawah ekspektasi (IKI 3); satu indikator di bawah ekspektasi sudah menjadikan RHK Di Bawah Ekspektasi.');
    expect(c.rincian.map((r) => text('id', r.reason))).toEqual(['IKI 1: 120%, Di Atas Ekspektasi', 'IKI 2: 100%, Sesuai Ekspektasi', 'IKI 3: 90%, Di Bawah Ekspektasi']);
    expect(text('en', classifyRhk(ind(A, A, S), P).reason)).toBe('Most indicators (2 of 3) above expectation (IKI 1; IKI 2) and none below: Above expectation.');
  });

  it('classifies by the capaian as shown: 110% is as expected, 110.01% above (PermenPANRB 8/2021: "c > 110%")', () => {
    const at = [{ id: 1, label: 'IKI 1', capaian: capaian({ jenisTarget: 'ANGKA', lebihBaik: 'TINGGI' }, { angka: '55' }, { targetAngka: '50' }, P) }];
    const above = [{ id: 1, label: 'IKI 1', capaian: capaian({ jenisTarget: 'ANGKA', lebihBaik: 'TINGGI' }, { angka: '55.005' }, { targetAngka: '50' }, P) }];
    expect(classifyRhk(at, P)).toMatchObject({ kelas: 'SESUAI' });
    expect(classifyRhk(above, P)).toMatchObject({ kelas: 'DI_ATAS' });
  });

  it('takes a qualitative indicator by the appraiser’s judgement', () => {
    const q: Capaian = capaian({ jenisTarget: 'KUALITATIF', lebihBaik: 'TINGGI' }, { teks: 'x', penilaian: 'MELAMPAUI' }, {}, P);
    const c = classifyRhk([...ind(A), { id: 9, label: 'IKI kualitas', capaian: q }], P);
    expect(c).toMatchObject({ kind: 'kelas', kelas: 'DI_ATAS' });
    expect(c.kind === 'kelas' && text('id', c.rincian[1]!.reason)).toBe('IKI kualitas: melampaui target, Di Atas Ekspektasi');
  });

  it('withholds the classification when a realisasi is missing or a capaian cannot be computed, naming each (never as 0)', () => {
    const missing = { id: 7, label: 'IKI 7', capaian: capaian({ jenisTarget: 'ANGKA', lebihBaik: 'TINGGI' }, { angka: null }, { targetAngka: 10 }, P) };
    const zero = { id: 8, label: 'IKI 8', capaian: capaian({ jenisTarget: 'ANGKA', lebihBaik: 'TINGGI' }, { angka: 3 }, { targetAngka: 0 }, P) };
    const c = classifyRhk([...ind(A, A), missing, zero], P);
    expect(c).toMatchObject({ kind: 'withheld', policyVersion: 1 });
    if (c.kind !== 'withheld') throw new Error();
    expect(c.hilang.map((h) => [h.id, h.reason.key])).toEqual([[7, 'scoring.missing.realisasi'], [8, 'scoring.unscorable.targetZero']]);
    expect(text('id', c.reason)).toBe('Klasifikasi RHK menunggu capaian indikator: IKI 7; IKI 8.');
  });

  it('an RHK without indicators has no classification', () => {
    expect(classifyRhk([], P)).toMatchObject({ kind: 'withheld', reason: { key: 'scoring.rhk.noIndikator' } });
  });
});

const rhk = (jenis: 'UTAMA' | 'TAMBAHAN', kelas: Ekspektasi | null, i: number): RhkDinilai => ({
  id: i,
  label: `${jenis === 'UTAMA' ? 'A' : 'B'}.${i}`,
  jenis,
  klasifikasi: kelas
    ? { kind: 'kelas', kelas, hitungan: { atas: 0, sesuai: 0, bawah: 0, total: 0 }, reason: { key: 'scoring.rhk.sesuai', params: {} }, rincian: [], policyVersion: 1 }
    : { kind: 'withheld', hilang: [], reason: { key: 'scoring.rhk.withheld', params: {} }, policyVersion: 1 },
});
const set = (utama: (Ekspektasi | null)[], tambahan: (Ekspektasi | null)[] = []) => [...utama.map((k, i) => rhk('UTAMA', k, i + 1)), ...tambahan.map((k, i) => rhk('TAMBAHAN', k, i + 1))];

describe('Rating Hasil Kerja suggestion — PermenPANRB 6/2022 guidance: most or all above and no UTAMA below → Di Atas; most or all below → Di Bawah; else Sesuai', () => {
  it.each([
    [[A], A],
    [[A, A, S], A],
    [[A, A, A, A], A], // all
    [[A, S], S], // 1 of 2 above: not most
    [[A, A, S, S], S], // half
    [[A, A, B], S], // most above, but a UTAMA below ("only a small part of the UTAMA below" → Sesuai)
    [[S, S, S], S],
    [[S, S, B], S], // a small part below
    [[B, S], S], // 1 of 2 below: not most
    [[B, B, S, S], S], // half below: not most
    [[B, B, S], B], // 2 of 3
    [[B, B, B, A], B],
    [[B], B],
  ] as const)('UTAMA %o → %s', (utama, expected) => {
    expect(suggestRatingHasilKerja(set([...utama]), P)).toMatchObject({ kind: 'saran', rating: expected, policyVersion: 1 });
  });

  it('by default counts the UTAMA RHKs only: TAMBAHAN ones neither lift nor sink (6/2022 names the hasil kerja utama; tambahan unconfirmed)', () => {
    expect(suggestRatingHasilKerja(set([A, A], [B, B, B]), P)).toMatchObject({ rating: A });
    expect(suggestRatingHasilKerja(set([S], [A, A]), P)).toMatchObject({ rating: S });
    expect(suggestRatingHasilKerja(set([A, A], [null]), P)).toMatchObject({ kind: 'saran', rating: A }); // a TAMBAHAN waiting does not block
  });

  it('policy ratingHasilKerja.hitungTambahan counts TAMBAHAN too; a TAMBAHAN below still never bars Di Atas', () => {
    const p = parsePolicy({ ratingHasilKerja: { hitungTambahan: true } });
    expect(suggestRatingHasilKerja(set([A, A], [B, B, B]), p)).toMatchObject({ rating: B }); // 3 of 5 below
    expect(suggestRatingHasilKerja(set([S], [A, A]), p)).toMatchObject({ rating: A }); // 2 of 3 above, no UTAMA below
    expect(suggestRatingHasilKerja(set([A, A, A], [B]), p)).toMatchObject({ rating: A });
    expect(suggestRatingHasilKerja(set([A, B], [A, A]), p)).toMatchObject({ rating: S }); // 3 of 4 above, but a UTAMA below
    expect(suggestRatingHasilKerja(set([A, A], [null]), p)).toMatchObject({ kind: 'withheld' });
  });

  it('withholds the suggestion while an UTAMA RHK has no classification, naming it; and without UTAMA RHKs', () => {
    const w = suggestRatingHasilKerja(set([A, null, A]), P);
    expect(w).toMatchObject({ kind: 'withheld', hilang: ['A.2'], policyVersion: 1 });
    expect(text('id', w.reason)).toBe('Saran Rating Hasil Kerja menunggu klasifikasi RHK: A.2.');
    expect(suggestRatingHasilKerja(set([], [A]), P)).toMatchObject({ kind: 'withheld', reason: { key: 'scoring.ratingHasil.noUtama' } });
  });

  it('gives the reason in words, with the RHKs named', () => {
    expect(text('id', suggestRatingHasilKerja(set([A, A, B]), P).reason)).toBe(
      'Sebagian besar RHK utama (2 dari 3) di atas ekspektasi, tetapi ada RHK utama di bawah ekspektasi (A.3): saran Sesuai Ekspektasi.',
    );
    expect(text('id', suggestRatingHasilKerja(set([A, A, S]), P).reason)).toBe(
      'Sebagian besar RHK utama (2 dari 3) di atas ekspektasi (A.1; A.2) dan tidak ada RHK utama di bawah ekspektasi: saran Di Atas Ekspektasi.',
    );
    expect(text('en', suggestRatingHasilKerja(set([B, B, S]), P).reason)).toBe('Most main RHKs (2 of 3) below expectation (A.1; A.2): suggested Below expectation.');
    const s = suggestRatingHasilKerja(set([A, S]), P);
    expect(s.kind === 'saran' && s.rincian.map((r) => text('id', r))).toEqual(['A.1: Di Atas Ekspektasi', 'A.2: Sesuai Ekspektasi']);
  });
});

const tanda = (...kelas: Ekspektasi[]): TandaPerilaku => Object.fromEntries(NILAI_BERAKHLAK.map((n, i) => [n, kelas[i]]));

describe('Rating Perilaku Kerja suggestion from the marks on the seven BerAKHLAK values — SIKAP policy (PermenPANRB 6/2022 sets no rule): most above and none below → Di Atas; most below → Di Bawah; else Sesuai', () => {
  it.each([
    [[S, S, S, S, S, S, S], S],
    [[A, A, A, A, S, S, S], A], // 4 of 7: most
    [[A, A, A, S, S, S, S], S], // 3 of 7: not most
    [[A, A, A, A, A, A, A], A],
    [[A, A, A, A, A, A, B], S], // one below bars "above"
    [[B, B, B, S, S, S, A], S], // 3 of 7 below
    [[B, B, B, B, S, S, A], B], // 4 of 7 below
  ] as const)('marks %o → %s', (kelas, expected) => {
    expect(suggestRatingPerilaku(tanda(...kelas), P)).toMatchObject({ kind: 'saran', rating: expected, policyVersion: 1 });
  });

  it.each([
    [[S, S, S, S, S, S, S], S],
    [[A, A, A, A, A, A, B], B], // one below is enough
    [[A, A, A, A, S, S, S], A],
  ] as const)('policy ratingPerilaku.diBawahBila SATU: marks %o → %s', (kelas, expected) => {
    expect(suggestRatingPerilaku(tanda(...kelas), parsePolicy({ ratingPerilaku: { diBawahBila: 'SATU' } }))).toMatchObject({ rating: expected });
  });

  it('makes no suggestion without marks, and names the unmarked values when some are missing', () => {
    expect(suggestRatingPerilaku({}, P)).toMatchObject({ kind: 'withheld', reason: { key: 'scoring.ratingPerilaku.noMarks' } });
    const w = suggestRatingPerilaku({ ...tanda(A, A, A, A, A, A, A), KOLABORATIF: null }, P);
    expect(w).toMatchObject({ kind: 'withheld', hilang: ['KOLABORATIF'] });
    expect(text('id', w.reason)).toBe('Saran Rating Perilaku Kerja menunggu tanda untuk: Kolaboratif.');
  });

  it('gives the reason in words, with the values named', () => {
    expect(text('id', suggestRatingPerilaku(tanda(B, B, B, B, S, S, A), P).reason)).toBe(
      'Sebagian besar nilai perilaku (4 dari 7) di bawah ekspektasi (Berorientasi Pelayanan; Akuntabel; Kompeten; Harmonis): saran Di Bawah Ekspektasi.',
    );
    const s = suggestRatingPerilaku(tanda(S, S, S, S, S, S, A), P);
    expect(s.kind === 'saran' && text('en', s.rincian[6]!)).toBe('Kolaboratif: Above expectation');
  });
});
