import type { Tx } from '../../../db/client.js';
import { sqlOn } from '../../../db/sql.js';
import type { DokumenEvaluasi } from '../../../../prisma/generated/client.js';
import { Refused } from '../../../errors.js';
import { audit } from '../../audit/service.js';
import { bacaIsiDokumen } from './isi.js';
import { labelPengguna } from './queries.js';

// Issuing the Dokumen Evaluasi Kinerja (docs/domain/dokumen-evaluasi.md). A FINAL evaluation's
// document is issued the first time it is needed (number 1), from the evaluation as it stands:
// until an objection's decision nothing it reads can change. A decision that changes a rating
// first makes sure the document as it was exists, then marks it superseded and issues the next
// number from the changed evaluation, all in the decision's transaction. Every issue is audited.

/** The current document of a FINAL evaluation, issued now when there is none yet. */
export async function pastikanDokumen(tx: Tx, evaluasiId: number, userId: number | null): Promise<DokumenEvaluasi> {
  // one issuer at a time per evaluation: a second reader waits here and then finds the first's row
  const ev = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM evaluasi_tahunan WHERE id = ${evaluasiId} FOR UPDATE`;
  if (ev[0]?.status !== 'FINAL') throw new Refused('dokumen.belumFinal');
  const now = await tx.dokumenEvaluasi.findFirst({ where: { evaluasiId, digantikanAt: null } });
  if (now) return now;
  return issue(tx, evaluasiId, 1, null, userId);
}

/** After a decision changed the evaluation (in `tx`): the current document superseded, the next issued. */
export async function terbitkanUlang(tx: Tx, evaluasiId: number, keberatanId: number, userId: number | null): Promise<DokumenEvaluasi> {
  const current = await pastikanDokumen(tx, evaluasiId, userId);
  await tx.dokumenEvaluasi.update({ where: { id: current.id }, data: { digantikanAt: new Date() } });
  return issue(tx, evaluasiId, current.nomor + 1, keberatanId, userId, current.nomor);
}

async function issue(tx: Tx, evaluasiId: number, nomor: number, keberatanId: number | null, userId: number | null, menggantikan: number | null = null) {
  const e = await tx.evaluasiTahunan.findUniqueOrThrow({ where: { id: evaluasiId }, select: { siklusId: true, pegawaiId: true } });
  const isi = await bacaIsiDokumen(tx, evaluasiId, { keberatanId });
  const row = await tx.dokumenEvaluasi.create({
    data: { siklusId: e.siklusId, pegawaiId: e.pegawaiId, evaluasiId, nomor, isi, keberatanId, diterbitkanOlehUserId: userId },
  });
  await audit(tx, userId === null ? null : { userId, label: await labelPengguna(sqlOn(tx), userId) }, {
    aksi: 'dokumenEvaluasi.issue',
    entitas: 'dokumen_evaluasi',
    entitasId: row.id,
    after: { evaluasiId, siklusId: e.siklusId, pegawaiId: e.pegawaiId, nomor, keberatanId, menggantikan, predikat: isi.predikat, ratingHasilKerja: isi.ratingHasilKerja, ratingPerilaku: isi.ratingPerilaku },
  });
  return row;
}
