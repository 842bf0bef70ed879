import { describe, expect, it } from 'vitest';
import { NILAI_BERAKHLAK } from '../../src/domain/berakhlak.js';
import {
  capaian,
  classifyRhk,
  DEFAULT_POLICY,
  EKSPEKTASI,
  parsePolicy,
  predikatReason,
  realisasiKumulatif,
  suggestRatingHasilKerja,
  suggestRatingPerilaku,
  cekDistribusi,
  saranTahunan,
  ratingKepalaUnit,
  PREDIKAT,
  PREDIKAT_ORGANISASI,
  type Reason,
} from '../../src/domain/scoring/index.js';
import { formatReason } from '../../src/domain/scoring/reason.js';
import { LANGS, LANGUAGES, translate } from '../../src/i18n/index.js';

// Every reason the scoring module gives reads as a whole sentence in every language: its key
// and its "@key" parameters exist, and every {placeholder} of the text has its parameter.

function sample(): Reason[] {
  const out: Reason[] = [];
  const P = DEFAULT_POLICY;
  const push = (...r: (Reason | null | undefined)[]) => out.push(...r.filter((x): x is Reason => !!x));
  for (const lebihBaik of ['TINGGI', 'RENDAH'] as const) {
    for (const angka of [null, '0', '5', '9', '10', '11', '30']) {
      for (const target of [{ targetAngka: 10 }, { targetAngka: 0 }, { targetAngka: -1 }, {}]) {
        const c = capaian({ jenisTarget: 'ANGKA', lebihBaik }, { angka }, target, P);
        push(c.kind === 'persen' ? c.rule : null, c.kind === 'persen' ? c.batas : null, c.kind === 'persen' ? c.kelasReason : null, 'reason' in c ? c.reason : null);
      }
      for (const target of [{ targetMin: 8, targetMax: 10 }, { targetMin: 0, targetMax: 10 }, { targetMin: 10, targetMax: 8 }]) {
        const c = capaian({ jenisTarget: 'RENTANG', lebihBaik }, { angka }, target, P);
        push(c.kind === 'persen' ? c.rule : null, 'reason' in c ? c.reason : null);
      }
    }
  }
  for (const penilaian of [null, 'TIDAK_TERCAPAI', 'TERCAPAI', 'MELAMPAUI'] as const) {
    for (const teks of [null, 'x']) {
      const c = capaian({ jenisTarget: 'KUALITATIF', lebihBaik: 'TINGGI' }, { teks, penilaian }, {}, P);
      push(c.kind === 'kualitatif' ? c.rule : 'reason' in c ? c.reason : null);
    }
  }
  for (const gabung of ['JUMLAH', 'RATA_RATA', 'TERAKHIR'] as const) {
    for (const vals of [[1, 2], [1, null], [null, null]]) push(realisasiKumulatif(vals.map((angka, i) => ({ periode: i + 1, angka })), gabung).reason);
  }
  const ind = (n: number) => ({ id: n, label: `IKI ${n}`, capaian: capaian({ jenisTarget: 'ANGKA', lebihBaik: 'TINGGI' }, { angka: n }, { targetAngka: 100 }, P) });
  const qual = { id: 0, label: 'Q', capaian: capaian({ jenisTarget: 'KUALITATIF', lebihBaik: 'TINGGI' }, { penilaian: 'TERCAPAI' }, {}, P) };
  const policies = [P, parsePolicy({ rhk: { diBawahBila: 'SEBAGIAN_BESAR' }, ratingHasilKerja: { hitungTambahan: true }, ratingPerilaku: { diBawahBila: 'SATU' } })];
  for (const p of policies) {
    for (const set of [[ind(120), ind(120), ind(100)], [ind(100), qual], [ind(90), ind(90), ind(100)], [ind(90), ind(120), ind(120)], [{ ...ind(1), capaian: capaian({ jenisTarget: 'ANGKA', lebihBaik: 'TINGGI' }, null, {}, P) }], []]) {
      const k = classifyRhk(set, p);
      push(k.reason, ...(k.kind === 'kelas' ? k.rincian.map((r) => r.reason) : k.hilang.map((h) => h.reason)));
    }
    for (const kelas of [['DI_ATAS', 'DI_ATAS', 'SESUAI'], ['DI_BAWAH', 'DI_BAWAH', 'SESUAI'], ['DI_ATAS', 'DI_ATAS', 'DI_BAWAH'], ['SESUAI'], [null]] as const) {
      const rhk = kelas.map((k, i) => ({ id: i, label: `A.${i}`, jenis: 'UTAMA' as const, klasifikasi: k ? classifyRhk([ind(k === 'DI_ATAS' ? 120 : k === 'SESUAI' ? 100 : 90)], p) : classifyRhk([], p) }));
      const s = suggestRatingHasilKerja(rhk, p);
      push(s.reason, ...(s.kind === 'saran' ? s.rincian : []));
    }
    push(suggestRatingHasilKerja([], p).reason);
    for (const level of EKSPEKTASI) {
      for (const other of EKSPEKTASI) {
        const s = suggestRatingPerilaku(Object.fromEntries(NILAI_BERAKHLAK.map((n, i) => [n, i < 4 ? level : other])), p);
        push(s.reason, ...(s.kind === 'saran' ? s.rincian : []));
        push(predikatReason(level, other));
      }
    }
    push(suggestRatingPerilaku({}, p).reason, suggestRatingPerilaku({ LOYAL: 'SESUAI' }, p).reason);
  }
  // the distribution check: every rule broken both ways, in a large and a small unit, both readings of "sebagian besar"
  const strict = parsePolicy({ distribusi: { sebagianBesarMinimum: true } });
  for (const p of [P, strict]) {
    for (const org of PREDIKAT_ORGANISASI) {
      for (const n of [20, 5]) {
        for (const all of PREDIKAT) {
          const r = cekDistribusi(org, Array.from({ length: n }, (_x, i) => ({ id: i, nama: `P${i}`, predikat: all })), p);
          push(...r.pelanggaran.map((v) => v.reason), r.catatan);
        }
      }
    }
  }
  for (const org of PREDIKAT_ORGANISASI) push(ratingKepalaUnit(org, P).reason);
  // the year: one piece, two pieces (decided and withheld), none; a period missing
  const ik = (q: (number | null)[]) => ({ id: 1, label: 'IKI 1', jenisTarget: 'ANGKA' as const, lebihBaik: 'TINGGI' as const, gabungPeriode: 'JUMLAH' as const, target: { targetAngka: 10 }, realisasi: q.map((angka, i) => ({ periode: `P${i}`, angka })) });
  const pc = (q: (number | null)[]) => ({ id: 'a', label: 'SKP A', hari: 100, rhk: [{ id: 1, label: 'RHK 1', jenis: 'UTAMA' as const, indikator: [ik(q)] }] });
  for (const set of [[pc([5, 5])], [pc([5, 5]), pc([1, 1])], [pc([5, null]), pc([1, 1])], []]) {
    const y = saranTahunan(set, [], P);
    push(y.hasilKerja.reason, ...(y.hasilKerja.kind === 'saran' ? y.hasilKerja.rincian : []), ...y.potongan.flatMap((p) => p.rhk.flatMap((r) => r.indikator.map((i) => ('reason' in i.capaian ? i.capaian.reason : null)))));
  }
  return out;
}

