import type { Db, Tx } from '../../db/client.js';
import { deepFreeze } from '../../domain/deep-freeze.js';
import { asScoped, type Actor, type Scoped } from '../../domain/access.js';
import { PEGAWAI_PENILAI_INCLUDE } from '../../domain/acting.js';
import { BERAKHLAK, NILAI_BERAKHLAK, type NilaiBerakhlak } from '../../domain/berakhlak.js';
import { hariDicakup, isZonaWaktu, laporanBuka, laporanTerlambat, type LaporanBuka, type ZonaWaktu } from '../../domain/periode-laporan.js';
import {
  capaian,
  chooseScoringTarget,
  classifyRhk,
  parsePolicy,
  realisasiKumulatif,
  suggestRatingHasilKerja,
  suggestRatingPerilaku,
  type Capaian,
  type Ekspektasi,
  type Kumulatif,
  type PenilaianKualitatif,
  type RhkKlasifikasi,
  type SaranRating,
  type ScoringPolicy,
  type TargetSkor,
} from '../../domain/scoring/index.js';
import type { Fase } from '../../domain/siklus.js';
import { berakhlakDari, parseDokumen, parseIdentitas, type IndikatorDokumen, type Orang, type SkpDokumen } from '../../domain/skp-document.js';
import { NotFound } from '../../errors.js';
import { sqlOn } from '../../db/sql.js';
import { laporanBaris, laporanIsi, laporanLengkap, realisasiSampai, type LaporanBarisRow, type LaporanIsiRow, type RealisasiPeriodeRow } from './queries.js';
import { visibleSkpSql } from '../skp/review/queries.js';
import type { Prisma } from '../../../prisma/generated/client.js';

// The read model of a periodic report (docs/domain/laporan.md): the one place that turns the
// stored rows into what a page or the printed form shows. The plan is read from the frozen SKP
// version the report was written against (skp_versi at laporan.skp_revisi), never from the live
// rows, so a later revision leaves an earlier report as it was. Capaian, the RHK classes and the
// suggestions come from the scoring module (src/domain/scoring/), never from a copy of its rules.

type Client = Db['prisma'] | Tx;

export const STATUS_LAPORAN = ['DRAFT', 'DIAJUKAN', 'DIKEMBALIKAN', 'DINILAI'] as const;
export type StatusLaporan = (typeof STATUS_LAPORAN)[number];
/** The statuses in which the employee may still write the report (when the period is open for them). */
export const STATUS_DAPAT_DIUBAH: readonly StatusLaporan[] = ['DRAFT', 'DIKEMBALIKAN'];

export const LAPORAN_INCLUDE = {
  periode: true,
  skp: {
    include: {
      siklus: true,
      penilai: { select: { jabatanId: true } },
      pegawai: { select: { penilaiId: true, ...PEGAWAI_PENILAI_INCLUDE } },
    },
  },
} as const;

/**
 * The SQL runner: the pool's outside a transaction (named statements are prepared once per
 * connection and keep their plan; through Prisma's raw query every call is parsed and planned
 * again), the transaction's inside one.
 */
const sqlOf = (db: Db | { prisma: Client }) => ('sql' in db ? db.sql : sqlOn(db.prisma));

/** A report with its SKP (with what decides who appraises it: src/domain/acting.ts), cycle and period. */
export type LaporanRow = Prisma.LaporanPeriodeGetPayload<{ include: typeof LAPORAN_INCLUDE }>;

// The scalar columns (to_jsonb gives them snake_case, dates as text) as Prisma gives them.
const TANGGAL = new Set(['mulai', 'selesai', 'batasPegawai', 'batasPenilai', 'periodeAwal', 'periodeAkhir', 'ditutupAt', 'diajukanAt', 'disetujuiAt', 'dibukaSampai', 'createdAt', 'updatedAt']);
const camelKeys = new Map<string, string>(); // the column names of four tables: a fixed set
const camel = (k: string) => {
  let c = camelKeys.get(k);
  if (c === undefined) camelKeys.set(k, (c = k.replace(/_([a-z0-9])/g, (_m, ch: string) => ch.toUpperCase())));
  return c;
};
function kolom(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in row) {
    const c = camel(k);
    const v = row[k];
    out[c] = TANGGAL.has(c) && typeof v === 'string' ? new Date(v) : v;
  }
  return out;
}

