import type { PredikatOrganisasi } from '../../../domain/scoring/distribusi.js';
import type { Predikat } from '../../../domain/scoring/predikat.js';
import { labelGolongan } from '../../../domain/golongan.js';
import { formatters } from '../../../i18n/index.js';
import { cell, fill, head, kurvaDistribusi, renderPdf, sectionRow, signatureBlock, spanned, stackCell, table, titleBlock, HEAD_FILL, type Content, type TableCell } from '../../../export/pdf.js';
import { EKSPEKTASI_RESMI, PREDIKAT_RESMI } from '../../laporan/print/pdf.js';
import type { Distribusi, IsiDokumen, OrangDokumen } from './isi.js';

// The two annual prints (docs/domain/dokumen-evaluasi.md), laid out with the shared pieces of
// src/export/pdf.ts: the Dokumen Evaluasi Kinerja Pegawai from its frozen content (isi.ts), and the
// record of a unit's Penetapan Predikat Kinerja from current data. Both draw the unit's
// distribution with the one vector curve piece (kurvaDistribusi). Their labels are the forms'
// Indonesian, whatever the reader's interface language.

const fmt = formatters('id');
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "2026-01-01", "2026-12-31" → "01 Januari s.d. 31 Desember 2026" (the form's period). */
export function periodeTeks(awal: string, akhir: string): string {
  const [ya, ma, da] = awal.split('-').map(Number);
  const [yb, mb, db] = akhir.split('-').map(Number);
  const dd = (n: number) => String(n).padStart(2, '0');
  const a = `${dd(da!)} ${BULAN[ma! - 1]}${ya === yb ? '' : ` ${ya}`}`;
  return `${a} s.d. ${dd(db!)} ${BULAN[mb! - 1]} ${yb}`;
}

export const PREDIKAT_ORGANISASI_RESMI: Record<PredikatOrganisasi, string> = { ISTIMEWA: 'ISTIMEWA', BAIK: 'BAIK', BUTUH_PERBAIKAN: 'BUTUH PERBAIKAN', KURANG: 'KURANG', SANGAT_KURANG: 'SANGAT KURANG' };
/** The curve's x-axis, as the form draws it: Sangat Kurang left, Sangat Baik right. */
const SUMBU: Predikat[] = ['SANGAT_KURANG', 'KURANG', 'BUTUH_PERBAIKAN', 'BAIK', 'SANGAT_BAIK'];
const SUMBU_LABEL: Record<Predikat, string> = { SANGAT_KURANG: 'Sangat Kurang', KURANG: 'Kurang/Misconduct', BUTUH_PERBAIKAN: 'Butuh Perbaikan', BAIK: 'Baik', SANGAT_BAIK: 'Sangat Baik' };
const HASIL: Record<'OK' | 'PERINGATAN' | 'PELANGGARAN', string> = { OK: 'Sesuai pola distribusi', PERINGATAN: 'Menyimpang dari pola (unit kecil: peringatan)', PELANGGARAN: 'Tidak sesuai pola distribusi' };

/**
 * A unit's distribution as both prints show it: the vector curve (the band the pattern allows
 * and the people counted per predikat) beside the numbers (jumlah, min, maks per predikat; the
 * rules over two predikat), the check's result, each violation and the justification.
 */
export function distribusiBlok(org: PredikatOrganisasi, d: Distribusi): Content {
  const by = new Map(d.kolom.map((k) => [k.predikat, k]));
  const kurva = kurvaDistribusi(SUMBU.map((p) => ({ label: SUMBU_LABEL[p], jumlah: by.get(p)?.jumlah ?? 0, min: by.get(p)?.min ?? 0, max: by.get(p)?.max ?? 0 })), { width: 380, height: 105 });
  const angka: Content = {
    table: {
      widths: [100, 40, 32, 32, 72],
      headerRows: 1,
      body: [
        [head('PREDIKAT'), head('JUMLAH'), head('MIN'), head('MAKS'), head('KETERANGAN')],
        ...d.kolom.map((k) => [cell(SUMBU_LABEL[k.predikat]), cell(fmt.number(k.jumlah), { center: true }), cell(fmt.number(k.min), { center: true }), cell(fmt.number(k.max), { center: true }), cell(k.jumlah < k.min || k.jumlah > k.max ? 'di luar rentang' : 'dalam rentang')]),
        fill([cell(`JUMLAH PEGAWAI: ${fmt.number(d.n)}`, { bold: true, colSpan: 5 })], 5),
      ],
    },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#333333', vLineColor: () => '#333333' },
    fontSize: 7.5,
  } as Content;
  const lines: Content[] = [
    { text: `POLA DISTRIBUSI: KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI ${PREDIKAT_ORGANISASI_RESMI[org]}`, bold: true, margin: [0, 0, 0, 4] },
    { columns: [kurva, { width: '*', stack: [angka] }], columnGap: 12 },
    ...d.kelompok.map((g): Content => ({ text: `${g.predikat.map((p) => SUMBU_LABEL[p]).join(' dan/atau ')}: ${fmt.number(g.jumlah)} pegawai (rentang ${fmt.number(g.min)}–${fmt.number(g.max)})`, margin: [0, 3, 0, 0] })),
    { text: `Hasil pemeriksaan: ${HASIL[d.hasil]}`, bold: true, margin: [0, 4, 0, 0] },
    ...d.pelanggaran.map((p): Content => ({ columns: [{ text: '•', width: 9 }, { text: p, width: '*' }] })),
    ...(d.justifikasi ? [{ text: [{ text: 'Justifikasi: ', bold: true }, { text: d.justifikasi }], margin: [0, 3, 0, 0] } as Content] : []),
  ];
  return { stack: lines, unbreakable: true };
}

/** A person's five rows (an official outside the agency: the instansi; no NIP recorded: "-"). */
const identitas = (o: OrangDokumen | null): [string, string][] => [
  ['NAMA', o?.nama || '-'],
  ['NIP', o?.nip || '-'],
  ['PANGKAT/GOL. RUANG', o?.pangkatGolongan ? labelGolongan(o.pangkatGolongan) : '-'],
  ['JABATAN', o?.jabatan || '-'],
  [o?.luar ? 'INSTANSI' : 'UNIT KERJA', o?.unit || '-'],
];

/** The numbered parts of the cover document: NO | label | value. */
const bagian = (no: string, judul: string): TableCell[] => [cell(no, { bold: true, center: true, fill: HEAD_FILL }), cell(judul, { bold: true, fill: HEAD_FILL, colSpan: 2 })];
const baris = (label: string, value: string | TableCell, o: { bold?: boolean } = {}): TableCell[] => [cell(''), cell(label), typeof value === 'string' ? cell(value, { bold: o.bold }) : value];

/** Where a document stands in its series, as the page, the print and the list say it. */
export type StatusDokumen = {
  nomor: number;
  diterbitkanAt: Date;
  /** superseded: by which number, and the decision (its date) that replaced it */
  digantikan: { nomor: number; keputusanAt: Date | null } | null;
  /** re-issued after an objection's decision: the number it replaced */
  menggantikan: number | null;
  /**
   * The reason of the decision a re-issue follows, from the decided objection (final and never
   * changed once decided; its row is written in the decision's transaction after the document).
   */
  alasanKeputusan?: string | null;
};

/** The Dokumen Evaluasi Kinerja Pegawai as a PDF, from its frozen content. */
export async function dokumenEvaluasiPdf(isi: IsiDokumen, s: StatusDokumen, dicetak: Date): Promise<Buffer> {
  const periode = periodeTeks(isi.periode.awal, isi.periode.akhir);
  const content: Content[] = [];
  content.push(...titleBlock(['DOKUMEN EVALUASI KINERJA PEGAWAI', `PERIODE: ${periode.toUpperCase()}`], isi.instansi, `NOMOR DOKUMEN: ${s.nomor}`));
  if (s.digantikan) {
    const kapan = s.digantikan.keputusanAt ? ` tanggal ${fmt.date(s.digantikan.keputusanAt)}` : '';
    content.push({ text: `DOKUMEN INI TELAH DIGANTIKAN oleh dokumen nomor ${s.digantikan.nomor}, yang diterbitkan setelah keputusan atas keberatan${kapan}.`, bold: true, color: '#b00000', margin: [0, 0, 0, 6] });
  }
  if (isi.keberatan) {
    content.push({ text: `Diterbitkan ulang setelah keputusan atas keberatan tanggal ${fmt.date(new Date(isi.keberatan.diputusAt ?? isi.tanggal))}${s.menggantikan ? `, menggantikan dokumen nomor ${s.menggantikan}` : ''}.`, bold: true, margin: [0, 0, 0, 6] });
  }

  const n = 3;
  const body: TableCell[][] = [
    [cell('UNIT KERJA', { bold: true, colSpan: 2 }), cell(isi.unitKerja)],
    [cell('PERIODE PENILAIAN', { bold: true, colSpan: 2 }), cell(periode)],
    bagian('1', 'PEGAWAI YANG DINILAI'),
    ...identitas(isi.pegawai).map(([l, v]) => baris(l, v)),
    bagian('2', 'PEJABAT PENILAI KINERJA'),
    ...identitas(isi.penilai).map(([l, v]) => baris(l, v)),
    bagian('3', 'ATASAN PEJABAT PENILAI KINERJA'),
    ...identitas(isi.atasanPenilai).map(([l, v]) => baris(l, v)),
    bagian('4', 'EVALUASI KINERJA'),
  ];
  const org = isi.organisasi;
  const orgTeks = org.predikat ? `${PREDIKAT_ORGANISASI_RESMI[org.predikat]}${org.unit ? ` (${org.unit})` : ''}${org.capaianPk ? ` · capaian Perjanjian Kinerja ${org.capaianPk}` : ''}` : 'Belum ditetapkan';
  body.push(baris('CAPAIAN KINERJA ORGANISASI', orgTeks, { bold: true }));
  // the curve and its numbers across the label and value columns
  if (org.predikat && org.distribusi) body.push([cell(''), { ...(distribusiBlok(org.predikat, org.distribusi) as object), colSpan: 2 } as TableCell]);
  body.push(baris('RATING HASIL KERJA', EKSPEKTASI_RESMI[isi.ratingHasilKerja], { bold: true }));
  body.push(baris('RATING PERILAKU KERJA', EKSPEKTASI_RESMI[isi.ratingPerilaku], { bold: true }));
  body.push(baris('PREDIKAT KINERJA PEGAWAI', PREDIKAT_RESMI[isi.predikat], { bold: true }));
  if (isi.angkaKredit !== null) body.push(baris('ANGKA KREDIT', fmt.number(Number(isi.angkaKredit))));
  body.push(bagian('5', 'CATATAN/REKOMENDASI'));
  const putusan = s.alasanKeputusan?.trim() ? `Keputusan atas keberatan: ${s.alasanKeputusan.trim()}` : null;
  const catatan = putusan && !isi.catatan.includes(putusan) ? [...isi.catatan, putusan] : isi.catatan;
  body.push([cell(''), catatan.length ? stackCell(catatan.map((c) => ({ text: c, bullet: true })), { colSpan: 2 }) : cell('-', { colSpan: 2 })]);
  content.push(table([22, 170, 578], body.map((r) => fill(r, n))));

  content.push(signatureBlock({
    tempat: isi.tempat,
    tanggal: new Date(isi.tanggal),
    kiri: { peran: 'Pegawai yang Dinilai', nama: isi.pegawai.nama, nip: isi.pegawai.nip },
    kanan: { peran: 'Pejabat Penilai Kinerja', nama: isi.penilai?.nama, nip: isi.penilai?.nip },
  }));

  // the capaian of the year, per indicator, and the feedback
  content.push({ text: 'LAMPIRAN: CAPAIAN KINERJA PEGAWAI', bold: true, fontSize: 10, alignment: 'center', pageBreak: 'before', margin: [0, 0, 0, 6] });
  const m = 8;
  const cap: TableCell[][] = [
    [head('NO'), head('RENCANA HASIL KERJA'), head('ASPEK'), head('INDIKATOR KINERJA INDIVIDU'), head('TARGET'), head('REALISASI'), head('CAPAIAN'), head('UMPAN BALIK')],
  ];
  for (const p of isi.potongan) {
    if (p.label) cap.push(sectionRow(p.label, m));
    for (const jenis of ['UTAMA', 'TAMBAHAN'] as const) {
      const list = p.rhk.filter((r) => r.jenis === jenis);
      if (!list.length) continue;
      cap.push(sectionRow(jenis === 'UTAMA' ? 'A. UTAMA' : 'B. TAMBAHAN', m));
      list.forEach((r, i) => {
        const rows = r.indikator.length ? r.indikator : [null];
        const k = rows.length;
        rows.forEach((x, j) => {
          cap.push([
            j === 0 ? cell(String(i + 1), { center: true, rowSpan: k }) : spanned,
            j === 0 ? cell(r.teks, { rowSpan: k }) : spanned,
            cell(x?.aspek ?? '-'),
            cell(x?.teks ?? '-'),
            cell(x?.target || '-'),
            cell(x ? (x.realisasi ?? 'Belum diisi') : '-'),
            cell(x?.capaian ?? '-', { center: true }),
            j === 0 ? (r.umpanBalik.length ? stackCell(r.umpanBalik.map((u) => ({ text: u })), { rowSpan: k }) : cell('-', { rowSpan: k })) : spanned,
          ]);
        });
      });
    }
  }
  if (cap.length === 1) cap.push(fill([cell('-', { center: true, colSpan: m })], m));
  content.push({ ...(table([18, 150, 44, 150, 70, 70, 56, 200], cap, 1) as object), margin: [0, 0, 0, 10] } as Content);

  const TANDA: Record<string, string> = { DI_ATAS: 'Di Atas Ekspektasi', SESUAI: 'Sesuai Ekspektasi', DI_BAWAH: 'Di Bawah Ekspektasi' };
  content.push(table([18, 200, 110, 442], [
    [head('NO'), head('PERILAKU KERJA'), head('TANDA'), head('UMPAN BALIK')],
    ...isi.perilaku.map((p, i) => [cell(String(i + 1), { center: true }), cell(p.nama, { bold: true }), cell(p.tanda ? TANDA[p.tanda] : '-'), p.umpanBalik.length ? stackCell(p.umpanBalik.map((u) => ({ text: u }))) : cell('-')]),
  ], 1));

  return renderPdf({
    title: `Dokumen Evaluasi Kinerja Pegawai ${isi.tahun} - ${isi.pegawai.nama}`,
    subject: `Dokumen evaluasi kinerja ${isi.pegawai.nip ?? ''} nomor ${s.nomor}`,
    dicetak,
    footer: `Dokumen Evaluasi Kinerja ${isi.tahun} · ${isi.pegawai.nama} (${isi.pegawai.nip ?? '-'}) · nomor ${s.nomor}, diterbitkan ${fmt.dateTime(s.diterbitkanAt)}${s.digantikan ? ` · digantikan oleh nomor ${s.digantikan.nomor}` : ''} · dicetak dari SIKAP ${fmt.dateTime(dicetak)}`,
    watermark: s.digantikan ? `DIGANTIKAN — lihat dokumen nomor ${s.digantikan.nomor}` : undefined,
    content,
  });
}

/** Everything the Penetapan Predikat Kinerja record prints (built live: penetapan-service.ts). */
export type PenetapanCetak = {
  tahun: number;
  instansi: string;
  tempat: string;
  unit: string;
  predikat: PredikatOrganisasi;
  capaianPk: string | null;
  dasar: string;
  at: Date;
  penetap: OrangDokumen | null;
  /** HR recorded the decision on behalf of an official outside the agency */
  dicatatHr: boolean;
  distribusi: Distribusi | null;
  justifikasiOleh: string | null;
  justifikasiAt: Date | null;
  /** the unit's calibration is final (its ratings locked) */
  finalAt: Date | null;
  dicetak: Date;
};

/** The record of a unit's Penetapan Predikat Kinerja as a PDF. */
export async function penetapanPdf(p: PenetapanCetak): Promise<Buffer> {
  const content: Content[] = [];
  content.push(...titleBlock(['PENETAPAN PREDIKAT KINERJA', 'ORGANISASI DAN POLA DISTRIBUSI PREDIKAT KINERJA PEGAWAI', `TAHUN ${p.tahun}`], p.instansi, `UNIT KERJA: ${p.unit}`));
  const rows: [string, string][] = [
    ['UNIT KERJA', p.unit],
    ['PREDIKAT KINERJA ORGANISASI', PREDIKAT_ORGANISASI_RESMI[p.predikat]],
    ['CAPAIAN PERJANJIAN KINERJA', p.capaianPk ?? '-'],
    ['DASAR PENETAPAN', p.dasar || '-'],
    ['DITETAPKAN OLEH', p.penetap ? `${p.penetap.nama}${p.penetap.jabatan ? `, ${p.penetap.jabatan}` : ''}${p.dicatatHr ? ' (dicatat oleh admin kepegawaian atas nama pejabat)' : ''}` : '-'],
    ['TANGGAL PENETAPAN', fmt.date(p.at)],
    ['STATUS KALIBRASI', p.finalAt ? `Final sejak ${fmt.date(p.finalAt)}` : 'Belum final'],
  ];
  content.push({ ...(table([22, 200, 548], rows.map(([l, v], i) => [cell(String(i + 1), { center: true }), cell(l, { bold: true }), cell(v)])) as object), margin: [0, 0, 0, 10] } as Content);
  if (p.distribusi) {
    content.push(distribusiBlok(p.predikat, p.distribusi));
    if (p.distribusi.justifikasi && (p.justifikasiOleh || p.justifikasiAt)) content.push({ text: `Justifikasi ditulis oleh ${p.justifikasiOleh ?? '-'}${p.justifikasiAt ? ` pada ${fmt.date(p.justifikasiAt)}` : ''}.`, margin: [0, 2, 0, 0] });
  } else content.push({ text: 'Belum ada pegawai yang dihitung dalam pola distribusi unit ini.' });
  content.push(signatureBlock({ tempat: p.tempat, tanggal: p.at, kanan: { peran: 'Yang Menetapkan', nama: p.penetap?.nama, nip: p.penetap?.nip } }));
  return renderPdf({
    title: `Penetapan Predikat Kinerja ${p.tahun} - ${p.unit}`,
    subject: `Penetapan predikat kinerja organisasi ${p.unit}`,
    dicetak: p.dicetak,
    footer: `Penetapan Predikat Kinerja ${p.tahun} · ${p.unit} · dicetak dari SIKAP ${fmt.dateTime(p.dicetak)}`,
    content,
  });
}
