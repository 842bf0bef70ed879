import { describe, expect, it } from 'vitest';
import { bolehMonitoring, pilihPeriode, ringkas } from '../../src/domain/monitoring.js';
import type { Actor } from '../../src/domain/access.js';
import type { ZonaWaktu } from '../../src/domain/periode-laporan.js';

// Monitoring Pengisian's pure rules (docs/domain/monitoring.md): who watches which subtree, the
// period shown by default, and how the summary's counts are shown.

const actor = (a: Partial<Actor>): Actor => ({ userId: 1, pegawaiId: 1, label: 'x', isAdmin: false, isPimpinan: false, pimpinanPath: null, isPenilai: false, delegasi: [], pejabatLuarId: null, ...a });

describe('who watches what (docs/domain/monitoring.md § Who sees what)', () => {
  it.each([
    ['HR (admin)', actor({ isAdmin: true, pegawaiId: null }), '/'],
    ['a pimpinan', actor({ isPimpinan: true, pimpinanPath: '/1/4/' }), '/1/4/'],
    ['a pimpinan heading no unit', actor({ isPimpinan: true, pimpinanPath: null }), null],
    ['an appraiser', actor({ isPenilai: true }), null],
    ['an employee', actor({}), null],
    ['an official outside the agency', actor({ pegawaiId: null, pejabatLuarId: 3 }), null],
  ])('%s → %s', (_n, a, want) => expect(bolehMonitoring(a)).toBe(want));
});

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const tw = (id: number, tahun: number, mulai: string, selesai: string, batas: string, zona: ZonaWaktu = 'Asia/Jakarta') => ({ id, mulai: d(mulai), selesai: d(selesai), batasPegawai: d(batas), zona, siklus: { tahun } });
const year = (tahun: number, base: number, zona?: ZonaWaktu) => [
  tw(base + 1, tahun, `${tahun}-01-01`, `${tahun}-03-31`, `${tahun}-04-10`, zona),
  tw(base + 2, tahun, `${tahun}-04-01`, `${tahun}-06-30`, `${tahun}-07-10`, zona),
  tw(base + 3, tahun, `${tahun}-07-01`, `${tahun}-09-30`, `${tahun}-10-10`, zona),
  tw(base + 4, tahun, `${tahun}-10-01`, `${tahun}-12-31`, `${tahun}-01-10`.replace(`${tahun}-01-10`, `${tahun + 1}-01-10`), zona),
];

describe('the period shown by default: the latest whose deadline has passed, in the cycle\'s zone', () => {
  const list = [...year(2027, 100), ...year(2026, 0)];
  it.each([
    ['2 Dec 2026: Q3 2026 (its deadline passed; Q4 not yet)', '2026-12-02T03:00:00Z', 3],
    ['10 Apr 2026 23:59 WIB: still Q1 open → the current period Q2', '2026-04-10T16:59:00Z', 2],
    ['11 Apr 2026 00:00 WIB: Q1 is late now', '2026-04-10T17:00:00Z', 1],
    ['5 Jan 2027: Q4 2026 is due on 10 January → still Q3 2026', '2027-01-05T03:00:00Z', 3],
    ['20 Jan 2027: Q4 2026, late now (across cycles)', '2027-01-20T03:00:00Z', 4],
    ['10 Apr 2027 18:00 WIB: Q1 2027 is not late yet → Q4 2026 still', '2027-04-10T11:00:00Z', 4],
    ['before anything started: the first listed', '2025-06-01T00:00:00Z', 101],
  ])('%s', (_n, now, want) => expect(pilihPeriode(list, new Date(now))?.id).toBe(want));

  it('WIT closes two hours before WIB', () => {
    const wit = year(2026, 0, 'Asia/Jayapura');
    expect(pilihPeriode(wit, new Date('2026-04-10T15:00:00Z'))?.id).toBe(1);
    expect(pilihPeriode(year(2026, 0), new Date('2026-04-10T15:00:00Z'))?.id).toBe(2);
  });
});

describe('the counts as shown', () => {
  it('a returned SKP or report counts as a draft; not started = SKPs − reports; late = not started + draft', () => {
    const r = ringkas({ skpDraft: 1, skpDiajukan: 1, skpDikembalikan: 1, skpDisetujui: 7, lapDraft: 2, lapDiajukan: 3, lapDikembalikan: 1, lapDinilai: 1 });
    expect(r).toMatchObject({ skp: 10, skpDraft: 2, skpDiajukan: 1, skpDisetujui: 7, lapBelum: 3, lapDraft: 3, lapDiajukan: 3, lapDinilai: 1, terlambatJika: 6 });
    expect(r.persen).toEqual({ skpDraft: 20, skpDiajukan: 10, skpDisetujui: 70, lapBelum: 30, lapDraft: 30, lapDiajukan: 30, lapDinilai: 10 });
  });
  it('nothing to count: zeros, no division by zero', () => {
    const r = ringkas({ skpDraft: 0, skpDiajukan: 0, skpDikembalikan: 0, skpDisetujui: 0, lapDraft: 0, lapDiajukan: 0, lapDikembalikan: 0, lapDinilai: 0 });
    expect(r.persen.lapBelum).toBe(0);
    expect(r.lapBelum).toBe(0);
  });
});
