import type { Ekspektasi, Predikat } from '../../../domain/scoring/index.js';
import type { Orang } from '../../../domain/skp-document.js';
import { LABEL_RESMI } from '../../../domain/skp-document.js';
import { formatters } from '../../../i18n/index.js';
import { cell, columnNumbers, fill, head, identityTable, periodePenilaian, renderPdf, sectionRow, signatureBlock, spanned, stackCell, table, titleBlock, HEAD_FILL, type Content, type TableCell } from '../../../export/pdf.js';

// The official periodic evaluation form (PermenPANRB 6/2022, Anak Lampiran 4: "Evaluasi Kinerja
// Pegawai — Periode Triwulan …"; docs/domain/cetak.md): the identity of the
// employee and the appraiser from the SKP snapshot, the period, each RHK with its indicators,
// targets, realisasi and the appraiser's feedback, the behaviour values with their feedback, the
// Rating Hasil Kerja, the Rating Perilaku Kerja, the predikat, and the appraiser's signature.
// It is laid out from a plain object (EvaluasiPeriodik) with the shared pieces of src/export/pdf.ts;
// the builder from the report's read model is in ./service.ts. Its labels are the form's Indonesian.

export type StatusEvaluasi = 'DRAFT' | 'DIAJUKAN' | 'DIKEMBALIKAN' | 'DINILAI';

export type IndikatorEvaluasi = {
  aspek: keyof typeof LABEL_RESMI.aspek;
  teks: string;
  /** The target as printed ("12 dokumen", "80–90 %", a statement), and whose it is. */
  target: string;
  targetPeriode: boolean;
  /** The realisasi as printed ("10 dokumen", a text), null when none was reported. */
  realisasi: string | null;
  /** The capaian in words ("83,33 %", "tercapai"), null when none can be computed. */
  capaian: string | null;
  /** The running total so far, for an indicator that combines its periods. */
  kumulatif: string | null;
  umpanBalik: string | null;
};

export type RhkEvaluasi = {
  jenis: 'UTAMA' | 'TAMBAHAN';
  teks: string;
  rhkAtasan: string | null;
  perspektif: keyof typeof LABEL_RESMI.perspektif | null;
  indikator: IndikatorEvaluasi[];
};

export type PerilakuEvaluasi = { nama: string; perilaku: string[]; ekspektasiKhusus: string | null; tanda: Ekspektasi | null; umpanBalik: string | null };

/** Everything the periodic form prints. */
export type EvaluasiPeriodik = {
  tahun: number;
  /** The period ("Triwulan I") and the days of it this SKP covers. */
  periode: { nama: string; awal: Date; akhir: Date };
  instansi: string;
  /** Place printed before the signing date. */
  tempat: string;
  pendekatan: 'KUANTITATIF' | 'KUALITATIF';
  /** The JPT form (a perspective instead of the leader's intervened RHK). */
  jpt: boolean;
  pegawai: Orang;
  penilai: Orang | null;
  status: StatusEvaluasi;
  rhk: RhkEvaluasi[];
  perilaku: PerilakuEvaluasi[];
  /** The appraiser's rating, once given. */
  rating: { hasilKerja: Ekspektasi; perilaku: Ekspektasi; predikat: Predikat; at: Date } | null;
  dicetak: Date;
};

export const EKSPEKTASI_RESMI: Record<Ekspektasi, string> = { DI_ATAS: 'DI ATAS EKSPEKTASI', SESUAI: 'SESUAI EKSPEKTASI', DI_BAWAH: 'DI BAWAH EKSPEKTASI' };
export const PREDIKAT_RESMI: Record<Predikat, string> = { SANGAT_BAIK: 'SANGAT BAIK', BAIK: 'BAIK', BUTUH_PERBAIKAN: 'BUTUH PERBAIKAN', KURANG: 'KURANG/MISCONDUCT', SANGAT_KURANG: 'SANGAT KURANG' };
const STATUS: Record<StatusEvaluasi, string> = { DRAFT: 'draf (belum diajukan)', DIAJUKAN: 'diajukan (belum dinilai)', DIKEMBALIKAN: 'dikembalikan untuk perbaikan', DINILAI: 'dinilai' };
const TANDA: Record<Ekspektasi, string> = { DI_ATAS: 'Di Atas Ekspektasi', SESUAI: 'Sesuai Ekspektasi', DI_BAWAH: 'Di Bawah Ekspektasi' };
const BELUM = 'BELUM DINILAI';

/** Across every page of a report not rated yet: a draft (not even submitted), or waiting. */
export const watermarkOf = (status: StatusEvaluasi): string | undefined =>
  status === 'DINILAI' ? undefined : status === 'DIAJUKAN' ? BELUM : `DRAF — ${BELUM}`;

/** A rating line of the form: "RATING HASIL KERJA" | "SESUAI EKSPEKTASI". */
const ratingRow = (label: string, value: string | null, n: number): TableCell[] =>
  fill([cell(label, { bold: true, fill: HEAD_FILL, colSpan: 2 }), cell(value ?? BELUM, { bold: true, colSpan: n - 2 })], n);

