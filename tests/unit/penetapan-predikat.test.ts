import { describe, expect, it } from 'vitest';
import { penetapPredikat, type UnitPenetapan } from '../../src/domain/scoring/penetapan.js';

// Who sets a unit's Predikat Kinerja Organisasi (PermenPANRB 6/2022 Pasal 24: by the organisation
// above; SE MenPANRB 3/2023; docs/domain/kalibrasi.md § Who sets a unit's predikat).

const plh = (jabatanId: number) => ({ id: 9, jenis: 'PLH' as const, nomorSk: '800/1/2026', jabatanId });
const who = (o: { pegawaiId?: number | null; pejabatLuarId?: number | null; isAdmin?: boolean; delegasi?: ReturnType<typeof plh>[] } = {}) => ({
  pegawaiId: o.pegawaiId === undefined ? 1 : o.pegawaiId, pejabatLuarId: o.pejabatLuarId ?? null, isAdmin: o.isAdmin ?? false, delegasi: o.delegasi ?? [],
});
// a unit headed by post 20 under a parent headed by post 10; the agency headed by post 10, appraised by official 7
const UNIT: UnitPenetapan = { parentId: 1, kepalaJabatanId: 20, kepalaIndukJabatanId: 10, penilaiLuarKepalaId: null };
const AKAR: UnitPenetapan = { parentId: null, kepalaJabatanId: 10, kepalaIndukJabatanId: null, penilaiLuarKepalaId: 7 };

describe('penetapPredikat (PermenPANRB 6/2022 Pasal 24; SE MenPANRB 3/2023)', () => {
  it.each([
    ['the holder of the parent\'s head post', who(), 10, UNIT, 'pimpinan'],
    ['a Plh of the parent\'s head post', who({ delegasi: [plh(10)] }), 55, UNIT, 'pimpinan'],
    ['the unit\'s own head', who(), 20, UNIT, null],
    ['a Plh of the parent\'s head who heads the unit', who({ delegasi: [plh(10)] }), 20, UNIT, null],
    ['the parent\'s head who is also Plh of the unit\'s head', who({ delegasi: [plh(20)] }), 10, UNIT, null],
    ['another employee', who(), 30, UNIT, null],
    ['HR, for a unit with a parent', who({ pegawaiId: null, isAdmin: true }), null, UNIT, null],
    ['an official outside the agency, for a unit with a parent', who({ pegawaiId: null, pejabatLuarId: 7 }), null, UNIT, null],
    ['a unit whose parent has no head post', who(), 10, { ...UNIT, kepalaIndukJabatanId: null }, null],
    ['the official who appraises the agency\'s head', who({ pegawaiId: null, pejabatLuarId: 7 }), null, AKAR, 'luar'],
    ['another official outside the agency', who({ pegawaiId: null, pejabatLuarId: 8 }), null, AKAR, null],
    ['HR on the official\'s behalf', who({ pegawaiId: null, isAdmin: true }), null, AKAR, 'atasNama'],
    ['HR, when no official appraises the agency\'s head', who({ pegawaiId: null, isAdmin: true }), null, { ...AKAR, penilaiLuarKepalaId: null }, null],
    ['the agency\'s own head', who(), 10, AKAR, null],
  ] as const)('%s → %s', (_name, actor, jabatanId, unit, sebagai) => {
    expect(penetapPredikat(actor, jabatanId, unit)?.sebagai ?? null).toBe(sebagai);
  });

  it('names who set it: the employee (and the delegation), or the official', () => {
    expect(penetapPredikat(who({ pegawaiId: 5, delegasi: [plh(10)] }), 55, UNIT)).toMatchObject({ penetapPegawaiId: 5, penetapLuarId: null, delegasi: { jabatanId: 10 } });
    expect(penetapPredikat(who({ pegawaiId: null, isAdmin: true }), null, AKAR)).toMatchObject({ penetapPegawaiId: null, penetapLuarId: 7 });
  });
});