describe('scoring reasons are whole sentences in every language (Indonesian first)', () => {
  const reasons = sample();
  const keys = new Set(reasons.map((r) => r.key));

  it('the sample reaches the module’s messages', () => {
    const scoringKeys = Object.keys(LANGUAGES.id.dictionary).filter((k) => k.startsWith('scoring.') && !k.startsWith('scoring.policy.') && !k.startsWith('scoring.predikatOrganisasi.')); // policy errors and the organisation predikat's labels are not reasons
    const paramKeys = new Set(reasons.flatMap((r) => Object.values(r.params).filter((v): v is string => typeof v === 'string' && v.startsWith('@')).map((v) => v.slice(1))));
    expect(scoringKeys.filter((k) => !keys.has(k) && !paramKeys.has(k))).toEqual([]);
  });

  it.each(LANGS)('in %s every key and "@key" parameter exists and no {placeholder} is left', (lang) => {
    const dict = LANGUAGES[lang].dictionary;
    const problems: string[] = [];
    for (const r of reasons) {
      if (!Object.hasOwn(dict, r.key)) problems.push(`missing key ${r.key}`);
      for (const v of Object.values(r.params)) if (typeof v === 'string' && v.startsWith('@') && !Object.hasOwn(dict, v.slice(1))) problems.push(`missing parameter key ${v}`);
      const out = formatReason(r, (k, p) => translate(lang, k, p));
      if (/\{\w+\}|scoring\./.test(out)) problems.push(`${r.key}: ${out}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});
