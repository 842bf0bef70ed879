import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../../src/clock.js';
import { DEFAULT_POLICY } from '../../src/domain/scoring/policy.js';
import { finalisasi } from '../../src/modules/evaluasi/finalisasi/service.js';

// Finalisation (/finalisasi, docs/domain/finalisasi.md): HR, in KALIBRASI, per calibration unit
// or for the agency. Each scenario is a tree of its own in one cycle: a root, and under it a
// unit with an organisation predikat whose staff have suggestions (given.saranLangsung) and
// ratings (given.evaluasiLangsung). The cycle's policy reads "sebagian besar" as a maximum and
// checks units from 2 people on (minimumOrang 2), so three people can violate the pattern.
//
//   lock     ISTIMEWA, 3 × BAIK (within the pattern); one left unconfirmed at first
//   blokir   BAIK, 3 × BAIK: Baik 100% > 70% and no Butuh Perbaikan / Kurang → 2 violations
//   ak       ISTIMEWA, a functional Ahli Pertama → Ahli Muda mover rated Sangat Baik, and one other
//   agency   a root without any organisation predikat (its staff count in the root)

const clock = fixedClock('2027-01-20T02:30:00Z');
let t: TestApp;
let admin: Agent;
let token: string;
let siklus: { id: number; tahun: number };

type Tree = { root: given.GivenUnit; unit: given.GivenUnit; staff: given.GivenPegawai[]; skp: number[] };
const trees = {} as Record<'lock' | 'blokir' | 'ak' | 'agency', Tree>;

async function tree(opts: { staff: number; jenis?: 'FUNGSIONAL'; noSub?: boolean }): Promise<Tree> {
  const root = await given.unit(t);
  const unit = opts.noSub ? root : await given.unit(t, { parentId: root.id });
  const kepala = await given.pegawai(t, { unitId: root.id, jenis: 'JPT' });
  const penilai = await given.pegawai(t, { unitId: unit.id, jenis: 'PENGAWAS', penilai: kepala });
  const staff: given.GivenPegawai[] = [];
  for (let i = 0; i < opts.staff; i++) {
    const jabatanId = i === 0 && opts.jenis ? (await given.jabatan(t, { unitId: unit.id, jenis: 'FUNGSIONAL', jenjangJf: 'PERTAMA' })).id : undefined;
    staff.push(await given.pegawai(t, { unitId: unit.id, penilai, jabatanId, nama: `Pegawai ${String.fromCharCode(65 + i)} ${unit.id}` }));
  }
  const skp = [];
  for (const p of staff) skp.push((await given.skpDi(t, siklus.id, p.id)).id);
  return { root, unit, staff, skp };
}

const post = (body: Record<string, string>) => admin.post('/finalisasi').type('form').send({ _csrf: token, siklus: String(siklus.id), confirmed: '1', ...body });
const evaluasiOf = (pegawaiId: number) => t.db.prisma.evaluasiTahunan.findUniqueOrThrow({ where: { siklusId_pegawaiId: { siklusId: siklus.id, pegawaiId } } });
const setPolicy = (distribusi: Partial<typeof DEFAULT_POLICY.distribusi>) =>
  t.db.prisma.siklus.update({ where: { id: siklus.id }, data: { policy: { ...DEFAULT_POLICY, distribusi: { ...DEFAULT_POLICY.distribusi, minimumOrang: 2, ...distribusi } } } });
const notifications = (pegawaiId: number) => t.db.prisma.notifikasi.findMany({ where: { user: { pegawaiId }, jenis: 'EVALUASI_FINAL' } });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await testApp({}, { clock });
  siklus = await given.siklusTerbuka(t);
  trees.lock = await tree({ staff: 3 });
  trees.blokir = await tree({ staff: 3 });
  trees.ak = await tree({ staff: 2, jenis: 'FUNGSIONAL' });
  trees.agency = await tree({ staff: 1, noSub: true });
  await setPolicy({});
  await given.predikatOrganisasiLangsung(t, siklus.id, trees.lock.unit.id, 'ISTIMEWA');
  await given.predikatOrganisasiLangsung(t, siklus.id, trees.blokir.unit.id, 'BAIK');
  await given.predikatOrganisasiLangsung(t, siklus.id, trees.ak.unit.id, 'ISTIMEWA');
  for (const [i, s] of trees.lock.skp.entries()) {
    await given.saranLangsung(t, { id: s });
    if (i > 0) await given.evaluasiLangsung(t, { id: s });
  }
  for (const s of trees.blokir.skp) {
    await given.saranLangsung(t, { id: s });
    await given.evaluasiLangsung(t, { id: s });
  }
  await given.saranLangsung(t, { id: trees.ak.skp[0]! }, { ak: [{ jenjang: 'PERTAMA', bulan: 6 }, { jenjang: 'MUDA', bulan: 6 }] });
  await given.evaluasiLangsung(t, { id: trees.ak.skp[0]! }, { ratingHasilKerja: 'DI_ATAS', ratingPerilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK' });
  await given.saranLangsung(t, { id: trees.ak.skp[1]! });
  await given.evaluasiLangsung(t, { id: trees.ak.skp[1]! });
  await given.saranLangsung(t, { id: trees.agency.skp[0]! });
  await given.evaluasiLangsung(t, { id: trees.agency.skp[0]! });
  await given.faseSiklus(t, siklus.id, 'PENILAIAN');
  admin = await loginAs(t.app, 'admin');
  token = await csrf(admin, '/');
});

