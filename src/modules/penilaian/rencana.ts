import type { Db, Tx } from '../../db/client.js';
import { parseDokumen } from '../../domain/skp-document.js';
import type { NilaiBerakhlak } from '../../domain/berakhlak.js';
import { chooseScoringTarget, type PenilaianKualitatif } from '../../domain/scoring/index.js';
import type { IndikatorRencana, RhkRencana } from './saran.js';

// A report's plan as the rating reads it: the RHKs and indicators of the SKP revision the report
// was written against (skp_versi, never the live rows: a later revision leaves an earlier report
// as it was), UTAMA first, each indicator with the target its capaian is measured against and
// what was reported for it, and the appraiser's answer so far.

export type IndikatorLaporan = IndikatorRencana & {
  teks: string;
  satuan: string | null;
  targetTeks: string | null;
  sumberTarget: 'PERIODE' | 'TAHUN';
  sumberData: string | null;
  umpanBalik: string | null;
  penilaianTersimpan: PenilaianKualitatif | null;
};
export type RhkLaporan = Omit<RhkRencana, 'indikator'> & { teks: string; indikator: IndikatorLaporan[] };

export type BuktiLaporan = { id: number; indikatorId: number | null; nama: string | null; url: string | null; keterangan: string | null };

export async function rencanaLaporan(
  prisma: Tx | Db['prisma'],
  l: { id: number; skpId: number; skpRevisi: number; periodeId: number },
): Promise<{ rhk: RhkLaporan[]; ekspektasi: Partial<Record<NilaiBerakhlak, string>>; bukti: BuktiLaporan[] }> {
  const [versi, realisasi, bukti] = await Promise.all([
    prisma.skpVersi.findUnique({ where: { skpId_revisi: { skpId: l.skpId, revisi: l.skpRevisi } }, select: { data: true } }),
    prisma.realisasi.findMany({ where: { laporanId: l.id } }),
    prisma.buktiDukung.findMany({ where: { laporanId: l.id }, orderBy: { id: 'asc' }, select: { id: true, indikatorId: true, url: true, keterangan: true, berkas: { select: { nama: true } } } }),
  ]);
  const buktiList = bukti.map((b) => ({ id: b.id, indikatorId: b.indikatorId, nama: b.berkas?.nama ?? null, url: b.url, keterangan: b.keterangan }));
  if (!versi) return { rhk: [], ekspektasi: {}, bukti: buktiList };
  const doc = parseDokumen(versi.data);
  const byIndikator = new Map(realisasi.map((r) => [r.indikatorId, r]));
  const ordered = [...doc.rhk.filter((r) => r.jenis === 'UTAMA'), ...doc.rhk.filter((r) => r.jenis === 'TAMBAHAN')];
  const rhk = ordered.map((r, ri): RhkLaporan => ({
    id: r.id,
    label: `RHK ${ri + 1}`,
    jenis: r.jenis,
    teks: r.teks,
    indikator: r.indikator
      .filter((i): i is typeof i & { id: number } => i.id !== undefined)
      .map((i, ii) => {
        const chosen = chooseScoringTarget(i, i.targetPeriode.find((t) => t.periodeId === l.periodeId));
        const row = byIndikator.get(i.id);
        return {
          id: i.id,
          label: `IKI ${ri + 1}.${ii + 1}`,
          teks: i.teks,
          jenisTarget: i.jenisTarget,
          lebihBaik: i.lebihBaik,
          satuan: i.satuan,
          targetTeks: i.targetPeriode.find((t) => t.periodeId === l.periodeId)?.targetTeks ?? i.targetTeks,
          target: chosen.target,
          sumberTarget: chosen.sumber,
          realisasi: row ? { angka: row.angka === null ? null : row.angka.toString(), teks: row.teks } : null,
          sumberData: row?.sumberData ?? null,
          umpanBalik: row?.umpanBalik ?? null,
          penilaianTersimpan: (row?.penilaian ?? null) as PenilaianKualitatif | null,
        };
      }),
  }));
  return { rhk, ekspektasi: doc.ekspektasi, bukti: buktiList };
}