/** The periodic evaluation form as a PDF. */
export async function evaluasiPdf(e: EvaluasiPeriodik): Promise<Buffer> {
  const fmt = formatters('id');
  const content: Content[] = [];
  content.push(...titleBlock(['EVALUASI KINERJA PEGAWAI', `PENDEKATAN HASIL KERJA ${e.pendekatan}`, `PERIODE: ${e.periode.nama.toUpperCase()}`], e.instansi, periodePenilaian(e.periode.awal, e.periode.akhir)));
  content.push(identityTable(e.pegawai, e.penilai, e.jpt ? { baris5: 'INSTANSI', unitPegawai: e.instansi, unitPenilai: e.penilai && !e.penilai.luar ? e.instansi : e.penilai?.unit, nipPenilaiKosong: '(*opsional)' } : {}));

  // HASIL KERJA: the SKP's columns, then the realisasi and the feedback
  const n = 8;
  const body: TableCell[][] = [
    fill([head('HASIL KERJA', n)], n),
    [head('NO'), head(e.jpt ? 'PERSPEKTIF' : 'RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI'), head('RENCANA HASIL KERJA'), head('ASPEK'), head('INDIKATOR KINERJA INDIVIDU'), head('TARGET'), head('REALISASI BERDASARKAN BUKTI DUKUNG'), head('UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG')],
    columnNumbers(n),
  ];
  for (const jenis of ['UTAMA', 'TAMBAHAN'] as const) {
    body.push(sectionRow(LABEL_RESMI.jenisRhk[jenis], n));
    const list = e.rhk.filter((r) => r.jenis === jenis);
    if (!list.length) body.push(fill([cell('-', { center: true, colSpan: n })], n));
    list.forEach((r, i) => {
      const k = Math.max(1, r.indikator.length);
      const kiri = e.jpt ? (r.perspektif ? LABEL_RESMI.perspektif[r.perspektif] : '-') : (r.rhkAtasan ?? '-');
      const rows = r.indikator.length ? r.indikator : [null];
      rows.forEach((x, j) => {
        const real = x
          ? stackCell([
              { text: x.realisasi ?? 'Belum diisi' },
              ...(x.kumulatif ? [{ text: `Kumulatif: ${x.kumulatif}` }] : []),
              ...(x.capaian ? [{ text: `Capaian: ${x.capaian}` }] : []),
            ])
          : cell('-');
        body.push([
          j === 0 ? cell(String(i + 1), { center: true, rowSpan: k }) : spanned,
          j === 0 ? cell(kiri, { rowSpan: k }) : spanned,
          j === 0 ? cell(r.teks, { rowSpan: k }) : spanned,
          cell(x ? LABEL_RESMI.aspek[x.aspek] : '-'),
          cell(x?.teks ?? '-'),
          cell(x ? (x.targetPeriode ? `${x.target} (target periode)` : x.target) : '-'),
          real,
          cell(x?.umpanBalik?.trim() || '-'),
        ]);
      });
    });
  }
  const rating = e.rating;
  body.push(ratingRow('RATING HASIL KERJA', rating && EKSPEKTASI_RESMI[rating.hasilKerja], n));
  content.push({ ...(table([18, 105, 120, 46, 140, 70, 110, 160], body, 3) as object), margin: [0, 0, 0, 10] } as Content);

  // PERILAKU KERJA with the feedback
  const m = 4;
  const perilaku: TableCell[][] = [
    fill([head('PERILAKU KERJA', m)], m),
    [head('NO'), head('PERILAKU KERJA'), head('EKSPEKTASI KHUSUS PIMPINAN'), head('UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG')],
    ...e.perilaku.map((p, i) => [
      cell(String(i + 1), { center: true }),
      stackCell([{ text: p.nama, bold: true }, ...p.perilaku.map((t) => ({ text: t, bullet: true }))]),
      cell(p.ekspektasiKhusus?.trim() || '-'),
      stackCell([{ text: p.umpanBalik?.trim() || '-' }, ...(p.tanda ? [{ text: `Tanda: ${TANDA[p.tanda]}`, bold: true }] : [])]),
    ]),
    ratingRow('RATING PERILAKU KERJA', rating && EKSPEKTASI_RESMI[rating.perilaku], m),
    ratingRow('PREDIKAT KINERJA PEGAWAI', rating && PREDIKAT_RESMI[rating.predikat], m),
  ];
  content.push(table([18, 330, 200, 222], perilaku, 2));

  // signed by the appraiser alone
  content.push(signatureBlock({ tempat: e.tempat, tanggal: rating?.at ?? e.dicetak, kanan: { peran: 'Pejabat Penilai Kinerja', nama: e.penilai?.nama, nip: e.penilai?.nip } }));

  return renderPdf({
    title: `Evaluasi Kinerja Pegawai ${e.periode.nama} ${e.tahun} - ${e.pegawai.nama}`,
    subject: `Evaluasi kinerja ${e.pegawai.nip}`,
    dicetak: e.dicetak,
    footer: `Evaluasi Kinerja ${e.periode.nama} ${e.tahun} · ${e.pegawai.nama} (${e.pegawai.nip}) · status: ${STATUS[e.status]} · dicetak dari SIKAP ${fmt.dateTime(e.dicetak)}`,
    watermark: watermarkOf(e.status),
    content,
  });
}