afterAll(async () => {
  await t?.close();
});

describe('finalisation is HR’s, in KALIBRASI only', () => {
  it('is refused before KALIBRASI, and the cycle cannot leave PENILAIAN while a suggestion is unconfirmed', async () => {
    const res = await post({ unit: String(trees.ak.unit.id) });
    expect(res.status).toBe(409);
    expect(text(res.text)).toContain('hanya dapat difinalisasi dalam fase Kalibrasi');
    expect((await evaluasiOf(trees.ak.staff[0]!.id)).status).toBe('DIKONFIRMASI');
    const page = text((await admin.get(`/siklus/${siklus.id}`)).text);
    expect(page).toContain('1 saran penilaian tahunan belum dikonfirmasi pejabat penilai.');
    await given.faseSiklus(t, siklus.id, 'KALIBRASI');
  });

  it('lists the calibration units with their state', async () => {
    const res = await admin.get(`/finalisasi?siklus=${siklus.id}`);
    expect(res.status).toBe(200);
    const row = (u: given.GivenUnit) => text(new RegExp(`<tr data-unit="${u.id}">[\\s\\S]*?</tr>`).exec(res.text)?.[0] ?? '');
    expect(row(trees.lock.unit)).toContain('2 dari 3');
    expect(row(trees.blokir.unit)).toContain('2 pelanggaran');
    expect(row(trees.blokir.unit)).toContain('belum ada');
    expect(row(trees.agency.root)).toContain('belum ditetapkan');
    expect(text(res.text)).toContain('0 dari 9 pegawai final');
  });

  it('asks first; the confirmation page changes nothing', async () => {
    const res = await admin.post('/finalisasi').type('form').send({ _csrf: token, siklus: String(siklus.id), unit: String(trees.ak.unit.id) });
    expect(res.status).toBe(200);
    expect(text(res.text)).toContain(`Evaluasi pegawai ${trees.ak.unit.nama} akan dikunci (FINAL)`);
    expect((await evaluasiOf(trees.ak.staff[0]!.id)).status).toBe('DIKONFIRMASI');
  });
});

describe('the lock', () => {
  it('an unconfirmed employee blocks, named with their NIP', async () => {
    const res = await post({ unit: String(trees.lock.unit.id) });
    expect(res.status).toBe(409);
    const a = trees.lock.staff[0]!;
    expect(text(res.text)).toContain(`${trees.lock.unit.nama}: penilaian ${a.nama} (${a.nip}) belum dikonfirmasi pejabat penilai.`);
    expect(await t.db.prisma.evaluasiTahunan.count({ where: { siklusId: siklus.id, status: 'FINAL' } })).toBe(0);
  });

  it('once all are confirmed: FINAL with the date, the unit final, audited, each employee told; a second finalisation changes nothing', async () => {
    await given.evaluasiLangsung(t, { id: trees.lock.skp[0]! });
    const res = await post({ unit: String(trees.lock.unit.id) });
    expect(res.status).toBe(303);
    const now = clock.now();
    for (const p of trees.lock.staff) {
      const e = await evaluasiOf(p.id);
      expect(e).toMatchObject({ status: 'FINAL', finalAt: now, diberitahuAt: now, version: 2, angkaKredit: null });
      const n = await notifications(p.id);
      expect(n).toHaveLength(1);
      expect(n[0]!.params).toEqual({ tahun: siklus.tahun, predikat: '@scoring.predikat.BAIK' });
      expect(n[0]!.tautan).toBe('/evaluasi/saya');
    }
    expect(await t.db.prisma.kalibrasiUnit.findUniqueOrThrow({ where: { siklusId_unitId: { siklusId: siklus.id, unitId: trees.lock.unit.id } } })).toMatchObject({ finalAt: now });
    const audit = await t.db.prisma.auditLog.findMany({ where: { aksi: 'kalibrasiUnit.finalize', entitasId: String(trees.lock.unit.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ status: 'FINAL', pegawai: trees.lock.staff.map((p) => p.id).sort((x, y) => x - y) });
    // the page says so
    const page = text((await admin.get(`/finalisasi?siklus=${siklus.id}`)).text);
    expect(page).toContain('1 unit difinalisasi: 3 pegawai, masing-masing sudah diberi tahu.');
    expect(page).toContain('3 dari 9 pegawai final');

    clock.set('2027-01-21T02:30:00Z');
    const again = await post({ unit: String(trees.lock.unit.id) });
    expect(again.status).toBe(303);
    expect(text((await admin.get(`/finalisasi?siklus=${siklus.id}`)).text)).toContain('Sudah final: tidak ada yang berubah.');
    for (const p of trees.lock.staff) {
      expect(await evaluasiOf(p.id)).toMatchObject({ status: 'FINAL', finalAt: now, diberitahuAt: now, version: 2 });
      expect(await notifications(p.id)).toHaveLength(1);
    }
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'kalibrasiUnit.finalize', entitasId: String(trees.lock.unit.id) } })).toBe(1);
  });
});

