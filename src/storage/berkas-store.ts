import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

// Where stored files (berkas) keep their bytes: one small interface, so a local folder (the
// default, BERKAS_DIR) can later be swapped for an S3-compatible store when several instances
// serve. The database row (model Berkas) holds the name, type, size, hash and the key; the store
// only maps a key to bytes and decides nothing about who may read them (the feature that links
// a file does: docs/domain/penilai.md § Officials outside the agency).

export interface BerkasStore {
  put(kunci: string, bytes: Buffer): Promise<void>;
  /** The bytes under `kunci`, or null when there are none. */
  get(kunci: string): Promise<Buffer | null>;
  /** Removes the bytes (a file stored for a write that then failed); a missing key is no error. */
  remove(kunci: string): Promise<void>;
}

/** Keys are ours (see newKunci): lowercase letters, digits, dashes and slashes, never "..". */
const KEY = /^[a-z0-9][a-z0-9/-]{0,199}$/;

/** A store in a local folder: each key a file below `dir`. */
export function localBerkasStore(dir: string): BerkasStore {
  const root = resolve(dir);
  const pathOf = (kunci: string) => {
    const p = resolve(root, kunci);
    if (!KEY.test(kunci) || kunci.includes('..') || !p.startsWith(root + sep)) throw new Error(`not a storage key: ${kunci}`);
    return p;
  };
  return {
    async put(kunci, bytes) {
      const p = pathOf(kunci);
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, bytes, { flag: 'wx' }); // a key is never overwritten
    },
    async get(kunci) {
      try {
        return await readFile(pathOf(kunci));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async remove(kunci) {
      await rm(pathOf(kunci), { force: true });
    },
  };
}
