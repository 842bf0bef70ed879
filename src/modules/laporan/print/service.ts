import type { Clock } from '../../../clock.js';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../domain/access.js';
import { PENILAIAN_KUALITATIF, PREDIKAT, parseAngka, toNumber, type Angka, type Capaian, type Kumulatif, type Predikat } from '../../../domain/scoring/index.js';
import { usesJptForm } from '../../../domain/skp-document.js';
import { formatters } from '../../../i18n/index.js';
import { formatTarget } from '../../skp/service.js';
import { instansiOf } from '../../skp/print/service.js';
import { tempatDari } from '../../skp/print/pdf.js';
import { laporanDokumen, visibleLaporan, type IndikatorLaporan, type LaporanDokumen } from '../read.js';
import { evaluasiPdf, type EvaluasiPeriodik } from './pdf.js';

const num = formatters('id').number;
const KUALITATIF: Record<(typeof PENILAIAN_KUALITATIF)[number], string> = { TIDAK_TERCAPAI: 'tidak tercapai', TERCAPAI: 'tercapai', MELAMPAUI: 'melampaui target' };

const angka = (v: string | number, satuan: string | null) => `${num(Number(v))} ${satuan ?? ''}`.trim();
/** A target bound as a number (a period target may be held as an exact fraction). */
const nilai = (v: Angka | null | undefined) => { const r = parseAngka(v); return r === null ? null : toNumber(r); };

/** The capaian as the form prints it: a percentage in id-ID, the appraiser's word, or nothing. */
function capaianTeks(c: Capaian): string | null {
  if (c.kind === 'persen') return `${num(c.persen)} %`;
  if (c.kind === 'kualitatif') return KUALITATIF[c.penilaian];
  return null;
}
const kumulatifTeks = (k: Kumulatif<string> | null, i: IndikatorLaporan): string | null =>
  k && k.kind !== 'missing' && k.periodeDipakai.length > 1 ? angka(k.angka, i.satuan) : null;

/** The periodic form's data from a report's read model (laporanDokumen) and where it is printed. */
export function evaluasiDari(d: LaporanDokumen, o: { instansi: string; dicetak: Date }): EvaluasiPeriodik {
  const awal = d.periode.dicakup ? new Date(`${d.periode.dicakup.mulai}T00:00:00Z`) : d.periode.mulai;
  const akhir = d.periode.dicakup ? new Date(`${d.periode.dicakup.selesai}T00:00:00Z`) : d.periode.selesai;
  const p = d.penilaian;
  const predikat = p && (PREDIKAT as readonly string[]).includes(p.predikat) ? (p.predikat as Predikat) : null;
  return {
    tahun: d.siklus.tahun,
    periode: { nama: d.periode.nama, awal, akhir },
    instansi: o.instansi,
    tempat: tempatDari(o.instansi),
    pendekatan: d.skp.pendekatan === 'KUALITATIF' ? 'KUALITATIF' : 'KUANTITATIF',
    jpt: usesJptForm({ snapshot: { pegawai: d.pegawai } }),
    pegawai: d.pegawai,
    penilai: d.penilai,
    status: d.laporan.status,
    rhk: d.rhk.map((r) => ({
      jenis: r.jenis,
      teks: r.teks,
      rhkAtasan: r.rhkAtasan,
      perspektif: r.perspektif as EvaluasiPeriodik['rhk'][number]['perspektif'],
      indikator: r.indikator.map((i) => {
        const real = i.realisasi;
        const realisasi = !real ? null : i.jenisTarget === 'KUALITATIF' ? (real.teks?.trim() || null) : real.angka === null ? null : angka(real.angka, i.satuan);
        return {
          aspek: i.aspek,
          teks: i.teks,
          target: formatTarget({ jenisTarget: i.jenisTarget, targetAngka: nilai(i.target.targetAngka), targetMin: nilai(i.target.targetMin), targetMax: nilai(i.target.targetMax), satuan: i.satuan, targetTeks: i.targetTeks }, (n) => num(n)),
          targetPeriode: i.targetSumber === 'PERIODE',
          realisasi,
          capaian: capaianTeks(i.capaian),
          kumulatif: kumulatifTeks(i.kumulatif, i),
          // the feedback is the appraiser's: shown once it is rated, as the employee sees it
          umpanBalik: p ? real?.umpanBalik ?? null : null,
        };
      }),
    })),
    perilaku: d.perilaku.map((x) => ({ nama: x.nama, perilaku: x.perilaku, ekspektasiKhusus: x.ekspektasiKhusus, tanda: p ? x.tanda : null, umpanBalik: p ? x.umpanBalik : null })),
    rating: p && predikat ? { hasilKerja: p.ratingHasilKerja, perilaku: p.ratingPerilaku, predikat, at: p.at } : null,
    dicetak: o.dicetak,
  };
}

/** The periodic evaluation form of report `id`, for whoever may see the report (others: 404). */
export async function laporanPdfFor(db: Db, clock: Clock, actor: Actor, id: number): Promise<{ pdf: Buffer; filename: string }> {
  const laporan = await visibleLaporan(db, actor, id);
  const now = clock.now();
  const doc = await laporanDokumen(db, laporan, { now });
  const pegawai = await db.prisma.pegawai.findUniqueOrThrow({ where: { id: laporan.skp.pegawaiId }, select: { unit: { select: { id: true, path: true, nama: true } } } });
  const pdf = await evaluasiPdf(evaluasiDari(doc, { instansi: await instansiOf(db, pegawai.unit), dicetak: now }));
  const nip = (doc.pegawai.nip || String(laporan.skp.pegawaiId)).replace(/\D/g, '');
  return { pdf, filename: `Evaluasi-${doc.siklus.tahun}-${doc.periode.urutan}-${nip}.pdf` };
}
