import type { Db } from '../../db/client.js';
import { asScoped, type Scoped } from '../../domain/access.js';
import { hariDicakup } from '../../domain/periode-laporan.js';
import { parsePolicy, type Capaian, type PenilaianKualitatif, type ScoringPolicy } from '../../domain/scoring/index.js';
import type { IndikatorDokumen, SkpDokumen } from '../../domain/skp-document.js';
import { capaianIndikator, rencanaLaporan } from '../laporan/read.js';
import { laporanSeriRows, realisasiSeriRows, type LaporanSeriRow, type RealisasiSeriRow } from './queries.js';

// Each indicator's capaian over the periods of a cycle (docs/domain/linimasa.md § The capaian
// chart). Every number is the report's own (src/modules/laporan/read.ts: capaianIndikator, the
// scoring module's capaian() against chooseScoringTarget(the year's target, the period's)), each
// period measured against the plan its own report was written against (rencanaLaporan: skp_versi
// of the report's skp_revisi), never the live rows.
// A period without a report or without a realisasi is a gap, never 0.

export type TitikCapaian = {
  periodeId: number;
  /** persen: a number to plot; kualitatif: the appraiser's judgement; missing / unscorable: a gap with its reason; tanpaLaporan: no report (a gap). */
  kind: Capaian['kind'] | 'tanpaLaporan';
  persen: number | null;
  kelas: string | null;
  penilaian: PenilaianKualitatif | null;
  sumberTarget: 'PERIODE' | 'TAHUN' | null;
  status: string | null;
};
export type SeriIndikator = { indikatorId: number; rhk: string; teks: string; satuan: string | null; jenisTarget: string; titik: TitikCapaian[] };
export type SeriSkp = { skpId: number; periode: { id: number; nama: string }[]; indikator: SeriIndikator[]; chart: ChartData };
/** What public/js/capaian-chart.js draws (a data- attribute of the chart). */
export type ChartData = { labels: string[]; datasets: { label: string; data: (number | null)[] }[]; max: number; sesuai: number };

type Periode = { id: number; nama: string; urutan: number };

/**
 * The series of one SKP: per indicator (in the order of the latest plan that has it), one point
 * per period, from that period's report. Pure: the rows are given.
 */
export function seriCapaian(skpId: number, periode: Periode[], laporan: (LaporanSeriRow & { dokumen: SkpDokumen })[], realisasi: RealisasiSeriRow[], policy: ScoringPolicy): SeriSkp {
  const byPeriode = new Map(laporan.map((l) => [l.periodeId, l]));
  const realisasiOf = new Map(realisasi.map((r) => [`${r.laporanId}:${r.indikatorId}`, r]));
  // the indicators, newest plan first, so a renamed one reads as it does now
  const order: { ind: IndikatorDokumen & { id: number }; rhk: string }[] = [];
  const seen = new Set<number>();
  for (const p of [...periode].reverse()) {
    const l = byPeriode.get(p.id);
    if (!l) continue;
    for (const r of l.dokumen.rhk) for (const i of r.indikator) if (i.id !== undefined && !seen.has(i.id)) { seen.add(i.id); order.push({ ind: i as IndikatorDokumen & { id: number }, rhk: r.teks }); }
  }
  // RHKs and indicators in the plan's order (the loop above met them latest period first)
  const latest = laporan.length ? [...periode].reverse().map((p) => byPeriode.get(p.id)).find(Boolean)!.dokumen : null;
  const pos = new Map<number, number>();
  let n = 0;
  if (latest) for (const r of latest.rhk) for (const i of r.indikator) if (i.id !== undefined) pos.set(i.id, n++);
  order.sort((a, b) => (pos.get(a.ind.id) ?? Number.MAX_SAFE_INTEGER) - (pos.get(b.ind.id) ?? Number.MAX_SAFE_INTEGER));

  const indikator: SeriIndikator[] = order.map(({ ind, rhk }) => ({
    indikatorId: ind.id,
    rhk,
    teks: ind.teks,
    satuan: ind.satuan,
    jenisTarget: ind.jenisTarget,
    titik: periode.map((p): TitikCapaian => {
      const l = byPeriode.get(p.id);
      const gap = { periodeId: p.id, persen: null, kelas: null, penilaian: null, sumberTarget: null, status: l?.status ?? null };
      if (!l) return { ...gap, kind: 'tanpaLaporan' };
      const plan = l.dokumen.rhk.flatMap((r) => r.indikator).find((i) => i.id === ind.id);
      if (!plan) return { ...gap, kind: 'tanpaLaporan' };
      const r = realisasiOf.get(`${l.laporanId}:${ind.id}`);
      const pilihan = capaianIndikator(plan, p.id, r ? { angka: r.angka, teks: r.teks, penilaian: r.penilaian as PenilaianKualitatif | null } : null, policy);
      const c = pilihan.capaian;
      return {
        ...gap,
        kind: c.kind,
        persen: c.kind === 'persen' ? c.persen : null,
        kelas: c.kind === 'persen' || c.kind === 'kualitatif' ? c.kelas : null,
        penilaian: c.kind === 'kualitatif' ? c.penilaian : null,
        sumberTarget: c.kind === 'persen' ? pilihan.sumber : null,
      };
    }),
  }));
  return {
    skpId,
    periode: periode.map((p) => ({ id: p.id, nama: p.nama })),
    indikator,
    chart: {
      labels: periode.map((p) => p.nama),
      datasets: indikator.filter((i) => i.jenisTarget !== 'KUALITATIF').map((i) => ({ label: i.teks, data: i.titik.map((t) => t.persen) })),
      max: policy.capaian.maksimum,
      sesuai: policy.indikator.sesuaiMinimal,
    },
  };
}

/**
 * The series of each of the employee's SKPs in a cycle (two after a mid-year move), each over
 * the periods it covers. Drafts count only for their owner: the appraiser sees what was submitted.
 */
export async function capaianPerSkp(db: Db, pegawai: Scoped<{ id: number }>, siklusId: number | null, own: boolean): Promise<SeriSkp[]> {
  if (siklusId === null) return [];
  const siklus = await db.prisma.siklus.findUniqueOrThrow({ where: { id: siklusId }, select: { policy: true, periode: { orderBy: { urutan: 'asc' }, select: { id: true, nama: true, urutan: true, mulai: true, selesai: true } } } });
  const skps = await db.prisma.skp.findMany({ where: { pegawaiId: pegawai.id, siklusId }, orderBy: { periodeAwal: 'asc' }, select: { id: true, periodeAwal: true, periodeAkhir: true } });
  const laporan = await laporanSeriRows(db.sql, skps.map((s) => s.id), own);
  const realisasi = await realisasiSeriRows(db.sql, laporan.map((l) => l.laporanId));
  const policy = parsePolicy(siklus.policy);
  const out: SeriSkp[] = [];
  for (const s of skps) {
    const periode = siklus.periode.filter((p) => hariDicakup(p, s) !== null);
    const own = laporan.filter((l) => l.skpId === s.id);
    // the plan each report was written against (reports are read only after the employee was found in scope)
    const withPlan = [];
    for (const l of own) withPlan.push({ ...l, dokumen: await rencanaLaporan(db.prisma, asScoped({ id: l.laporanId, skpId: l.skpId, skpRevisi: l.skpRevisi })) });
    const ids = new Set(own.map((l) => l.laporanId));
    const seri = seriCapaian(s.id, periode, withPlan, realisasi.filter((r) => ids.has(r.laporanId)), policy);
    if (seri.indikator.length > 0) out.push(seri);
  }
  return out;
}
