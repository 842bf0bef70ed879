import type { Sql } from '../../../db/sql.js';
import type { CekDistribusi, PredikatOrganisasi } from '../../../domain/scoring/distribusi.js';
import { barisCakupan, type BarisCakupan } from '../cakupan.js';
import { cekUnit } from '../kalibrasi/service.js';

// What finalisation reads of a unit's calibration (docs/domain/finalisasi.md): the calibration
// part's `cekUnit` (src/modules/evaluasi/kalibrasi/service.ts), seen as finalisation needs it. A
// justification counts only while it still answers every violation there is now (`sesuai`: the
// same rules broken; the numbers may have moved); one written for other violations is none. A
// unit without an organisation predikat has no check (`cek` null), but its people still count for
// "every rating confirmed", so they are read here.

export type CekUnit = {
  predikatOrganisasi: PredikatOrganisasi | null;
  cek: CekDistribusi<number> | null;
  baris: BarisCakupan[];
  justifikasi: string | null;
};

export async function cekUnitFinalisasi(q: Sql, siklusId: number, unitId: number): Promise<CekUnit> {
  const c = await cekUnit({ sql: q }, siklusId, unitId);
  return {
    predikatOrganisasi: c.predikatOrganisasi,
    cek: c.cek,
    baris: c.predikatOrganisasi ? c.baris : await barisCakupan(q, siklusId, unitId),
    justifikasi: c.justifikasi?.sesuai && c.justifikasi.teks.trim() ? c.justifikasi.teks : null,
  };
}
