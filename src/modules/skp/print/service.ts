import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../domain/access.js';
import { NotFound } from '../../../errors.js';
import { getSkp, skpDocument } from '../service.js';
import { dokumen } from '../versions/service.js';
import { skpPdf, tempatDari } from './pdf.js';

/** The agency an employee's unit belongs to, as the official forms name it: the root of the unit tree. */
export async function instansiOf(db: Db, unit: { id: number; path: string; nama: string }): Promise<string> {
  const rootId = Number(unit.path.split('/').filter(Boolean)[0] ?? unit.id);
  const root = await db.prisma.unitKerja.findUnique({ where: { id: rootId }, select: { nama: true } });
  return root?.nama ?? unit.nama;
}

/**
 * The SKP as a PDF in the official layout, for anyone who may see it (others: 404). An approved
 * SKP prints the version that was signed, exactly as it was frozen (its BerAKHLAK statements
 * among it), and `revisi` prints an earlier approved version; anything else prints the working
 * copy, dated the day it is printed (docs/domain/skp.md § Print).
 */
export async function skpPdfFor(db: Db, actor: Actor, skpId: number, revisi?: number): Promise<{ pdf: Buffer; filename: string }> {
  const skp = await getSkp(db, actor, skpId);
  const instansi = await instansiOf(db, skp.pegawai.unit);
  const signed = revisi ?? (skp.status === 'DISETUJUI' ? skp.revisi : null);
  const versi = signed === null ? null : await dokumen(db, skp, signed).catch((e: unknown) => {
    // an approved SKP whose version is missing (data changed outside the workflow) prints its working copy
    if (e instanceof NotFound && revisi === undefined) return null;
    throw e;
  });
  const doc = versi?.doc ?? (await skpDocument(db.prisma, skp));
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
  const suffix = revisi === undefined ? '' : `-revisi-${revisi}`;
  return { pdf, filename: `SKP-${skp.siklus.tahun}-${nip.replace(/\D/g, '')}${suffix}.pdf` };
}
