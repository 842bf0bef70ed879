import { describe, expect, it } from 'vitest';
import { isAtasan, penilaiProblem, type Posisi, type PegawaiDinilai } from '../../src/domain/pejabat-penilai.js';
import { jabatanJfProblems, JENJANG_JF } from '../../src/domain/jabatan.js';
import { berlakuPada, bertumpuk, hariIni } from '../../src/domain/delegasi.js';
import { actingAs, jabatanPenilaiOf } from '../../src/domain/acting.js';
import type { Actor } from '../../src/domain/access.js';

// Unit tree: /1/ dinas ─ /1/2/ bidang ─ /1/2/3/ seksi;  /1/4/ bidang lain.
const unit = (path: string, nama = path) => ({ path, nama });
const head = (jenis: Posisi['jenis'], path: string | null): Posisi => ({ jenis, nama: `Jabatan ${jenis}`, mengepalai: path ? unit(path) : null });
const staff = (path: string): PegawaiDinilai => ({ unit: unit(path), kepalaUnit: false });
const kepala = (path: string): PegawaiDinilai => ({ unit: unit(path), kepalaUnit: true });

describe('pejabat penilai — PermenPANRB 6/2022 Pasal 1 angka 9: "atasan langsung pegawai dengan ketentuan paling rendah pejabat pengawas atau pejabat lain yang diberi pendelegasian kewenangan"', () => {
  it.each([
    ['JPT', true],
    ['ADMINISTRATOR', true],
    ['PENGAWAS', true],
    ['PELAKSANA', false],
    ['FUNGSIONAL', false],
  ] as const)('a %s heading the unit may appraise its staff: %s', (jenis, ok) => {
    const r = penilaiProblem(staff('/1/2/3/'), { nama: 'A', posisi: head(jenis, '/1/2/3/') });
    if (ok) expect(r).toBeNull();
    else expect(r).toEqual({ key: 'penilai.belowPengawas', params: { nama: 'A', jabatan: `Jabatan ${jenis}`, jenis } });
  });

  it.each([
    // [who is appraised, the unit the appraiser heads, allowed?]
    ['staff of the seksi, by the seksi head', staff('/1/2/3/'), '/1/2/3/', true],
    ['staff of the seksi, by the bidang head (a vacant seksi head; JF Ahli Muda → administrator)', staff('/1/2/3/'), '/1/2/', true],
    ['staff of the seksi, by the kepala dinas', staff('/1/2/3/'), '/1/', true],
    ['staff of the seksi, by the head of another bidang', staff('/1/2/3/'), '/1/4/', false],
    ['staff of the bidang, by the seksi head below it', staff('/1/2/'), '/1/2/3/', false],
    ['the seksi head, by the bidang head', kepala('/1/2/3/'), '/1/2/', true],
    ['the seksi head, by another head of the same seksi', kepala('/1/2/3/'), '/1/2/3/', false],
    ['a unit /1/20/ is not under /1/2/', staff('/1/20/'), '/1/2/', false],
  ] as const)('%s → %s', (_name, pegawai, path, ok) => {
    expect(isAtasan(head('PENGAWAS', path), pegawai)).toBe(ok);
    const r = penilaiProblem(pegawai, { nama: 'B', posisi: head('PENGAWAS', path) });
    expect(r === null).toBe(ok);
  });

  it('names the rule that refuses a head appraised by someone of their own unit, and one from another branch', () => {
    expect(penilaiProblem(kepala('/1/2/3/'), { nama: 'B', posisi: head('PENGAWAS', '/1/2/3/') })?.key).toBe('penilai.sameUnitHead');
    expect(penilaiProblem(staff('/1/2/3/'), { nama: 'B', posisi: head('ADMINISTRATOR', '/1/4/') })).toEqual({
      key: 'penilai.notAtasan', params: { nama: 'B', unitPenilai: '/1/4/', unitPegawai: '/1/2/3/' },
    });
  });

  it('cannot place a structural position that heads no unit, so does not refuse it on that ground', () => {
    expect(penilaiProblem(staff('/1/2/3/'), { nama: 'C', posisi: head('PENGAWAS', null) })).toBeNull();
    expect(penilaiProblem(staff('/1/2/3/'), { nama: 'C', posisi: head('PELAKSANA', null) })?.key).toBe('penilai.belowPengawas');
  });

  it('lets a pelaksana or JF appraise only through a delegation in force whose post qualifies and is above the employee', () => {
    const jf = { nama: 'D', posisi: head('FUNGSIONAL', null) };
    const plt = (posisi: Posisi) => [{ jenis: 'PLT' as const, nomorSk: '800/1/2026', posisi }];
    expect(penilaiProblem(staff('/1/2/3/'), jf, plt(head('PENGAWAS', '/1/2/3/')))).toBeNull();
    expect(penilaiProblem(staff('/1/2/3/'), jf, plt(head('PENGAWAS', '/1/4/')))?.key).toBe('penilai.belowPengawas');
    expect(penilaiProblem(staff('/1/2/3/'), jf, plt(head('PELAKSANA', '/1/2/3/')))?.key).toBe('penilai.belowPengawas');
    // a pengawas who is Plh of the bidang head may appraise the bidang's staff
    expect(penilaiProblem(staff('/1/2/'), { nama: 'E', posisi: head('PENGAWAS', '/1/2/3/') }, [{ jenis: 'PLH', nomorSk: 'x', posisi: head('ADMINISTRATOR', '/1/2/') }])).toBeNull();
  });
});