/**
 * The first report `where` selects, with LAPORAN_INCLUDE's relations. The report page is hot:
 * Prisma's include would read each relation with its own statement (eleven), so the scope is
 * checked by Prisma (one statement: `where` holds the visibility rule) and the row is read in one more.
 */
async function loadLaporan(db: Db | { prisma: Client }, where: Prisma.LaporanPeriodeWhereInput): Promise<LaporanRow | null> {
  const hit = await db.prisma.laporanPeriode.findFirst({ where, select: { id: true } });
  if (!hit) return null;
  const r = await laporanBaris(sqlOf(db), hit.id);
  return r && laporanRow(r);
}

function laporanRow(r: LaporanBarisRow): LaporanRow {
  const skp = kolom(r.s);
  return {
    ...kolom(r.l),
    periode: kolom(r.pr),
    skp: {
      ...skp,
      siklus: kolom(r.c),
      penilai: skp.penilaiId === null ? null : { jabatanId: r.skpPenilaiJabatanId },
      pegawai: {
        penilaiId: r.pegawaiPenilaiId,
        penilai: r.pegawaiPenilaiId === null ? null : { jabatanId: r.pegawaiPenilaiJabatanId },
        unit: { kepalaJabatanId: r.unitKepalaJabatanId },
        jabatan: { mengepalai: r.mengepalaiId === null ? null : { parent: r.mengepalaiParentId === null ? null : { kepalaJabatanId: r.mengepalaiParentKepalaJabatanId } } },
      },
    },
  } as LaporanRow;
}
export type ScopedLaporan = Scoped<LaporanRow>;

/**
 * The report `id` if the actor may see it: whoever may see its SKP (visibleSkp) may see its
 * reports and their evidence. Otherwise NotFound, like a missing id.
 */
export async function visibleLaporan(db: Db | { prisma: Client }, actor: Actor, id: number): Promise<ScopedLaporan> {
  // the scope in the statement that reads the row (visibleSkpSql: the SQL form of visibleSkp)
  const r = await laporanBaris(sqlOf(db), id, visibleSkpSql(actor));
  if (!r) throw new NotFound();
  return asScoped(laporanRow(r));
}

/** The cycle's time zone, as the domain takes it (an unknown value reads as WIB, the column's default). */
export const zonaOf = (siklus: { zonaWaktu: string }): ZonaWaktu => (isZonaWaktu(siklus.zonaWaktu) ? siklus.zonaWaktu : 'Asia/Jakarta');

/** The last approved revision of an SKP (the newest frozen version), or null when it has none. */
export async function revisiDisetujui(db: Client, skpId: number): Promise<number | null> {
  const v = await db.skpVersi.findFirst({ where: { skpId }, orderBy: { revisi: 'desc' }, select: { revisi: true } });
  return v?.revisi ?? null;
}

/**
 * The report of an SKP for a period, created on first use (docs/domain/laporan.md § One report
 * per SKP and period): only for an SKP that covers part of the period and has an approved
 * revision, which it is then written against. An INSERT … ON CONFLICT DO NOTHING, so that two
 * requests at once (a double click, two tabs) make one. Returns null when there can be none.
 * `skp` is an SKP the caller has already found the actor allowed to see (or the system).
 */
