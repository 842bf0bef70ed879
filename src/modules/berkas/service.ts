import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Tx } from '../../db/client.js';
import { Refused } from '../../errors.js';
import type { BerkasStore } from '../../storage/berkas-store.js';

// Stored files (model Berkas): the signed document of a decision HR records for an official
// outside the agency, and later the evidence of periodic reports. The type is decided by the
// content (file-type reads the magic bytes), never by the name or the browser's claim, and only
// the kinds a caller allows are kept. Who may read a file is decided by the record it belongs
// to: a route loads that record through its scope, then reads the file with readBerkas.

/** PDF and the common image types: what a scanned, signed document arrives as. */
export const DOKUMEN_TANDA_TANGAN = ['application/pdf', 'image/png', 'image/jpeg'] as const;

export type BerkasUpload = { nama: string; bytes: Buffer };
export type StoredBerkas = { kunci: string; nama: string; mime: string; ukuran: number; sha256: string };

/**
 * Evidence of work (bukti dukung of a periodic report, a progress note's file): PDF, the common
 * images, and office documents — OOXML (DOCX, XLSX, PPTX), the older OLE files (DOC, XLS, PPT:
 * file-type names them all application/x-cfb) and OpenDocument text and spreadsheets. Never SVG
 * (it can carry script), HTML or anything executable, whatever the name says
 * (docs/domain/laporan.md § Evidence).
 */
export const BUKTI_DUKUNG = [
  'application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/x-cfb',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet',
] as const;

/** The type by content (refused when not one of `allowed`) and the SHA-256 of the bytes. */
async function checkBerkas(file: BerkasUpload | null, allowed: readonly string[], field: string, typeKey = 'berkas.typeNotAllowed') {
  if (!file || file.bytes.length === 0) throw new Refused('berkas.required', { field });
  const type = await fileTypeFromBuffer(file.bytes);
  if (!type || !allowed.includes(type.mime)) throw new Refused(typeKey, { field, nama: file.nama });
  return { file, type, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

async function writeChecked(store: BerkasStore, c: Awaited<ReturnType<typeof checkBerkas>>): Promise<StoredBerkas> {
  const now = new Date();
  const kunci = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
  await store.put(kunci, c.file.bytes);
  const nama = (c.file.nama.replace(/[\u0000-\u001f\\/]/g, '').trim() || `berkas.${c.type.ext}`).slice(0, 255);
  return { kunci, nama, mime: c.type.mime, ukuran: c.file.bytes.length, sha256: c.sha256 };
}

/**
 * Checks the content and writes the bytes to the store (before the database transaction, so
 * no transaction waits on the disk). Refused with `field` when there is no file or its content
 * is not one of `allowed`. Call dropBerkas when the write that was to link it fails.
 */
export async function putBerkas(store: BerkasStore, file: BerkasUpload | null, allowed: readonly string[], field: string): Promise<StoredBerkas> {
  return writeChecked(store, await checkBerkas(file, allowed, field));
}

/** Stored bytes and the row to link: an existing row (the same content stored before), or new bytes whose row is still to be written. */
export type BerkasSekali = { berkasId: number; stored: null } | { berkasId: null; stored: StoredBerkas };

/**
 * Like putBerkas, but content already stored (the same SHA-256 and size) is stored once: the
 * existing row is linked again and no bytes are written. Who may read it is still decided by
 * each record that links it. Finish with linkBerkas inside the transaction.
 */
/** `typeKey`: the message of a refused kind of content (naming what is allowed). */
export async function putBerkasSekali(prisma: Pick<Tx, 'berkas'>, store: BerkasStore, file: BerkasUpload | null, allowed: readonly string[], field: string, typeKey?: string): Promise<BerkasSekali> {
  const c = await checkBerkas(file, allowed, field, typeKey);
  const same = await prisma.berkas.findFirst({ where: { sha256: c.sha256, ukuran: c.file.bytes.length, mime: c.type.mime }, orderBy: { id: 'asc' }, select: { id: true } });
  if (same) return { berkasId: same.id, stored: null };
  return { berkasId: null, stored: await writeChecked(store, c) };
}

/** The id of the row to link, writing the new row inside the caller's transaction when the bytes are new. */
export const linkBerkas = async (tx: Tx, b: BerkasSekali, olehUserId: number): Promise<number> => b.berkasId ?? (await recordBerkas(tx, b.stored, olehUserId)).id;

/** Removes new bytes whose database write failed (nothing when an existing row was linked). */
export const dropBerkasSekali = (store: BerkasStore, b: BerkasSekali | null): Promise<void> => (b?.stored ? dropBerkas(store, b.stored) : Promise.resolve());

/** The Berkas row of stored bytes, inside the caller's transaction. */
export const recordBerkas = (tx: Tx, stored: StoredBerkas, olehUserId: number) => tx.berkas.create({ data: { ...stored, olehUserId } });

/** Removes stored bytes whose database write failed (best effort: an orphan file harms no one). */
export const dropBerkas = (store: BerkasStore, stored: StoredBerkas): Promise<void> => store.remove(stored.kunci).catch(() => undefined);

/** The bytes of a Berkas the caller has already found the actor allowed to read. */
export async function readBerkas(store: BerkasStore, berkas: { kunci: string; nama: string; mime: string }) {
  const bytes = await store.get(berkas.kunci);
  return bytes ? { bytes, nama: berkas.nama, mime: berkas.mime } : null;
}