describe('jabatan fungsional — kategori and jenjang (PP 11/2017 jo. PP 17/2020)', () => {
  it('lists four levels per category, lowest first', () => {
    expect(JENJANG_JF).toEqual({ KEAHLIAN: ['PERTAMA', 'MUDA', 'MADYA', 'UTAMA'], KETERAMPILAN: ['PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA'] });
  });
  it.each([
    ['FUNGSIONAL', 'KEAHLIAN', 'MADYA', []],
    ['FUNGSIONAL', 'KETERAMPILAN', 'PENYELIA', []],
    ['FUNGSIONAL', 'KEAHLIAN', 'MAHIR', [{ field: 'jenjangJf', key: 'org.jenjangNotKeahlian' }]],
    ['FUNGSIONAL', 'KETERAMPILAN', 'UTAMA', [{ field: 'jenjangJf', key: 'org.jenjangNotKeterampilan' }]],
    ['FUNGSIONAL', null, null, [{ field: 'kategoriJf', key: 'org.kategoriRequired' }, { field: 'jenjangJf', key: 'org.jenjangRequired' }]],
    ['FUNGSIONAL', 'KEAHLIAN', null, [{ field: 'jenjangJf', key: 'org.jenjangRequired' }]],
    ['PELAKSANA', null, null, []],
    ['PENGAWAS', 'KEAHLIAN', null, [{ field: 'kategoriJf', key: 'org.jfOnly' }]],
    ['JPT', null, 'UTAMA', [{ field: 'jenjangJf', key: 'org.jfOnly' }]],
  ] as const)('%s %s %s → %j', (jenis, kategori, jenjang, expected) => {
    expect(jabatanJfProblems(jenis, kategori, jenjang)).toEqual(expected);
  });
});

describe('delegation dates — in force from mulai to selesai inclusive, in the agency day (Asia/Jakarta)', () => {
  it('takes the day in WIB: 16:59:59 UTC is still the same day, 17:00 UTC the next', () => {
    expect(hariIni(new Date('2026-03-31T16:59:59Z'))).toBe('2026-03-31');
    expect(hariIni(new Date('2026-03-31T17:00:00Z'))).toBe('2026-04-01');
  });
  const d = { mulai: '2026-04-01', selesai: '2026-04-30', dibatalkan: false };
  it.each([
    ['2026-03-31', false], ['2026-04-01', true], ['2026-04-02', true], ['2026-04-29', true], ['2026-04-30', true], ['2026-05-01', false],
  ])('on %s → %s', (hari, ok) => expect(berlakuPada(d, hari)).toBe(ok));
  it('is never in force once cancelled', () => expect(berlakuPada({ ...d, dibatalkan: true }, '2026-04-10')).toBe(false));
  it('finds spans that share a day', () => {
    expect(bertumpuk(d, { mulai: '2026-04-30', selesai: '2026-05-10' })).toBe(true);
    expect(bertumpuk(d, { mulai: '2026-05-01', selesai: '2026-05-10' })).toBe(false);
    expect(bertumpuk(d, { mulai: '2026-03-01', selesai: '2026-03-31' })).toBe(false);
  });
});

