import { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import { sqlOn } from '../../../db/sql.js';
import { BERAKHLAK, NILAI_BERAKHLAK } from '../../../domain/berakhlak.js';
import { kalkulatorDistribusi, PREDIKAT_ORGANISASI } from '../../../domain/scoring/distribusi.js';
import { PREDIKAT } from '../../../domain/scoring/predikat.js';
import { formatReason } from '../../../domain/scoring/reason.js';
import { LABEL_RESMI, parseDokumen, parseIdentitas, orang as orangSnapshot, type Orang } from '../../../domain/skp-document.js';
import { NotFound } from '../../../errors.js';
import { formatters, translator } from '../../../i18n/index.js';
import { formatTarget } from '../../skp/service.js';
import { tempatDari } from '../../skp/print/pdf.js';
import { rhkBerurut } from '../../laporan/read.js';
import { cekUnit, type CekUnit } from '../kalibrasi/service.js';
import { potonganTahun } from '../konfirmasi/service.js';
import { potonganTersimpan } from '../konfirmasi/rincian.js';
import { kepalaDokumen, type OrangBaris } from './queries.js';

// What an issued Dokumen Evaluasi Kinerja says, frozen at issue (docs/domain/dokumen-evaluasi.md):
// everything the printed document shows, as text and numbers already formatted the way the form
// prints them, so that reading it again never depends on data written later (a name changed, a
// report reopened, a unit's distribution moved by an objection). Versioned: a later shape gets
// versi 2 and this one stays readable.

const EKSPEKTASI = z.enum(['DI_BAWAH', 'SESUAI', 'DI_ATAS']);
const PREDIKAT_Z = z.enum(PREDIKAT);

/** A signer or the employee as printed (an official outside the agency may have no NIP). */
const orangDokumen = z.object({
  nama: z.string(),
  nip: z.string().nullable(),
  pangkatGolongan: z.string().nullable(),
  jabatan: z.string().nullable(),
  unit: z.string().nullable(),
  luar: z.boolean().default(false),
});
export type OrangDokumen = z.infer<typeof orangDokumen>;

const indikatorDokumen = z.object({
  aspek: z.string().nullable(),
  teks: z.string(),
  target: z.string(),
  /** the year's realisasi as printed ("12 dokumen", a text), null when none was reported */
  realisasi: z.string().nullable(),
  /** the year's capaian as printed ("104,17 %", "tercapai"), null when it could not be computed */
  capaian: z.string().nullable(),
});

const rhkDokumen = z.object({
  jenis: z.enum(['UTAMA', 'TAMBAHAN']),
  teks: z.string(),
  indikator: z.array(indikatorDokumen),
  /** the appraiser's feedback over the year, "Triwulan I: …" */
  umpanBalik: z.array(z.string()),
});

const potonganDokumen = z.object({
  /** "SKP 1 Januari 2026 – 30 Juni 2026" when the year has several pieces, else null */
  label: z.string().nullable(),
  rhk: z.array(rhkDokumen),
});

const perilakuDokumen = z.object({ nama: z.string(), tanda: EKSPEKTASI.nullable(), umpanBalik: z.array(z.string()) });

const distribusiDokumen = z.object({
  n: z.number().int(),
  /** per predikat, Sangat Baik first: the people counted and the band the pattern allows */
  kolom: z.array(z.object({ predikat: PREDIKAT_Z, jumlah: z.number().int(), min: z.number().int(), max: z.number().int() })),
  /** rules over two predikat together ("Kurang dan/atau Butuh Perbaikan"): the people counted and the band */
  kelompok: z.array(z.object({ predikat: z.array(PREDIKAT_Z), jumlah: z.number().int(), min: z.number().int(), max: z.number().int() })),
  hasil: z.enum(['OK', 'PERINGATAN', 'PELANGGARAN']),
  /** each violation in words, and the written justification when one answers them */
  pelanggaran: z.array(z.string()),
  justifikasi: z.string().nullable(),
});

export const isiDokumenSchema = z.object({
  versi: z.literal(1),
  tahun: z.number().int(),
  instansi: z.string(),
  unitKerja: z.string(),
  /** the place printed before the signing date */
  tempat: z.string(),
  /** the days the year's SKP pieces cover, "YYYY-MM-DD" */
  periode: z.object({ awal: z.string(), akhir: z.string() }),
  pegawai: orangDokumen,
  penilai: orangDokumen.nullable(),
  atasanPenilai: orangDokumen.nullable(),
  organisasi: z.object({
    /** the unit whose organisation predikat and distribution the employee counts in */
    unit: z.string().nullable(),
    predikat: z.enum(PREDIKAT_ORGANISASI).nullable(),
    capaianPk: z.string().nullable(),
    distribusi: distribusiDokumen.nullable(),
  }),
  ratingHasilKerja: EKSPEKTASI,
  ratingPerilaku: EKSPEKTASI,
  predikat: PREDIKAT_Z,
  potongan: z.array(potonganDokumen),
  perilaku: z.array(perilakuDokumen),
  /** the year's angka kredit (numeric text), for a functional position */
  angkaKredit: z.string().nullable(),
  catatan: z.array(z.string()),
  /** when the evaluation became final; the signing date */
  finalAt: z.string().nullable(),
  tanggal: z.string(),
  /** the objection decision this document was issued after (a re-issue) */
  keberatan: z.object({ id: z.number().int(), diputusAt: z.string().nullable(), keputusan: z.string().nullable() }).nullable(),
});
export type IsiDokumen = z.infer<typeof isiDokumenSchema>;

const num = formatters('id').number;
const tId = translator('id');
const KUALITATIF: Record<string, string> = { TIDAK_TERCAPAI: 'tidak tercapai', TERCAPAI: 'tercapai', MELAMPAUI: 'melampaui target' };
const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());