export async function ensureLaporan(
  db: Db | { prisma: Client },
  skp: Scoped<{ id: number; periodeAwal: Date; periodeAkhir: Date }>,
  periode: { id: number; mulai: Date; selesai: Date },
): Promise<ScopedLaporan | null> {
  const p = db.prisma;
  const existing = await loadLaporan(db, { skpId: skp.id, periodeId: periode.id });
  if (existing) return asScoped(existing);
  if (!hariDicakup(periode, skp)) return null;
  const revisi = await revisiDisetujui(p, skp.id);
  if (revisi === null) return null;
  await p.laporanPeriode.createMany({ data: [{ skpId: skp.id, periodeId: periode.id, skpRevisi: revisi }], skipDuplicates: true });
  const made = await loadLaporan(db, { skpId: skp.id, periodeId: periode.id });
  return made ? asScoped(made) : null;
}

// ---- The document -------------------------------------------------------------------------------

export type BuktiLaporan = {
  id: number;
  indikatorId: number | null;
  url: string | null;
  keterangan: string | null;
  berkas: { id: number; nama: string; mime: string; ukuran: number } | null;
  createdAt: Date;
};

export type RealisasiLaporan = { angka: string | null; teks: string | null; sumberData: string | null; penilaian: PenilaianKualitatif | null; umpanBalik: string | null };

export type IndikatorLaporan = {
  id: number;
  /** "IKI 1.2": the RHK's place and the indicator's, as the reasons name it. */
  label: string;
  aspek: IndikatorDokumen['aspek'];
  teks: string;
  jenisTarget: IndikatorDokumen['jenisTarget'];
  satuan: string | null;
  lebihBaik: IndikatorDokumen['lebihBaik'];
  gabungPeriode: IndikatorDokumen['gabungPeriode'];
  /** The statement of a qualitative target (the period's when set, else the year's). */
  targetTeks: string | null;
  /** The target the capaian is measured against, and whose it is. */
  target: TargetSkor;
  targetSumber: 'PERIODE' | 'TAHUN';
  realisasi: RealisasiLaporan | null;
  capaian: Capaian;
  /** The periods so far combined by the indicator's rule (null for a qualitative one). */
  kumulatif: Kumulatif<string> | null;
  bukti: BuktiLaporan[];
};

export type RencanaAksiLaporan = { id: number; teks: string; persen: number | null; keterangan: string | null };

export type RhkLaporan = {
  id: number;
  label: string;
  jenis: 'UTAMA' | 'TAMBAHAN';
  teks: string;
  rhkAtasan: string | null;
  perspektif: string | null;
  indikator: IndikatorLaporan[];
  klasifikasi: RhkKlasifikasi<number>;
  /** The RHK's rencana aksi for this period, with the progress reported. */
  rencanaAksi: RencanaAksiLaporan[];
};

export type PerilakuLaporan = {
  nilai: NilaiBerakhlak;
  nama: string;
  perilaku: string[];
  /** The appraiser's ekspektasi khusus for this value, as the SKP was approved. */
  ekspektasiKhusus: string | null;
  tanda: Ekspektasi | null;
  umpanBalik: string | null;
};

