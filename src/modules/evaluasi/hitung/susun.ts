import { NILAI_BERAKHLAK, type NilaiBerakhlak } from '../../../domain/berakhlak.js';
import type { JenjangJf } from '../../../domain/jabatan.js';
import { hariDicakup } from '../../../domain/periode-laporan.js';
import {
  bulanPotongan, nilaiPeringkat, predikat, ratingKepalaUnit, reason, round, saranTahunan, toDecimalString,
  type Capaian, type Ekspektasi, type PenilaianKualitatif, type PotonganTahun, type PredikatOrganisasi, type Rasional, type SaranRating, type SaranTahunan,
  type ScoringPolicy, type TandaPerilaku,
} from '../../../domain/scoring/index.js';
import type { BarisTahunan, IsiIndikator, SaranBaris } from './queries.js';

// One employee's rows of the year (queries.ts barisTahunan) made into the scoring module's input,
// its suggestion, and the row the job stores (docs/domain/evaluasi-hitung.md). Pure: every rule is
// the scoring module's (saranTahunan, ratingKepalaUnit, predikat, nilaiPeringkat); this only
// arranges the rows, applies the unit-head rule and writes down the result.

export type PeriodeSiklus = { id: number; urutan: number; nama: string; mulai: string; selesai: string };
export type Konteks = {
  policy: ScoringPolicy;
  periode: readonly PeriodeSiklus[];
  /** unit id → its organisation predikat in the cycle */
  predikatOrganisasi: ReadonlyMap<number, PredikatOrganisasi>;
  /** what depends only on a piece's dates (most pieces share them), remembered: see `menurutTanggal` */
  tanggal?: Map<string, TanggalPotongan>;
};

type TanggalPotongan = { dicakup: PeriodeSiklus[]; label: string; hari: number; bulan: number };

/** The periods a piece covers, its label, days and months: computed once per pair of dates of a run. */
function menurutTanggal(k: Konteks, awal: string, akhir: string): TanggalPotongan {
  const key = `${awal}|${akhir}`;
  const known = k.tanggal?.get(key);
  if (known) return known;
  const v = {
    // the periods this piece covers, in order; a period without a report of this piece is missing (never zero)
    dicakup: k.periode.filter((pr) => hariDicakup(pr, { periodeAwal: awal, periodeAkhir: akhir }) !== null),
    label: `SKP ${tanggalIndonesia(awal)} – ${tanggalIndonesia(akhir)}`,
    hari: hariAntara(awal, akhir),
    bulan: bulanPotongan(awal, akhir),
  };
  k.tanggal?.set(key, v);
  return v;
}