describe('a distribution violation: justified, or blocking when the policy says so', () => {
  it('without a justification it blocks, with each violation, its numbers and names', async () => {
    const res = await post({ unit: String(trees.blokir.unit.id) });
    expect(res.status).toBe(409);
    const page = text(res.text);
    expect(page).toContain(`${trees.blokir.unit.nama}: 2 pelanggaran pola distribusi belum diberi justifikasi tertulis.`);
    expect(page).toContain('Baik 3 dari 3 = 100% melebihi maksimum 70% (paling banyak 2 orang)');
    expect(page).toContain(trees.blokir.staff.map((p) => p.nama).sort((a, b) => a.localeCompare(b, 'id')).join(', '));
    expect((await evaluasiOf(trees.blokir.staff[0]!.id)).status).toBe('DIKONFIRMASI');
  });

  it('blokir true blocks even with a justification', async () => {
    await given.justifikasiLangsung(t, siklus.id, trees.blokir.unit.id, 'Seluruh seksi melampaui target karena proyek prioritas daerah.');
    await setPolicy({ blokir: true });
    const res = await post({ unit: String(trees.blokir.unit.id) });
    expect(res.status).toBe(409);
    expect(text(res.text)).toContain(`${trees.blokir.unit.nama}: 2 pelanggaran pola distribusi; kebijakan siklus ini memblokir finalisasi sampai diperbaiki.`);
    expect((await evaluasiOf(trees.blokir.staff[0]!.id)).status).toBe('DIKONFIRMASI');
  });

  it('blokir false with a justification passes', async () => {
    await setPolicy({ blokir: false });
    const res = await post({ unit: String(trees.blokir.unit.id) });
    expect(res.status).toBe(303);
    for (const p of trees.blokir.staff) expect((await evaluasiOf(p.id)).status).toBe('FINAL');
  });
});

describe('angka kredit at finalisation', () => {
  it('a functional employee’s year: the final predikat × each piece’s coefficient × months / 12; others none (finalised twice at once: once)', async () => {
    // the service called twice at once: both check, one waits for the other's transaction and then finds the unit final
    const hr = await given.adminActor(t);
    const [one, two] = await Promise.all([finalisasi(t.db, hr, siklus.id, { unitId: trees.ak.unit.id }, clock), finalisasi(t.db, hr, siklus.id, { unitId: trees.ak.unit.id }, clock)]);
    expect(one.difinalisasi + two.difinalisasi).toBe(2);
    expect(one.sudahFinal + two.sudahFinal).toBe(1);
    for (const p of trees.ak.staff) expect(await notifications(p.id)).toHaveLength(1);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'kalibrasiUnit.finalize', entitasId: String(trees.ak.unit.id) } })).toBe(1);
    // Sangat Baik 150%: Ahli Pertama 12,5 × 6/12 + Ahli Muda 25 × 6/12 = 18,75 → × 1,5 = 28,125
    expect((await evaluasiOf(trees.ak.staff[0]!.id)).angkaKredit?.toString()).toBe('28.125');
    expect((await evaluasiOf(trees.ak.staff[1]!.id)).angkaKredit).toBeNull();
    expect((await notifications(trees.ak.staff[0]!.id))[0]!.params).toEqual({ tahun: siklus.tahun, predikat: '@scoring.predikat.SANGAT_BAIK' });
  });
});

describe('the whole agency, and closing the year', () => {
  it('a unit without an organisation predikat blocks the agency; nothing is finalised; the cycle cannot close', async () => {
    const res = await post({ unit: '' });
    expect(res.status).toBe(409);
    expect(text(res.text)).toContain(`${trees.agency.root.nama}: predikat kinerja organisasi belum ditetapkan.`);
    expect((await evaluasiOf(trees.agency.staff[0]!.id)).status).toBe('DIKONFIRMASI');
    expect(text((await admin.get(`/siklus/${siklus.id}`)).text)).toContain('1 evaluasi tahunan belum final.');
  });

  it('then the agency at once: the units left are finalised, the final ones untouched, and the cycle may close', async () => {
    await given.predikatOrganisasiLangsung(t, siklus.id, trees.agency.root.id, 'BAIK');
    const before = await evaluasiOf(trees.lock.staff[0]!.id);
    const res = await post({ unit: '' });
    expect(res.status).toBe(303);
    expect((await evaluasiOf(trees.agency.staff[0]!.id)).status).toBe('FINAL');
    expect(await evaluasiOf(trees.lock.staff[0]!.id)).toEqual(before);
    expect(await t.db.prisma.evaluasiTahunan.count({ where: { siklusId: siklus.id, status: { not: 'FINAL' } } })).toBe(0);
    const page = text((await admin.get(`/siklus/${siklus.id}`)).text);
    expect(page).not.toContain('belum final');
    expect(page).not.toContain('Belum dapat pindah fase');
  });
});