const dariSnapshot = (o: Orang | null | undefined): OrangDokumen | null =>
  o && o.nama ? { nama: o.nama, nip: o.nip || null, pangkatGolongan: o.pangkatGolongan || null, jabatan: o.jabatan || null, unit: o.unit || null, luar: o.luar === true } : null;
const dariBaris = (o: OrangBaris | null | undefined): OrangDokumen | null =>
  o && o.nama ? { nama: o.nama, nip: o.nip || null, pangkatGolongan: o.pangkatGolongan || null, jabatan: o.jabatan || null, unit: o.unit || null, luar: o.luar } : null;

/**
 * A unit's distribution as the prints show it, from the calibration's own check (cekUnit): the
 * people per predikat, the band kalkulatorDistribusi allows, the check's result, each violation in
 * words (Indonesian) and the justification while it still answers them. Null without a check.
 */
export function distribusiDari(c: CekUnit): Distribusi | null {
  if (!c.predikatOrganisasi || !c.cek) return null;
  const cek = c.cek;
  const kal = kalkulatorDistribusi(c.predikatOrganisasi, cek.n, c.policy);
  return {
    n: cek.n,
    kolom: PREDIKAT.map((p) => ({ predikat: p, jumlah: cek.jumlah[p], min: kal.perPredikat[p].min, max: kal.perPredikat[p].max })),
    kelompok: kal.kelompok.map((g) => ({ predikat: [...g.predikat], jumlah: g.predikat.reduce((s, p) => s + cek.jumlah[p], 0), min: g.min, max: g.max })),
    hasil: cek.hasil,
    pelanggaran: cek.pelanggaran.map((p) => formatReason(p.reason, tId)),
    justifikasi: c.justifikasi?.sesuai && c.justifikasi.teks.trim() ? c.justifikasi.teks : null,
  };
}
export type Distribusi = z.infer<typeof distribusiDokumen>;

