import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../domain/access.js';
import { getSkp, skpDocument } from '../service.js';
import { skpPdf, tempatDari } from './pdf.js';

/** The SKP as a PDF in the official layout, for anyone who may see it (others: 404). */
export async function skpPdfFor(db: Db, actor: Actor, skpId: number): Promise<{ pdf: Buffer; filename: string }> {
  const skp = await getSkp(db, actor, skpId);
  const rootId = Number(skp.pegawai.unit.path.split('/').filter(Boolean)[0] ?? skp.pegawai.unitId);
  const root = await db.prisma.unitKerja.findUnique({ where: { id: rootId }, select: { nama: true } });
  const instansi = root?.nama ?? skp.pegawai.unit.nama;
  const doc = await skpDocument(db.prisma, skp);
  const nip = (doc.snapshot as { pegawai?: { nip?: string } } | null)?.pegawai?.nip ?? skp.pegawai.nip;
  const pdf = await skpPdf(doc, {
    tahun: skp.siklus.tahun,
    instansi,
    tempat: tempatDari(instansi),
    tanggal: skp.disetujuiAt ?? new Date(),
    status: skp.status,
    dicetak: new Date(),
  });
  return { pdf, filename: `SKP-${skp.siklus.tahun}-${nip.replace(/\D/g, '')}.pdf` };
}
