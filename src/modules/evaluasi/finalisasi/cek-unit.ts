import type { Sql } from '../../../db/sql.js';
import { cekDistribusi, type CekDistribusi, type PredikatOrganisasi } from '../../../domain/scoring/distribusi.js';
import { parsePolicy } from '../../../domain/scoring/policy.js';
import { barisCakupan, predikatOrganisasiUnit, type BarisCakupan } from '../cakupan.js';
import { justifikasiUnit, siklusKebijakan } from './queries.js';

// ADAPTER — to be replaced by the calibration part's `cekUnit(db, siklusId, unitId)`
// (src/modules/evaluasi/kalibrasi/service.ts) once merged: same result shape as the shared
// contract ({predikatOrganisasi|null, cek, baris, justifikasi|null}). Finalisation calls only
// `cekUnitFinalisasi` below, so the swap is this one file. Until then it builds the check itself
// from the shared reads (barisCakupan, predikatOrganisasiUnit) and the pure cekDistribusi under
// the cycle's stored policy. `cek` is null when the unit has no organisation predikat (nothing to
// check against).

export type CekUnit = {
  predikatOrganisasi: PredikatOrganisasi | null;
  cek: CekDistribusi<number> | null;
  baris: BarisCakupan[];
  justifikasi: string | null;
};

export async function cekUnitFinalisasi(q: Sql, siklusId: number, unitId: number): Promise<CekUnit> {
  const [baris, org, siklus, ku] = await Promise.all([
    barisCakupan(q, siklusId, unitId),
    predikatOrganisasiUnit(q, siklusId, unitId),
    siklusKebijakan(q, siklusId),
    justifikasiUnit(q, siklusId, unitId),
  ]);
  const policy = parsePolicy(siklus?.policy);
  // the people with a predikat that counts (an unconfirmed, withheld suggestion has none; it blocks finalisation on its own)
  const dinilai = baris.filter((b) => b.predikat !== null).map((b) => ({ id: b.pegawaiId, nama: b.nama, predikat: b.predikat! }));
  return {
    predikatOrganisasi: org?.predikat ?? null,
    cek: org ? cekDistribusi(org.predikat, dinilai, policy) : null,
    baris,
    justifikasi: ku?.justifikasi?.trim() ? ku.justifikasi : null,
  };
}
