import { Router } from 'express';
import type { Db } from '../../db/client.js';
import { requireLogin } from '../../web/auth.js';
import { skpPdf, tempatDari } from './pdf.js';
import { getSkp, skpDocument } from './service.js';
import { idParam } from '../../web/params.js';


/** Printing: the SKP as a PDF in the official layout, for anyone who may see the SKP. */
export function cetakRoutes({ db }: { db: Db }): Router {
  const r = Router();

  r.get('/skp/:id/cetak.pdf', requireLogin, async (req, res) => {
    const skp = await getSkp(db, req.user!, idParam(req.params.id)); // scoped: others get 404
    const rootId = Number(skp.pegawai.unit.path.split('/').filter(Boolean)[0] ?? skp.pegawai.unitId);
    const root = await db.prisma.unitKerja.findUnique({ where: { id: rootId }, select: { nama: true } });
    const instansi = root?.nama ?? skp.pegawai.unit.nama;
    const doc = await skpDocument(db.prisma, skp.id);
    const nip = (doc.snapshot as { pegawai?: { nip?: string } } | null)?.pegawai?.nip ?? skp.pegawai.nip;
    const pdf = await skpPdf(doc, {
      tahun: skp.siklus.tahun,
      instansi,
      tempat: tempatDari(instansi),
      tanggal: skp.disetujuiAt ?? new Date(),
      status: skp.status,
      dicetak: new Date(),
    });
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="SKP-${skp.siklus.tahun}-${nip.replace(/\D/g, '')}.pdf"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    });
    res.end(pdf);
  });

  return r;
}