/** The document's content from the evaluation and its year as they stand now, read inside the caller's transaction. */
export async function bacaIsiDokumen(tx: Tx, evaluasiId: number, o: { keberatanId?: number | null } = {}): Promise<IsiDokumen> {
  const q = sqlOn(tx);
  const k = await kepalaDokumen(q, evaluasiId);
  if (!k) throw new NotFound();
  const ident = parseIdentitas(k.snapshot);

  // the organisation: the calibration's own check of the unit the employee counts in
  let organisasi: IsiDokumen['organisasi'] = { unit: null, predikat: null, capaianPk: null, distribusi: null };
  if (k.cekUnitId !== null) {
    const c = await cekUnit({ sql: q }, k.siklusId, k.cekUnitId);
    const pp = await tx.penetapanPredikat.findUnique({ where: { siklusId_unitId: { siklusId: k.siklusId, unitId: k.cekUnitId } }, select: { capaianPk: true, unit: { select: { nama: true } } } });
    const distribusi = distribusiDari(c);
    organisasi = { unit: pp?.unit.nama ?? null, predikat: c.predikatOrganisasi, capaianPk: pp?.capaianPk ? `${num(Number(pp.capaianPk.toString()))} %` : null, distribusi };
  }

  // the capaian table and the feedback: the year's pieces with their reports (as the year page reads them)
  const rincian = (typeof k.rincian === 'object' && k.rincian !== null ? k.rincian : {}) as { potongan?: unknown; tandaTahun?: Record<string, string> };
  const tersimpan = potonganTersimpan(rincian.potongan, 1, () => undefined);
  const tahun = await potonganTahun({ prisma: tx }, k.siklusId, k.pegawaiId, k.skpId);
  const banyak = tahun.length > 1;
  const potongan: IsiDokumen['potongan'] = [];
  const umpanPerilaku = new Map<string, string[]>();
  for (const p of tahun) {
    const versi = await tx.skpVersi.findFirst({ where: { skpId: p.skpId }, orderBy: { revisi: 'desc' }, select: { data: true } });
    if (!versi) continue;
    const plan = parseDokumen(versi.data);
    const dinilai = p.laporan.filter((l) => l.dok?.penilaian).map((l) => ({ nama: l.periodeNama, dok: l.dok! }));
    const terakhir = [...p.laporan].reverse().find((l) => l.dok)?.dok ?? null;
    const capaianOf = new Map<number, string | null>();
    for (const r of tersimpan.find((x) => x.id === p.skpId)?.rhk ?? []) {
      for (const i of r.indikator) {
        const c = i.capaian;
        if (c.kind === 'persen') capaianOf.set(i.id, `${num(c.persen)} %`);
      }
    }
    potongan.push({
      label: banyak ? `SKP ${formatters('id').date(p.periodeAwal)} – ${formatters('id').date(p.periodeAkhir)}` : null,
      rhk: rhkBerurut(plan).map((r) => ({
        jenis: r.jenis,
        teks: r.teks,
        indikator: r.indikator.map((i) => {
          const dilapor = terakhir?.rhk.flatMap((x) => x.indikator).find((x) => x.id === i.id) ?? null;
          let realisasi: string | null = null;
          if (dilapor) {
            if (i.jenisTarget === 'KUALITATIF') {
              realisasi = dilapor.realisasi?.teks?.trim() || null;
              const pen = dilapor.realisasi?.penilaian;
              if (pen && i.id !== undefined) capaianOf.set(i.id, KUALITATIF[pen] ?? null);
            } else if (dilapor.kumulatif && dilapor.kumulatif.kind !== 'missing') realisasi = `${num(dilapor.kumulatif.angka)} ${i.satuan ?? ''}`.trim();
            else if (dilapor.realisasi?.angka != null) realisasi = `${num(Number(dilapor.realisasi.angka))} ${i.satuan ?? ''}`.trim();
          }
          return {
            aspek: LABEL_RESMI.aspek[i.aspek] ?? null,
            teks: i.teks,
            target: formatTarget({ jenisTarget: i.jenisTarget, targetAngka: i.targetAngka, targetMin: i.targetMin, targetMax: i.targetMax, satuan: i.satuan, targetTeks: i.targetTeks }, (n) => num(n)),
            realisasi,
            capaian: i.id === undefined ? null : (capaianOf.get(i.id) ?? null),
          };
        }),
        // the feedback is the appraiser's: printed for the periods that were rated, as the employee saw them
        umpanBalik: dinilai.flatMap(({ nama, dok }) => {
          const own = dok.rhk.find((x) => x.id === r.id);
          const texts = (own?.indikator ?? []).map((x) => x.realisasi?.umpanBalik?.trim()).filter((x): x is string => !!x);
          return texts.length ? [`${nama}: ${texts.join(' ')}`] : [];
        }),
      })),
    });
    for (const { nama, dok } of dinilai) {
      for (const x of dok.perilaku) {
        const u = x.umpanBalik?.trim();
        if (!u) continue;
        const list = umpanPerilaku.get(x.nilai) ?? [];
        list.push(`${nama}: ${u}`);
        umpanPerilaku.set(x.nilai, list);
      }
    }
  }
  const tanda = rincian.tandaTahun ?? {};
  const perilaku = NILAI_BERAKHLAK.map((n) => ({
    nama: BERAKHLAK[n].nama,
    tanda: EKSPEKTASI.safeParse(tanda[n]).success ? (tanda[n] as IsiDokumen['ratingPerilaku']) : null,
    umpanBalik: umpanPerilaku.get(n) ?? [],
  }));

  // the signers: the appraiser from the SKP's snapshot; their own appraiser (the atasan) as fixed by
  // an objection, else from the appraiser's own SKP snapshot of the cycle, else their appraiser now
  const penilai = dariSnapshot(ident.penilai);
  const atasanSnap = orangSnapshot.nullable().catch(null).parse(k.atasanSnapshot ?? null);
  const atasanPenilai = dariBaris(k.pemutus) ?? dariSnapshot(atasanSnap) ?? dariBaris(k.atasanPegawai) ?? dariBaris(k.atasanLuar);

  // a re-issue names the decision it follows; the first document (issued before any decision) none
  const diputus = o.keberatanId != null && k.keberatan && k.keberatan.id === o.keberatanId ? k.keberatan : null;
  const catatan = [
    ...(k.alasanHasilKerja ? [`Rating Hasil Kerja: ${k.alasanHasilKerja}`] : []),
    ...(k.alasanPerilaku ? [`Rating Perilaku Kerja: ${k.alasanPerilaku}`] : []),
    ...(diputus && diputus.keputusan === 'UBAH' && diputus.alasanKeputusan ? [`Keputusan atas keberatan: ${diputus.alasanKeputusan}`] : []),
  ];
  const ditandatangani = k.finalAt ?? k.updatedAt;
  return isiDokumenSchema.parse({
    versi: 1,
    tahun: k.tahun,
    instansi: k.instansi,
    unitKerja: ident.pegawai.unit || k.unitNama,
    tempat: tempatDari(k.instansi),
    periode: { awal: k.awal ?? `${k.tahun}-01-01`, akhir: k.akhir ?? `${k.tahun}-12-31` },
    pegawai: dariSnapshot(ident.pegawai) ?? { nama: '', nip: null, pangkatGolongan: null, jabatan: null, unit: k.unitNama, luar: false },
    penilai,
    atasanPenilai,
    organisasi,
    ratingHasilKerja: k.ratingHasilKerja,
    ratingPerilaku: k.ratingPerilaku,
    predikat: k.predikat,
    potongan,
    perilaku,
    angkaKredit: k.angkaKredit,
    catatan,
    finalAt: iso(k.finalAt),
    // a re-issue is dated by the decision: its row's date, or, while the decision's transaction has
    // yet to write it, the moment the decision changed the evaluation (evaluasi_tahunan.updated_at)
    tanggal: iso(diputus ? (diputus.diputusAt ?? k.updatedAt) : ditandatangani)!,
    keberatan: diputus ? { id: diputus.id, diputusAt: iso(diputus.diputusAt ?? k.updatedAt), keputusan: diputus.keputusan } : null,
  });
}

/** A stored document's content (dokumen_evaluasi.isi), as this model reads it. */
export const parseIsiDokumen = (v: unknown): IsiDokumen => isiDokumenSchema.parse(v);

