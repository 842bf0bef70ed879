import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../domain/access.js';
import { NotFound } from '../../../errors.js';
import { parseDokumen } from '../../../domain/skp-document.js';
import { getSkp, skpDocument } from '../service.js';
import { skpPdf, tempatDari } from './pdf.js';

/**
 * The SKP as a PDF in the official layout, for anyone who may see it (others: 404): the working
 * copy, or with `revisi` an approved version exactly as it was frozen (who signed it, when).
 */
export async function skpPdfFor(db: Db, actor: Actor, skpId: number, revisi?: number): Promise<{ pdf: Buffer; filename: string }> {
  const skp = await getSkp(db, actor, skpId);
  const versi = revisi === undefined ? null : await db.prisma.skpVersi.findUnique({ where: { skpId_revisi: { skpId: skp.id, revisi } } });
  if (revisi !== undefined && !versi) throw new NotFound();
  const rootId = Number(skp.pegawai.unit.path.split('/').filter(Boolean)[0] ?? skp.pegawai.unitId);
  const root = await db.prisma.unitKerja.findUnique({ where: { id: rootId }, select: { nama: true } });
  const instansi = root?.nama ?? skp.pegawai.unit.nama;
  const doc = versi ? parseDokumen(versi.data) : await skpDocument(db.prisma, skp);
  const nip = doc.snapshot?.pegawai.nip || skp.pegawai.nip;
  const pdf = await skpPdf(doc, {
    tahun: skp.siklus.tahun,
    instansi,
    tempat: tempatDari(instansi),
    tanggal: versi?.disetujuiAt ?? skp.disetujuiAt ?? new Date(),
    status: versi ? 'DISETUJUI' : skp.status,
    dicetak: new Date(),
    periodeAwal: skp.periodeAwal,
    periodeAkhir: skp.periodeAkhir,
  });
  const suffix = versi ? `-revisi-${versi.revisi}` : '';
  return { pdf, filename: `SKP-${skp.siklus.tahun}-${nip.replace(/\D/g, '')}${suffix}.pdf` };
}
