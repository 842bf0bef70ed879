import { NILAI_BERAKHLAK } from '../../../domain/berakhlak.js';
import { formatters } from '../../../i18n/index.js';
import { berakhlakDari, JENIS_LAMPIRAN, JENIS_RHK, LABEL_RESMI, parseIdentitas, usesJptForm, type IndikatorDokumen, type RhkDokumen, type SkpDokumen } from '../../../domain/skp-document.js';
import { cell, columnNumbers, fill, head, identityTable, periodePenilaian, renderPdf, sectionRow, signatureBlock, spanned, stackCell, table, titleBlock, type Content, type TableCell } from '../../../export/pdf.js';
import { formatTarget } from '../service.js';

// The SKP printed in the official layout (docs/domain/skp.md § Print; PermenPANRB 6/2022 forms): title
// block, identity table, HASIL KERJA, PERILAKU KERJA, signatures, then the LAMPIRAN page.
// Laid out with the project's PDF engine (src/export/pdf.ts): its tables repeat their header rows
// on every page and split a row (an RHK with its indicators) that does not fit.

export type CetakHeader = {
  tahun: number;
  /** Name of the agency (the root of the unit tree). */
  instansi: string;
  /** Place printed before the signing date. */
  tempat: string;
  /** Signing date: when the SKP was approved, else the print date. */
  tanggal: Date;
  status: string;
  dicetak: Date;
  /** The SKP's own period (a move splits a year: docs/domain/mutasi.md). */
  periodeAwal: Date;
  periodeAkhir: Date;
};

const STATUS: Record<string, string> = { DRAFT: 'Draf (belum diajukan)', DIAJUKAN: 'Diajukan (menunggu persetujuan)', DIKEMBALIKAN: 'Dikembalikan untuk perbaikan', DISETUJUI: 'Disetujui' };

/** "Kabupaten Sukamaju" → "Sukamaju": the place name of a regional agency, else the agency. */
export function tempatDari(instansi: string): string {
  const m = /\b(?:Kabupaten|Kota|Provinsi)\s+(.+)$/i.exec(instansi.trim());
  return (m ? m[1]! : instansi).trim();
}

/** Across every page of an SKP that is not approved: it is a draft, whatever page is shown alone. */
const DRAFT_MARK = 'DRAF — BELUM DISETUJUI';

/** An RHK with its indicators: the RHK's cells span its indicator rows. */
function rhkRows(n: number, spans: Map<number, TableCell>, rows: TableCell[][]): TableCell[][] {
  const k = Math.max(1, rows.length);
  const lines = rows.length ? rows : [[]];
  return lines.map((r, i) => {
    const out: TableCell[] = [];
    let sub = 0;
    for (let col = 0; col < n; col++) {
      const s = spans.get(col);
      if (s) out.push(i === 0 ? { ...(s as object), rowSpan: k } as TableCell : spanned);
      else out.push(r[sub++] ?? cell('-'));
    }
    return out;
  });
}