const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** A date as the documents write it, in Indonesian ("15 Mei 2026"): the piece's label is stored with the suggestion. */
export const tanggalIndonesia = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${BULAN[m! - 1]} ${y}`;
};

const DAY = 86_400_000;
const hariAntara = (awal: string, akhir: string) => Math.round((Date.parse(`${akhir}T00:00:00Z`) - Date.parse(`${awal}T00:00:00Z`)) / DAY) + 1;

type Potongan = {
  skpId: number;
  awal: string;
  akhir: string;
  penilaiId: number | null;
  penilaiLuarId: number | null;
  jabatanJenis: string | null;
  jenjangJf: string | null;
  unitId: number;
  kepalaUnitId: number | null;
  kepalaUnitNama: string | null;
  rhk: Map<number, { id: number; jenis: 'UTAMA' | 'TAMBAHAN'; indikator: IsiIndikator[] }>;
};

/** The rows of one employee (their marks row first, when there is one) → the row to store. */
export function susunSaran(rows: readonly BarisTahunan[], k: Konteks): { baris: SaranBaris; ditahan: boolean } {
  const pegawaiId = rows[0]!.pegawai_id;
  const tanda: TandaPerilaku[] = [];
  const pieces: Potongan[] = [];
  for (const r of rows) {
    if (r.baris === 0) {
      // each mark its own entry, oldest first: saranTahunan keeps each value's latest
      for (const pair of r.tanda!.split(',')) {
        const eq = pair.indexOf('=');
        tanda.push({ [pair.slice(0, eq) as NilaiBerakhlak]: pair.slice(eq + 1) as Ekspektasi });
      }
      continue;
    }
    const p: Potongan = {
      skpId: r.skp_id!, awal: r.awal!, akhir: r.periode_akhir!, penilaiId: r.penilai_id, penilaiLuarId: r.penilai_luar_id,
      jabatanJenis: r.jabatan_jenis, jenjangJf: r.jenjang_jf, unitId: r.unit_id!, kepalaUnitId: r.kepala_unit_id, kepalaUnitNama: r.kepala_unit_nama, rhk: new Map(),
    };
    pieces.push(p);
    // its RHKs, each with its indicators (an RHK without one has a single entry without an indicator)
    if (r.isi) {
      for (const e of JSON.parse(r.isi) as IsiIndikator[]) {
        let rhk = p.rhk.get(e[0]);
        if (!rhk) p.rhk.set(e[0], (rhk = { id: e[0], jenis: e[1], indikator: [] }));
        if (e[2] !== null) rhk.indikator.push(e);
      }
    }
  }

  const potongan: PotonganTahun<number, number>[] = pieces.map((p) => {
    const { dicakup, label, hari } = menurutTanggal(k, p.awal, p.akhir);
    return {
      id: p.skpId,
      label,
      hari,
      rhk: [...p.rhk.values()].map((r, ri) => ({
        id: r.id,
        label: `RHK ${ri + 1}`,
        jenis: r.jenis,
        indikator: r.indikator.map(([, , indId, jenisTarget, lebihBaik, gabungPeriode, targetAngka, targetMin, targetMax, realisasi, teks, penilaian], ii) => {
          // period urutan → its realisasi (a blank value: a row without one)
          const angkaOf: (string | null)[] = [];
          if (realisasi) {
            for (const pair of realisasi.split(',')) {
              const eq = pair.indexOf('=');
              const a = pair.slice(eq + 1);
              angkaOf[Number(pair.slice(0, eq))] = a === '' ? null : a;
            }
          }
          return {
            id: indId!,
            label: `IKI ${ri + 1}.${ii + 1}`,
            jenisTarget: jenisTarget!,
            lebihBaik: lebihBaik === 'RENDAH' ? 'RENDAH' : 'TINGGI',
            gabungPeriode: gabungPeriode!,
            target: { targetAngka, targetMin, targetMax },
            realisasi: dicakup.map((pr) => ({ periode: pr.nama, angka: angkaOf[pr.urutan] ?? null })),
            teks,
            penilaian: penilaian as PenilaianKualitatif | null,
          };
        }),
      })),
    };
  });

  const saran = saranTahunan(potongan, tanda, k.policy);
  const last = pieces[pieces.length - 1]!;

  // The unit-head rule (SE MenPANRB 3/2023): the head of a unit takes the unit's organisation
  // predikat as Rating Hasil Kerja; until it is set, their Hasil Kerja waits for it.
  let hasilKerja: SaranRating = saran.hasilKerja;
  let kepalaUnit: { unitId: number; predikatOrganisasi: PredikatOrganisasi | null } | null = null;
  if (last.kepalaUnitId !== null) {
    const org = k.predikatOrganisasi.get(last.kepalaUnitId) ?? null;
    kepalaUnit = { unitId: last.kepalaUnitId, predikatOrganisasi: org };
    if (org) {
      const r = ratingKepalaUnit(org, k.policy);
      hasilKerja = { kind: 'saran', rating: r.rating, hitungan: { atas: 0, sesuai: 0, bawah: 0, total: 0 }, reason: r.reason, rincian: [], policyVersion: k.policy.version };
    } else {
      hasilKerja = { kind: 'withheld', hilang: [], reason: reason('evaluasiHitung.kepalaUnit.belumDitetapkan', { unit: last.kepalaUnitNama ?? '' }), policyVersion: k.policy.version };
    }
  }
  const perilaku = saran.perilaku;
  const hk = hasilKerja.kind === 'saran' ? hasilKerja.rating : null;
  const pr = perilaku.kind === 'saran' ? perilaku.rating : null;
  const pred = hk && pr ? predikat(hk, pr) : null;

  // the ranking nilai: the mean capaian of the UTAMA indicators of the year's pieces (a number only where there is one)
  const utama: Rasional[] = [];
  for (const p of saran.potongan) for (const r of p.rhk) if (r.jenis === 'UTAMA') for (const i of r.indikator) if (i.capaian.kind === 'persen') utama.push(i.capaian.nilai);
  const nilai = nilaiPeringkat(utama);

  // a functional position earns angka kredit per piece by its months (counted at finalisation)
  const ak = pieces
    .filter((p) => p.jabatanJenis === 'FUNGSIONAL' && p.jenjangJf)
    .map((p) => ({ skpId: p.skpId, jenjang: p.jenjangJf as JenjangJf, bulan: menurutTanggal(k, p.awal, p.akhir).bulan }));

  const rincian = {
    ...serialSaran(saran),
    hasilKerja: serialRating(hasilKerja),
    ...(kepalaUnit ? { kepalaUnit, hasilKerjaRhk: serialRating(saran.hasilKerja) } : {}),
  };
  return {
    baris: {
      pegawai_id: pegawaiId,
      skp_id: last.skpId,
      penilai_id: last.penilaiId,
      penilai_luar_id: last.penilaiLuarId,
      unit_id: last.unitId,
      kepala_unit_id: last.kepalaUnitId,
      hasil_kerja: hk,
      perilaku: pr,
      predikat: pred,
      nilai: nilai ? toDecimalString(round(nilai, 4)) : null,
      rincian,
      ak: ak.length ? ak : null,
      policy_version: saran.policyVersion,
    },
    ditahan: pred === null,
  };
}

/** A rating suggestion as stored: the rating (or what it waits for) and its reason. */
/** A rating as stored: its level (null: withheld, with what is missing) and its reason. */
export const serialRating = (r: SaranRating) => (r.kind === 'saran' ? { rating: r.rating, reason: r.reason } : { rating: null, hilang: r.hilang, reason: r.reason });

/**
 * An indicator's capaian as stored, kept small (every employee's row carries ten or more): its
 * percentage and class (`dibatasi` when the policy's bound applied), a qualitative one's judgement,
 * or the reason it is missing. The formula and the exact fraction are the scoring module's to
 * show again from the periods' realisasi.
 */
function serialCapaian(c: Capaian) {
  switch (c.kind) {
    case 'persen':
      return c.dibatasi ? { persen: c.persen, kelas: c.kelas, mentah: c.mentah, dibatasi: c.dibatasi } : { persen: c.persen, kelas: c.kelas };
    case 'kualitatif':
      return { penilaian: c.penilaian, kelas: c.kelas };
    default:
      return { kelas: null, reason: c.reason };
  }
}

/**
 * The suggestion as JSON (saran_tahunan.rincian): the pieces with their RHKs (class, or what
 * withholds it), each indicator's capaian, each piece's rating when there are several, both
 * ratings with their reasons and the marks used.
 */
export function serialSaran(s: SaranTahunan<number, number>) {
  const banyak = s.potongan.length > 1;
  return {
    potongan: s.potongan.map((p) => ({
      id: p.id,
      label: p.label,
      hari: p.hari,
      rhk: p.rhk.map((r) => ({
        id: r.id,
        label: r.label,
        jenis: r.jenis,
        ...(r.klasifikasi.kind === 'kelas' ? { kelas: r.klasifikasi.kelas } : { kelas: null, reason: r.klasifikasi.reason }),
        indikator: r.indikator.map((i) => ({ id: i.id, ...serialCapaian(i.capaian) })),
      })),
      ...(banyak ? { hasilKerja: serialRating(p.hasilKerja) } : {}),
    })),
    hasilKerja: serialRating(s.hasilKerja),
    perilaku: serialRating(s.perilaku),
    tandaTahun: Object.fromEntries(NILAI_BERAKHLAK.filter((n) => s.tandaTahun[n]).map((n) => [n, s.tandaTahun[n]])),
    policyVersion: s.policyVersion,
  };
}