export type LaporanDokumen = {
  laporan: {
    id: number; skpId: number; periodeId: number; skpRevisi: number; status: StatusLaporan; version: number;
    prestasi: string | null; kendala: string | null; rencanaPerbaikan: string | null;
    diajukanAt: Date | null; dibukaSampai: Date | null; alasanKembali: string | null; updatedAt: Date;
  };
  skp: { id: number; pegawaiId: number; penilaiId: number | null; penilaiLuarId: number | null; periodeAwal: Date; periodeAkhir: Date; pendekatan: SkpDokumen['pendekatan'] };
  pegawai: Orang;
  penilai: Orang | null;
  siklus: { id: number; tahun: number; fase: Fase; zonaWaktu: ZonaWaktu };
  periode: { id: number; urutan: number; nama: string; mulai: Date; selesai: Date; batasPegawai: Date; batasPenilai: Date; dicakup: { mulai: string; selesai: string; hari: number } | null };
  /** Whether the employee may write it now (null when no `now` was given). */
  buka: LaporanBuka | null;
  /** May the employee save and submit now: an editable status and an open period. */
  dapatDiubah: boolean;
  terlambat: boolean | null;
  policy: ScoringPolicy;
  rhk: RhkLaporan[];
  /** Evidence of the report as a whole (not of one indicator). */
  bukti: BuktiLaporan[];
  buktiJumlah: number;
  perilaku: PerilakuLaporan[];
  penilaian: {
    ratingHasilKerja: Ekspektasi; ratingPerilaku: Ekspektasi; predikat: string; policyVersion: number;
    saranHasilKerja: unknown; saranPerilaku: unknown; alasanHasilKerja: string | null; alasanPerilaku: string | null;
    at: Date; version: number; dicatatHr: boolean;
  } | null;
  /** The system's suggestions now (the rating keeps the ones that were shown when it was given). */
  saran: { hasilKerja: SaranRating; perilaku: SaranRating; policyVersion: number };
  riwayat: { id: number; jenis: 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DINILAI' | 'DIBUKA_HR'; alasan: string | null; sampai: Date | null; at: Date; olehUserId: number | null }[];
  /** The SKP's newest approved revision (a draft report moves to it when saved). */
  revisiTerbaru: number | null;
};

/** An indicator of the plan with its target for a period (chooseScoringTarget). */
export function targetIndikator(ind: IndikatorDokumen, periodeId: number) {
  const tp = ind.targetPeriode.find((t) => t.periodeId === periodeId) ?? null;
  const chosen = chooseScoringTarget({ jenisTarget: ind.jenisTarget, targetAngka: ind.targetAngka, targetMin: ind.targetMin, targetMax: ind.targetMax }, tp);
  return { ...chosen, targetTeks: tp?.targetTeks?.trim() ? tp.targetTeks : ind.targetTeks };
}

/**
 * The capaian of one indicator of the plan in a period, for a realisasi (stored, or as typed:
 * the live capaian endpoint calls this too, so the page and the endpoint cannot disagree).
 */
export function capaianIndikator(ind: IndikatorDokumen, periodeId: number, realisasi: { angka?: string | number | null; teks?: string | null; penilaian?: PenilaianKualitatif | null } | null, policy: ScoringPolicy) {
  const t = targetIndikator(ind, periodeId);
  return { ...t, capaian: capaian({ jenisTarget: ind.jenisTarget, lebihBaik: ind.lebihBaik }, realisasi, t.target, policy) };
}

/** The plan (the frozen SKP version) a report was written against. */
export async function rencanaLaporan(db: Client, laporan: Scoped<{ id: number; skpId: number; skpRevisi: number }>): Promise<SkpDokumen> {
  const v = await db.skpVersi.findUnique({ where: { skpId_revisi: { skpId: laporan.skpId, revisi: laporan.skpRevisi } } });
  if (!v) throw new Error(`report ${laporan.id}: SKP ${laporan.skpId} has no version ${laporan.skpRevisi}`);
  return parseDokumen(v.data);
}

// Parsed plans, per database pool, by SKP and revision. A frozen version (skp_versi at a
// revision) never changes once written, so an entry never goes stale, on any instance; the
// cache only saves reading and validating the same document again (the report page is hot).
// Entries are frozen: a reader that tried to change a shared plan would throw.
const PLAN_CACHE_MAX = 2000;
const planCaches = new WeakMap<object, Map<string, SkpDokumen>>();
function planCacheOf(db: Db | { prisma: Client }): Map<string, SkpDokumen> | null {
  if (!('pool' in db)) return null; // inside a transaction: read what is there
  let m = planCaches.get(db.pool);
  if (!m) planCaches.set(db.pool, (m = new Map()));
  return m;
}
function remember(m: Map<string, SkpDokumen> | null, key: string, doc: SkpDokumen): SkpDokumen {
  if (!m) return doc;
  if (m.size >= PLAN_CACHE_MAX) m.delete(m.keys().next().value!); // the oldest entry
  m.set(key, deepFreeze(doc));
  return doc;
}

/** The RHKs of a plan, UTAMA first, each in its order. */
export const rhkBerurut = (doc: SkpDokumen) => [...doc.rhk].sort((a, b) => (a.jenis === b.jenis ? a.urutan - b.urutan : a.jenis === 'UTAMA' ? -1 : 1));

/**
 * Everything a page or the printed form needs of a report (see LaporanDokumen). Plain
 * sequential reads (they may run inside a transaction). `now` (from the clock) decides whether
 * it is open and late; without it those are null.
 */
export async function laporanDokumen(db: Db | { prisma: Client }, laporan: ScopedLaporan, opts: { now?: Date } = {}): Promise<LaporanDokumen> {
  const { skp, periode } = laporan;
  // one statement for the report's content (a hot page), then the running totals
  const q = sqlOf(db);
  const plans = planCacheOf(db);
  const key = `${laporan.skpId}:${laporan.skpRevisi}`;
  const cached = plans?.get(key);
  const isi = await laporanIsi(q, { laporanId: laporan.id, skpId: laporan.skpId, skpRevisi: laporan.skpRevisi, withPlan: !cached });
  if (!isi || (!cached && !isi.plan)) throw new Error(`report ${laporan.id}: SKP ${laporan.skpId} has no version ${laporan.skpRevisi}`);
  const doc = cached ?? remember(plans, key, parseDokumen(isi.plan));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const sampai = await realisasiSampai(q, { skpId: skp.id, siklusId: skp.siklus.id, urutan: periode.urutan, awal: iso(skp.periodeAwal), akhir: iso(skp.periodeAkhir) });
  return susunDokumen(laporan, doc, isi, sampai, opts.now);
}

// The report ids whose plan (SKP and revision) was last read, so that the report page can tell
// its one statement which plan it holds already. Only a hint: the statement compares it with the
// report's row and sends the plan when they differ, so an entry is never wrong, only useless.
const PLAN_HINT_MAX = 5000;
const planHints = new WeakMap<object, Map<number, { skpId: number; revisi: number }>>();

/**
 * The report page's read in one statement (laporanLengkap): the report `id` if the actor may
 * see it (as visibleLaporan: NotFound otherwise), its document (as laporanDokumen), and the
 * progress notes of its SKP on the days of the period the SKP covers when the SKP is
 * `catatanUntuk`'s (the owner's page offers them), oldest first.
 */
export async function laporanHalaman(db: Db, actor: Actor, id: number, opts: { now?: Date; catatanUntuk: number | null }) {
  const plans = planCacheOf(db)!;
  let hints = planHints.get(db.pool);
  if (!hints) planHints.set(db.pool, (hints = new Map()));
  const hint = hints.get(id);
  const held = hint ? plans.get(`${hint.skpId}:${hint.revisi}`) : undefined;
  const r = await laporanLengkap(db.sql, { id, scope: visibleSkpSql(actor), punyaPlan: held ? hint! : null, catatanPegawaiId: opts.catatanUntuk });
  if (!r) throw new NotFound();
  const laporan = asScoped(laporanRow(r));
  const key = `${laporan.skpId}:${laporan.skpRevisi}`;
  let doc: SkpDokumen | undefined = held && hint!.skpId === laporan.skpId && hint!.revisi === laporan.skpRevisi ? held : undefined;
  if (!doc) {
    if (!r.plan) throw new Error(`report ${laporan.id}: SKP ${laporan.skpId} has no version ${laporan.skpRevisi}`);
    doc = plans.get(key) ?? remember(plans, key, parseDokumen(r.plan));
  }
  if (hints.size >= PLAN_HINT_MAX && !hints.has(id)) hints.delete(hints.keys().next().value!); // the oldest entry
  hints.set(id, { skpId: laporan.skpId, revisi: laporan.skpRevisi });
  const hari = hariDicakup(laporan.periode, laporan.skp);
  const catatan = hari ? r.catatan.filter((c) => c.tanggal >= hari.mulai && c.tanggal <= hari.selesai).map((c) => ({ ...c, tanggal: new Date(`${c.tanggal}T00:00:00Z`) })) : [];
  return { laporan, doc: susunDokumen(laporan, doc, r, r.sampai, opts.now), catatan };
}

/** The document from what was read (laporanDokumen, laporanHalaman). */
function susunDokumen(laporan: ScopedLaporan, doc: SkpDokumen, isi: Omit<LaporanIsiRow, 'plan'>, sampai: RealisasiPeriodeRow[], now: Date | undefined): LaporanDokumen {
  const { skp, periode } = laporan;
  const siklus = skp.siklus;
  const zona = zonaOf(siklus);
  const policy = parsePolicy(siklus.policy);
  const date = (s: string) => new Date(s);
  const realisasi = isi.realisasi;
  const progres = isi.progres;
  const bukti = isi.bukti.map((b) => ({ ...b, createdAt: date(b.createdAt) }));
  const tanda = isi.tanda;
  const penilaian = isi.penilaian && { ...isi.penilaian, at: date(isi.penilaian.at) };
  const riwayat = isi.riwayat.map((r) => ({ ...r, sampai: r.sampai === null ? null : date(r.sampai), at: date(r.at) }));

  const realisasiOf = new Map(realisasi.map((r) => [r.indikatorId, r]));
  const progresOf = new Map(progres.map((g) => [g.rencanaAksiId, g]));
  const buktiRows: BuktiLaporan[] = bukti.map((b) => ({ id: b.id, indikatorId: b.indikatorId, url: b.url, keterangan: b.keterangan, berkas: b.berkas, createdAt: b.createdAt }));
  const periodeSampai = [...new Map(sampai.map((r) => [r.periodeId, r.nama])).entries()];
  const angkaOf = new Map(sampai.filter((r) => r.indikatorId !== null).map((r) => [`${r.periodeId}:${r.indikatorId}`, r.angka]));

  const rhk: RhkLaporan[] = rhkBerurut(doc).map((r, ri) => {
    const indikator: IndikatorLaporan[] = r.indikator.map((ind, ii) => {
      const id = ind.id ?? -1;
      const row = realisasiOf.get(id);
      const real: RealisasiLaporan | null = row
        ? { angka: row.angka, teks: row.teks, sumberData: row.sumberData, penilaian: row.penilaian, umpanBalik: row.umpanBalik }
        : null;
      const c = capaianIndikator(ind, periode.id, real, policy);
      const kumulatif =
        ind.jenisTarget === 'KUALITATIF'
          ? null
          : realisasiKumulatif(periodeSampai.map(([pid, nama]) => ({ periode: nama, angka: pid === periode.id ? (real?.angka ?? null) : (angkaOf.get(`${pid}:${id}`) ?? null) })), ind.gabungPeriode);
      return {
        id,
        label: `IKI ${ri + 1}.${ii + 1}`,
        aspek: ind.aspek,
        teks: ind.teks,
        jenisTarget: ind.jenisTarget,
        satuan: ind.satuan,
        lebihBaik: ind.lebihBaik,
        gabungPeriode: ind.gabungPeriode,
        targetTeks: c.targetTeks,
        target: c.target,
        targetSumber: c.sumber,
        realisasi: real,
        capaian: c.capaian,
        kumulatif,
        bukti: buktiRows.filter((b) => b.indikatorId === id),
      };
    });
    const klasifikasi = classifyRhk(indikator.map((i) => ({ id: i.id, label: i.label, capaian: i.capaian })), policy);
    const rencanaAksi = r.rencanaAksi
      .filter((a): a is typeof a & { id: number } => a.periodeId === periode.id && a.id !== undefined)
      .map((a) => ({ id: a.id, teks: a.teks, persen: progresOf.get(a.id)?.persen ?? null, keterangan: progresOf.get(a.id)?.keterangan ?? null }));
    return { id: r.id, label: `RHK ${ri + 1}`, jenis: r.jenis, teks: r.teks, rhkAtasan: r.rhkAtasan, perspektif: r.perspektif, indikator, klasifikasi, rencanaAksi };
  });

  const tandaOf = new Map(tanda.map((t) => [t.nilai, t]));
  const berakhlak = berakhlakDari(doc);
  const perilaku: PerilakuLaporan[] = NILAI_BERAKHLAK.map((n) => ({
    nilai: n,
    nama: berakhlak[n]?.nama ?? BERAKHLAK[n].nama,
    perilaku: [...(berakhlak[n]?.perilaku ?? BERAKHLAK[n].perilaku)],
    ekspektasiKhusus: doc.ekspektasi[n] ?? null,
    tanda: tandaOf.get(n)?.tanda ?? null,
    umpanBalik: tandaOf.get(n)?.umpanBalik ?? null,
  }));

  const ident = doc.snapshot ?? parseIdentitas(skp.snapshot);
  const buka = now ? laporanBuka({ fase: siklus.fase as Fase, zona, periode, now, dibukaSampai: laporan.dibukaSampai }) : null;
  const status = laporan.status as StatusLaporan;
  return {
    laporan: {
      id: laporan.id, skpId: laporan.skpId, periodeId: laporan.periodeId, skpRevisi: laporan.skpRevisi, status, version: laporan.version,
      prestasi: laporan.prestasi, kendala: laporan.kendala, rencanaPerbaikan: laporan.rencanaPerbaikan,
      diajukanAt: laporan.diajukanAt, dibukaSampai: laporan.dibukaSampai, alasanKembali: laporan.alasanKembali, updatedAt: laporan.updatedAt,
    },
    skp: { id: skp.id, pegawaiId: skp.pegawaiId, penilaiId: skp.penilaiId, penilaiLuarId: skp.penilaiLuarId, periodeAwal: skp.periodeAwal, periodeAkhir: skp.periodeAkhir, pendekatan: doc.pendekatan },
    pegawai: ident.pegawai,
    penilai: ident.penilai,
    siklus: { id: siklus.id, tahun: siklus.tahun, fase: siklus.fase as Fase, zonaWaktu: zona },
    periode: { id: periode.id, urutan: periode.urutan, nama: periode.nama, mulai: periode.mulai, selesai: periode.selesai, batasPegawai: periode.batasPegawai, batasPenilai: periode.batasPenilai, dicakup: hariDicakup(periode, skp) },
    buka,
    dapatDiubah: buka !== null && buka.buka && STATUS_DAPAT_DIUBAH.includes(status),
    terlambat: now ? laporanTerlambat({ zona, periode, now, diajukan: laporan.diajukanAt !== null }) : null,
    policy,
    rhk,
    bukti: buktiRows.filter((b) => b.indikatorId === null),
    buktiJumlah: buktiRows.length,
    perilaku,
    penilaian: penilaian && {
      ratingHasilKerja: penilaian.ratingHasilKerja, ratingPerilaku: penilaian.ratingPerilaku, predikat: penilaian.predikat, policyVersion: penilaian.policyVersion,
      saranHasilKerja: penilaian.saranHasilKerja, saranPerilaku: penilaian.saranPerilaku, alasanHasilKerja: penilaian.alasanHasilKerja, alasanPerilaku: penilaian.alasanPerilaku,
      at: penilaian.at, version: penilaian.version, dicatatHr: penilaian.dicatatHr,
    },
    saran: {
      hasilKerja: suggestRatingHasilKerja(rhk.map((r) => ({ id: r.id, label: r.label, jenis: r.jenis, klasifikasi: r.klasifikasi })), policy),
      perilaku: suggestRatingPerilaku(Object.fromEntries(perilaku.map((x) => [x.nilai, x.tanda])), policy),
      policyVersion: policy.version,
    },
    riwayat: riwayat.map((r) => ({ id: r.id, jenis: r.jenis, alasan: r.alasan, sampai: r.sampai, at: r.at, olehUserId: r.olehUserId })),
    revisiTerbaru: isi.revisiTerbaru,
  };
}