/** The SKP as a PDF in the official layout. */
export async function skpPdf(skp: SkpDokumen, h: CetakHeader): Promise<Buffer> {
  const s = parseIdentitas(skp.snapshot);
  const jpt = usesJptForm(skp);
  const num = formatters('id').number;
  const fmt = formatters('id');
  const periode = periodePenilaian(h.periodeAwal, h.periodeAkhir);
  const content: Content[] = [];

  content.push(...titleBlock(['SASARAN KINERJA PEGAWAI', `PENDEKATAN HASIL KERJA ${skp.pendekatan === 'KUALITATIF' ? 'KUALITATIF' : 'KUANTITATIF'}`, jpt ? 'BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI' : 'BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL'], h.instansi, periode));
  const pn = s.penilai;
  // an appraiser outside the agency: the snapshot holds their own instansi
  content.push(identityTable(s.pegawai, pn, jpt
    ? { baris5: 'INSTANSI', unitPegawai: h.instansi, unitPenilai: pn && !pn.luar ? h.instansi : pn?.unit, nipPenilaiKosong: '(*opsional)' }
    : {}));

  // HASIL KERJA
  const rhkTeks = (r: RhkDokumen) => (r.penugasanDari ? `${r.teks} (penugasan dari ${r.penugasanDari})` : r.teks);
  const target = (i: IndikatorDokumen) => formatTarget(i, (n) => num(n));
  const n = jpt ? 5 : 6;
  const body: TableCell[][] = jpt
    ? [fill([head('HASIL KERJA', 5)], 5), [head('NO'), head('RENCANA HASIL KERJA'), head('INDIKATOR KINERJA INDIVIDU'), head('TARGET'), head('PERSPEKTIF')], columnNumbers(5)]
    : [fill([head('HASIL KERJA', 6)], 6), [head('NO'), head('RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI'), head('RENCANA HASIL KERJA'), head('ASPEK'), head('INDIKATOR KINERJA INDIVIDU'), head('TARGET')], columnNumbers(6)];
  for (const jenis of JENIS_RHK) {
    body.push(sectionRow(LABEL_RESMI.jenisRhk[jenis], n));
    const list = skp.rhk.filter((r) => r.jenis === jenis);
    if (!list.length) body.push(fill([cell('-', { center: true, colSpan: n })], n));
    list.forEach((r, i) => {
      const ind = r.indikator;
      body.push(...(jpt
        ? rhkRows(5, new Map([[0, cell(String(i + 1), { center: true })], [1, cell(rhkTeks(r))], [4, cell(r.perspektif ? LABEL_RESMI.perspektif[r.perspektif] : '-')]]), ind.map((x) => [cell(x.teks), cell(target(x))]))
        : rhkRows(6, new Map([[0, cell(String(i + 1), { center: true })], [1, cell(r.rhkAtasan ?? '-')], [2, cell(rhkTeks(r))]]), ind.map((x) => [cell(LABEL_RESMI.aspek[x.aspek]), cell(x.teks), cell(target(x))]))));
    });
  }
  content.push({ ...(table(jpt ? [22, 250, 270, 110, 118] : [22, 160, 175, 58, 240, 115], body, 3) as object), margin: [0, 0, 0, 10] } as Content);

  // PERILAKU KERJA
  const berakhlak = berakhlakDari(skp); // the statements the version was signed with
  content.push(table([22, 430, 318], [
    fill([head('PERILAKU KERJA', 3)], 3),
    ...NILAI_BERAKHLAK.map((k, i) => [
      cell(String(i + 1), { center: true }),
      stackCell([{ text: berakhlak[k].nama, bold: true }, ...berakhlak[k].perilaku.map((t) => ({ text: t, bullet: true }))]),
      stackCell([{ text: 'Ekspektasi Khusus Pimpinan:', bold: true }, { text: skp.ekspektasi[k]?.trim() || '-' }]),
    ]),
  ], 1));
  const sign = () => signatureBlock({ tempat: h.tempat, tanggal: h.tanggal, kiri: { peran: 'Pegawai yang Dinilai', nama: s.pegawai.nama, nip: s.pegawai.nip }, kanan: { peran: 'Pejabat Penilai Kinerja', nama: pn?.nama, nip: pn?.nip } });
  content.push(sign());

  // LAMPIRAN
  content.push({ text: '', pageBreak: 'after' });
  content.push(...titleBlock(['LAMPIRAN SASARAN KINERJA PEGAWAI'], h.instansi, periode));
  const lamp: TableCell[][] = [];
  for (const jenis of JENIS_LAMPIRAN) {
    lamp.push(sectionRow(LABEL_RESMI.lampiran[jenis], 2));
    const items = skp.lampiran.filter((l) => l.jenis === jenis);
    if (!items.length) lamp.push([cell('-', { center: true }), cell('-')]);
    items.forEach((l, i) => lamp.push([cell(String(i + 1), { center: true }), cell(l.teks)]));
  }
  content.push(table([22, 748], lamp));
  content.push(sign());

  content.push(...rencanaAksiPage(skp, h, periode, target));
  return renderPdf({
    title: `Sasaran Kinerja Pegawai ${h.tahun} - ${s.pegawai.nama}`,
    subject: `SKP ${s.pegawai.nip}`,
    dicetak: h.dicetak,
    footer: `SKP ${h.tahun} · ${s.pegawai.nama} (${s.pegawai.nip}) · revisi ${skp.revisi} · status: ${STATUS[h.status] ?? h.status} · dicetak dari SIKAP ${fmt.dateTime(h.dicetak)}`,
    watermark: h.status === 'DISETUJUI' ? undefined : DRAFT_MARK,
    content,
  });
}