describe('acting as appraiser — the appraiser, or a delegate of the post that appraises (docs/domain/penilai.md)', () => {
  const actor = (pegawaiId: number, delegasi: Actor['delegasi'] = []): Actor => ({ userId: 1, pegawaiId, label: '', isAdmin: false, isPimpinan: false, pimpinanPath: null, isPenilai: true, delegasi, pejabatLuarId: null });
  const plh = { id: 7, jenis: 'PLH' as const, nomorSk: '800/7', jabatanId: 50 };
  it('lets the appraiser act as themselves', () => {
    expect(actingAs(actor(10), { pegawaiId: 20, penilaiId: 10, penilaiLuarId: null, jabatanPenilaiId: 50 })).toEqual({ sebagai: 'penilai', penilaiId: 10, penilaiLuarId: null, delegasi: null });
  });
  it('lets the delegate of the appraising post act in the name of its holder, or of nobody when vacant', () => {
    expect(actingAs(actor(11, [plh]), { pegawaiId: 20, penilaiId: 10, penilaiLuarId: null, jabatanPenilaiId: 50 })).toEqual({ sebagai: 'delegasi', penilaiId: 10, penilaiLuarId: null, delegasi: plh });
    expect(actingAs(actor(11, [plh]), { pegawaiId: 20, penilaiId: null, penilaiLuarId: null, jabatanPenilaiId: 50 })).toEqual({ sebagai: 'delegasi', penilaiId: null, penilaiLuarId: null, delegasi: plh });
  });
  it('lets an official outside the agency act only on the SKPs whose own appraiser they are', () => {
    const luar: Actor = { ...actor(0), pegawaiId: null, pejabatLuarId: 3 };
    expect(actingAs(luar, { pegawaiId: 20, penilaiId: null, penilaiLuarId: 3, jabatanPenilaiId: null })).toEqual({ sebagai: 'luar', penilaiId: null, penilaiLuarId: 3, delegasi: null });
    expect(actingAs(luar, { pegawaiId: 20, penilaiId: null, penilaiLuarId: 4, jabatanPenilaiId: null })).toBeNull();
    expect(actingAs(luar, { pegawaiId: 20, penilaiId: 10, penilaiLuarId: null, jabatanPenilaiId: 50 })).toBeNull();
  });
  it('refuses another post, no delegation, and one\'s own SKP (a Plh from the same team)', () => {
    expect(actingAs(actor(11, [plh]), { pegawaiId: 20, penilaiId: 10, penilaiLuarId: null, jabatanPenilaiId: 51 })).toBeNull();
    expect(actingAs(actor(11), { pegawaiId: 20, penilaiId: 10, penilaiLuarId: null, jabatanPenilaiId: 50 })).toBeNull();
    expect(actingAs(actor(11, [plh]), { pegawaiId: 11, penilaiId: 10, penilaiLuarId: null, jabatanPenilaiId: 50 })).toBeNull();
  });
  it('derives the appraising post: the appraiser\'s position, else the unit head post, else (a unit head) the parent unit\'s', () => {
    const base = { penilaiId: null, penilai: null, unit: { kepalaJabatanId: 5 }, jabatan: { mengepalai: null } };
    expect(jabatanPenilaiOf({ ...base, penilaiId: 3, penilai: { jabatanId: 9 } })).toBe(9);
    expect(jabatanPenilaiOf(base)).toBe(5);
    expect(jabatanPenilaiOf({ ...base, jabatan: { mengepalai: { parent: { kepalaJabatanId: 4 } } } })).toBe(4);
    expect(jabatanPenilaiOf({ ...base, jabatan: { mengepalai: { parent: null } } })).toBeNull();
  });
});
