import { describe, expect, it } from 'vitest';
import { akhirHari, awalHari, defaultDibukaSampai, hariDicakup, laporanBuka, laporanTerlambat, tanggalDi } from '../../src/domain/periode-laporan.js';

const q1 = { mulai: '2026-01-01', selesai: '2026-03-31', batasPegawai: '2026-04-05' };

describe('a period report closes at the end of its deadline day in the agency time zone (issue 10 § 6)', () => {
  it('WIB is UTC+7, WITA +8, WIT +9: the deadline day 5 April ends at 17:00, 16:00, 15:00 UTC', () => {
    expect(akhirHari('2026-04-05', 'Asia/Jakarta').toISOString()).toBe('2026-04-05T17:00:00.000Z');
    expect(akhirHari('2026-04-05', 'Asia/Makassar').toISOString()).toBe('2026-04-05T16:00:00.000Z');
    expect(akhirHari('2026-04-05', 'Asia/Jayapura').toISOString()).toBe('2026-04-05T15:00:00.000Z');
    expect(awalHari('2026-01-01', 'Asia/Jakarta').toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });

  it('open one millisecond before the end of the deadline day, closed at it and after (WIB)', () => {
    const at = (iso: string) => laporanBuka({ fase: 'PELAKSANAAN', zona: 'Asia/Jakarta', periode: q1, now: new Date(iso) });
    expect(at('2026-04-05T16:59:59.999Z')).toMatchObject({ buka: true, diperpanjang: false });
    expect(at('2026-04-05T17:00:00.000Z')).toMatchObject({ buka: false, sebab: 'lewatBatas' });
    expect(at('2026-04-05T17:00:00.001Z')).toMatchObject({ buka: false, sebab: 'lewatBatas' });
  });

  it('the same instant is open in WIB and closed in WIT (the zone is the cycle\'s setting)', () => {
    const now = new Date('2026-04-05T16:00:00Z'); // 23:00 WIB, 00:00 WITA on the 6th, 01:00 WIT
    expect(laporanBuka({ fase: 'PELAKSANAAN', zona: 'Asia/Jakarta', periode: q1, now }).buka).toBe(true);
    expect(laporanBuka({ fase: 'PELAKSANAAN', zona: 'Asia/Makassar', periode: q1, now }).buka).toBe(false);
    expect(laporanBuka({ fase: 'PELAKSANAAN', zona: 'Asia/Jayapura', periode: q1, now }).buka).toBe(false);
  });

  it('opens at the start of the period\'s first day, not before', () => {
    const at = (iso: string) => laporanBuka({ fase: 'PELAKSANAAN', zona: 'Asia/Jakarta', periode: q1, now: new Date(iso) });
    expect(at('2025-12-31T16:59:59.999Z')).toMatchObject({ buka: false, sebab: 'belumMulai' });
    expect(at('2025-12-31T17:00:00.000Z')).toMatchObject({ buka: true });
  });

  it('a returned or reopened report stays open until its own moment, then closes', () => {
    const dibukaSampai = new Date('2026-04-12T17:00:00Z');
    const at = (iso: string) => laporanBuka({ fase: 'PENILAIAN', zona: 'Asia/Jakarta', periode: q1, now: new Date(iso), dibukaSampai });
    expect(at('2026-04-12T16:59:59.999Z')).toMatchObject({ buka: true, diperpanjang: true });
    expect(at('2026-04-12T17:00:00.000Z')).toMatchObject({ buka: false, sebab: 'lewatBatas' });
  });

  it('only PELAKSANAAN and PENILAIAN accept reports: planning, calibration and a closed cycle do not', () => {
    const now = new Date('2026-02-01T00:00:00Z');
    for (const fase of ['DRAFT', 'PERENCANAAN', 'KALIBRASI', 'SELESAI', 'ARSIP'] as const) {
      expect(laporanBuka({ fase, zona: 'Asia/Jakarta', periode: q1, now, dibukaSampai: new Date('2027-01-01') })).toMatchObject({ buka: false, sebab: 'fase' });
    }
    for (const fase of ['PELAKSANAAN', 'PENILAIAN'] as const) expect(laporanBuka({ fase, zona: 'Asia/Jakarta', periode: q1, now }).buka).toBe(true);
  });

  it('late: not submitted at the end of the deadline day; a submitted report is never late', () => {
    const late = (iso: string, diajukan = false) => laporanTerlambat({ zona: 'Asia/Jakarta', periode: q1, now: new Date(iso), diajukan });
    expect(late('2026-04-05T16:59:59.999Z')).toBe(false);
    expect(late('2026-04-05T17:00:00.000Z')).toBe(true);
    expect(late('2026-04-05T17:00:00.000Z', true)).toBe(false);
  });

  it('the return default is seven days after today in the zone (23:30 WIB on the 1st counts as the 1st)', () => {
    expect(defaultDibukaSampai(new Date('2026-04-01T16:30:00Z'), 'Asia/Jakarta')).toBe('2026-04-08');
    expect(defaultDibukaSampai(new Date('2026-04-01T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-04-09');
    expect(tanggalDi(new Date('2026-04-01T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-04-02');
  });
});

describe('a period split by a move: each SKP reports for its own days (issue 10 § 1)', () => {
  const q3 = { mulai: '2026-07-01', selesai: '2026-09-30' };
  it('an SKP closed on 14 August covers 1 July … 14 August (45 days); its successor 15 August … 30 September (47 days)', () => {
    expect(hariDicakup(q3, { periodeAwal: '2026-01-01', periodeAkhir: '2026-08-14' })).toEqual({ mulai: '2026-07-01', selesai: '2026-08-14', hari: 45 });
    expect(hariDicakup(q3, { periodeAwal: '2026-08-15', periodeAkhir: '2026-12-31' })).toEqual({ mulai: '2026-08-15', selesai: '2026-09-30', hari: 47 });
  });
  it('an SKP ending the day before the period covers none of it; ending on its first day covers one day', () => {
    expect(hariDicakup(q3, { periodeAwal: '2026-01-01', periodeAkhir: '2026-06-30' })).toBeNull();
    expect(hariDicakup(q3, { periodeAwal: '2026-01-01', periodeAkhir: '2026-07-01' })).toEqual({ mulai: '2026-07-01', selesai: '2026-07-01', hari: 1 });
  });
});