/**
 * Rencana aksi and period targets: not columns of the official SKP form or its lampiran
 * (docs/domain/skp.md § Rencana aksi and period targets), so they follow on a sheet of their
 * own, after the signed pages, and only when the SKP has any.
 */
function rencanaAksiPage(skp: SkpDokumen, h: CetakHeader, periode: string, target: (i: IndikatorDokumen) => string): Content[] {
  // a document built by hand (tests, older callers) may lack the period parts: none then
  const aksiOf = (r: RhkDokumen) => r.rencanaAksi ?? [];
  const tpOf = (i: IndikatorDokumen) => i.targetPeriode ?? [];
  const has = skp.rhk.some((r) => aksiOf(r).length || r.indikator.some((i) => tpOf(i).length));
  if (!has) return [];
  const list = skp.periode ?? [];
  const nama = new Map(list.map((x) => [x.id, x.nama]));
  const periodeIds = list.length ? list.map((x) => x.id) : [...new Set(skp.rhk.flatMap((r) => [...aksiOf(r).map((a) => a.periodeId), ...r.indikator.flatMap((i) => tpOf(i).map((t) => t.periodeId))]))];
  const body: TableCell[][] = [[head('NO'), head('RENCANA HASIL KERJA'), head('PERIODE'), head('RENCANA AKSI'), head('TARGET PERIODE')]];
  for (const jenis of JENIS_RHK) {
    const rhk = skp.rhk.filter((r) => r.jenis === jenis);
    if (!rhk.length) continue;
    body.push(sectionRow(LABEL_RESMI.jenisRhk[jenis], 5));
    rhk.forEach((r, n) => {
      const rows = periodeIds
        .map((pid) => {
          const aksi = aksiOf(r).filter((a) => a.periodeId === pid);
          const targets = r.indikator.map((i, k) => ({ k, i, tp: tpOf(i).find((x) => x.periodeId === pid) })).filter((x) => x.tp);
          if (!aksi.length && !targets.length) return null;
          return [
            cell(nama.get(pid) ?? '-'),
            aksi.length ? stackCell(aksi.map((a) => ({ text: a.teks, bullet: true }))) : cell('-'),
            targets.length ? stackCell(targets.map((x) => ({ text: `IKI ${x.k + 1}: ${target({ ...x.i, ...x.tp! })}` }))) : cell('-'),
          ];
        })
        .filter((x): x is TableCell[] => x !== null);
      if (!rows.length) rows.push([cell('-'), cell('-'), cell('-')]);
      body.push(...rhkRows(5, new Map([[0, cell(String(n + 1), { center: true })], [1, cell(r.teks)]]), rows));
    });
  }
  return [
    { text: '', pageBreak: 'after' },
    ...titleBlock(['RENCANA AKSI DAN TARGET PERIODIK', 'LAMPIRAN PENDUKUNG SASARAN KINERJA PEGAWAI'], h.instansi, periode),
    table([22, 200, 80, 268, 200], body, 1),
  ];
}
