import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/access.js';
import { jendelaKeberatan, pemutusAs, tentukanPemutus, type KeberatanPihak } from '../../src/domain/keberatan.js';

// docs/domain/keberatan.md § The window, § Who decides.

describe('the objection window — PP 30/2019 Pasal 59: "dalam jangka waktu 14 hari" from receipt, calendar days in the cycle time zone', () => {
  // notified 20 January 2027 at 09:30 WIB (02:30 UTC): the 14th day after is 3 February
  const diberitahuAt = new Date('2027-01-20T02:30:00Z');
  const at = (now: string, zona: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura' = 'Asia/Jakarta', hari = 14) => jendelaKeberatan({ diberitahuAt, zona, hari, now: new Date(now) });

  it.each([
    ['the day of notification', '2027-01-20T03:00:00Z', true],
    ['inside (day 7)', '2027-01-27T05:00:00Z', true],
    ['the last day (day 14), its last millisecond in WIB', '2027-02-03T16:59:59.999Z', true],
    ['the day after the last day, its first instant in WIB', '2027-02-03T17:00:00.000Z', false],
    ['the day after, noon', '2027-02-04T05:00:00Z', false],
  ])('%s → open %s', (_what, now, buka) => {
    const j = at(now);
    expect(j.buka).toBe(buka);
    expect(j).toMatchObject({ batasTanggal: '2027-02-03' });
  });

  it('the same instant is still the last day in WIB and already the day after in WIT', () => {
    const now = '2027-02-03T15:30:00Z'; // 22:30 WIB, 23:30 WITA, 00:30 on the 4th WIT
    expect(at(now, 'Asia/Jakarta').buka).toBe(true);
    expect(at(now, 'Asia/Makassar').buka).toBe(true);
    expect(at(now, 'Asia/Jayapura').buka).toBe(false);
  });

  it('the notification day is read in the zone: 23:30 WIB on 19 January is the 20th in WIT', () => {
    const late = new Date('2027-01-19T16:30:00Z');
    expect(jendelaKeberatan({ diberitahuAt: late, zona: 'Asia/Jakarta', hari: 14, now: late })).toMatchObject({ batasTanggal: '2027-02-02' });
    expect(jendelaKeberatan({ diberitahuAt: late, zona: 'Asia/Jayapura', hari: 14, now: late })).toMatchObject({ batasTanggal: '2027-02-03' });
  });

  it('the number of days is the policy setting (policy.keberatan.hari): 1 day → the next day is the last', () => {
    expect(at('2027-01-21T16:59:59Z', 'Asia/Jakarta', 1)).toMatchObject({ buka: true, batasTanggal: '2027-01-21' });
    expect(at('2027-01-21T17:00:00Z', 'Asia/Jakarta', 1)).toMatchObject({ buka: false, sebab: 'lewatBatas' });
  });

  it('not notified yet: no window', () => {
    expect(jendelaKeberatan({ diberitahuAt: null, zona: 'Asia/Jakarta', hari: 14, now: new Date() })).toEqual({ buka: false, sebab: 'belumDiberitahu' });
  });
});

describe('who decides — PP 30/2019 Pasal 59: the atasan pejabat penilai; nobody decides an objection against their own rating', () => {
  it('the appraiser\'s own appraiser; an official outside the agency; none in the system for an external appraiser; none at all → refused', () => {
    expect(tentukanPemutus({ pegawaiId: 1, penilai: { penilaiId: 3, penilaiLuarId: null }, penilaiLuarId: null })).toEqual({ pemutusId: 3, pemutusLuarId: null });
    expect(tentukanPemutus({ pegawaiId: 1, penilai: { penilaiId: null, penilaiLuarId: 9 }, penilaiLuarId: null })).toEqual({ pemutusId: null, pemutusLuarId: 9 });
    expect(tentukanPemutus({ pegawaiId: 1, penilai: null, penilaiLuarId: 9 })).toEqual({ pemutusId: null, pemutusLuarId: null });
    expect(tentukanPemutus({ pegawaiId: 1, penilai: { penilaiId: null, penilaiLuarId: null }, penilaiLuarId: null })).toBe('tanpaAtasan');
    expect(tentukanPemutus({ pegawaiId: 1, penilai: null, penilaiLuarId: null })).toBe('tanpaAtasan');
  });

  const actor = (o: Partial<Actor>): Actor => ({ userId: 1, pegawaiId: null, label: 'x', isAdmin: false, isPimpinan: false, pimpinanPath: null, isPenilai: false, delegasi: [], pejabatLuarId: null, ...o });
  const k: KeberatanPihak = { pegawaiId: 10, penilaiId: 20, penilaiLuarId: null, pemutusId: 30, pemutusLuarId: null, pemutusJabatanId: 300 };
  const plt = (pegawaiId: number) => actor({ pegawaiId, delegasi: [{ id: 5, jenis: 'PLT', nomorSk: 'SK 1', jabatanId: 300 }] });

  it.each([
    ['the decider in person', actor({ pegawaiId: 30 }), k, 'atasan'],
    ['a Plt of the decider\'s post', plt(40), k, 'delegasi'],
    ['the employee, even as Plt of the decider\'s post', plt(10), k, 'pihak'],
    ['the appraiser, even as Plt of the decider\'s post', plt(20), k, 'pihak'],
    ['someone else', actor({ pegawaiId: 50 }), k, null],
    ['HR for an internal decider', actor({ isAdmin: true }), k, null],
    ['the external decider by login', actor({ pejabatLuarId: 7 }), { ...k, pemutusId: null, pemutusLuarId: 7 }, 'luar'],
    ['another external official', actor({ pejabatLuarId: 8 }), { ...k, pemutusId: null, pemutusLuarId: 7 }, null],
    ['HR on the external decider\'s behalf', actor({ isAdmin: true }), { ...k, pemutusId: null, pemutusLuarId: 7 }, 'atasNama'],
    ['HR when the decider is outside the system', actor({ isAdmin: true }), { ...k, penilaiId: null, penilaiLuarId: 7, pemutusId: null, pemutusJabatanId: null }, 'hr'],
    ['the external appraiser by login, for their own rating', actor({ pejabatLuarId: 7 }), { ...k, penilaiId: null, penilaiLuarId: 7, pemutusId: null, pemutusJabatanId: null }, 'pihak'],
  ])('%s', (_what, a, kk, expected) => {
    const r = pemutusAs(a, kk);
    expect(r === null || r === 'pihak' ? r : r.sebagai).toBe(expected);
  });
});
