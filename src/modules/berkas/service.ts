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
 * Checks the content and writes the bytes to the store (before the database transaction, so
 * no transaction waits on the disk). Refused with `field` when there is no file or its content
 * is not one of `allowed`. Call dropBerkas when the write that was to link it fails.
 */
export async function putBerkas(store: BerkasStore, file: BerkasUpload | null, allowed: readonly string[], field: string): Promise<StoredBerkas> {
  if (!file || file.bytes.length === 0) throw new Refused('berkas.required', { field });
  const type = await fileTypeFromBuffer(file.bytes);
  if (!type || !allowed.includes(type.mime)) throw new Refused('berkas.typeNotAllowed', { field, nama: file.nama });
  const now = new Date();
  const kunci = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
  await store.put(kunci, file.bytes);
  const nama = (file.nama.replace(/[\u0000-\u001f\\/]/g, '').trim() || `berkas.${type.ext}`).slice(0, 255);
  return { kunci, nama, mime: type.mime, ukuran: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}

/** The Berkas row of stored bytes, inside the caller's transaction. */
export const recordBerkas = (tx: Tx, stored: StoredBerkas, olehUserId: number) => tx.berkas.create({ data: { ...stored, olehUserId } });

/** Removes stored bytes whose database write failed (best effort: an orphan file harms no one). */
export const dropBerkas = (store: BerkasStore, stored: StoredBerkas): Promise<void> => store.remove(stored.kunci).catch(() => undefined);

/** The bytes of a Berkas the caller has already found the actor allowed to read. */
export async function readBerkas(store: BerkasStore, berkas: { kunci: string; nama: string; mime: string }) {
  const bytes = await store.get(berkas.kunci);
  return bytes ? { bytes, nama: berkas.nama, mime: berkas.mime } : null;
}
