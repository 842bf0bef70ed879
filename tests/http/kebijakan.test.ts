import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { DEFAULT_POLICY, parsePolicy } from '../../src/domain/scoring/policy.js';
import { saranTahunan, type PotonganTahun } from '../../src/domain/scoring/index.js';
import { policyValues } from '../../src/modules/evaluasi/finalisasi/kebijakan-schemas.js';
import { cekUnitFinalisasi } from '../../src/modules/evaluasi/finalisasi/cek-unit.js';

// The cycle's scoring policy screen (/siklus/:id/kebijakan, docs/domain/finalisasi.md § The
// policy settings): HR views every setting with its default and whether the regulation was
// confirmed, edits them with a message per field and nothing else lost, version-checked and
// audited, until KALIBRASI, when the policy is frozen; what is computed afterwards reads the
// stored policy.

let t: TestApp;
let admin: Agent;
let token: string;
let siklus: { id: number; tahun: number };
let unit: given.GivenUnit;

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');
const version = async () => (await t.db.prisma.siklus.findUniqueOrThrow({ where: { id: siklus.id } })).version;
const stored = async () => (await t.db.prisma.siklus.findUniqueOrThrow({ where: { id: siklus.id } })).policy;
const form = async (change: Record<string, string> = {}, v?: number) => ({ _csrf: token, version: String(v ?? (await version())), ...policyValues(DEFAULT_POLICY), ...change });
const post = async (body: Record<string, string>) => admin.post(`/siklus/${siklus.id}/kebijakan`).type('form').send(body);
/** The error shown next to a field, and the value it still holds. */
const fieldOf = (html: string, name: string) => {
  const block = new RegExp(`<div class="field[^"]*">\\s*<label for="f-${name}">[\\s\\S]*?</div>`).exec(html)?.[0] ?? '';
  const err = /<small class="error"[^>]*>([^<]*)<\/small>/.exec(block)?.[1] ?? null;
  const value = /<input[^>]*value="([^"]*)"/.exec(block)?.[1] ?? /<option value="([^"]*)" selected>/.exec(block)?.[1] ?? null;
  return { err, value };
};

beforeAll(async () => {
  t = await testApp();
  siklus = await given.siklusTerbuka(t);
  // a unit of three people rated Baik against an organisation predikat of Baik: a violation from 2 people on, a warning under 10
  const root = await given.unit(t);
  unit = await given.unit(t, { parentId: root.id });
  const kepala = await given.pegawai(t, { unitId: root.id, jenis: 'JPT' });
  const penilai = await given.pegawai(t, { unitId: unit.id, jenis: 'PENGAWAS', penilai: kepala });
  for (let i = 0; i < 3; i++) {
    const p = await given.pegawai(t, { unitId: unit.id, penilai });
    const s = await given.skpDi(t, siklus.id, p.id);
    await given.saranLangsung(t, s);
    await given.evaluasiLangsung(t, s);
  }
  await given.predikatOrganisasiLangsung(t, siklus.id, unit.id, 'BAIK');
  await given.faseSiklus(t, siklus.id, 'PENILAIAN');
  admin = await loginAs(t.app, 'admin');
  token = await csrf(admin, '/');
});

afterAll(async () => {
  await t?.close();
});

describe('the policy screen', () => {
  it('is linked from the cycle page and shows every setting with its default and which are unconfirmed', async () => {
    expect((await admin.get(`/siklus/${siklus.id}`)).text).toContain(`href="/siklus/${siklus.id}/kebijakan"`);
    const res = await admin.get(`/siklus/${siklus.id}/kebijakan`);
    expect(res.status).toBe(200);
    const page = text(res.text);
    for (const [name, value] of Object.entries(policyValues(DEFAULT_POLICY))) expect(fieldOf(res.text, name).value, name).toBe(value);
    expect(page).toContain('Capaian paling tinggi (%)');
    expect(page).toContain('Bawaan: 120.');
    expect(page).toContain('Bawaan: Tidak.');
    // TAMBAHAN, the five unit-head levels, "sebagian besar" as a minimum, the blocking setting, the objection window, and the legend
    expect(res.text.match(/class="tag kebijakan-belum"/g)).toHaveLength(10);
  });

  it('saves the settings as a whole policy, version-checked and audited with before and after', async () => {
    const v = await version();
    const res = await post(await form({ hitungTambahan: 'ya', capaianMaksimum: '130', indikatorDiAtasLebihDari: '112,5', kepalaUnit_BAIK: 'DI_ATAS', minimumOrang: '2', blokir: 'ya' }, v));
    expect(res.status).toBe(303);
    const expected = {
      ...DEFAULT_POLICY,
      capaian: { ...DEFAULT_POLICY.capaian, maksimum: 130 },
      indikator: { ...DEFAULT_POLICY.indikator, diAtasLebihDari: 112.5 },
      ratingHasilKerja: { hitungTambahan: true },
      kepalaUnit: { ...DEFAULT_POLICY.kepalaUnit, BAIK: 'DI_ATAS' },
      distribusi: { ...DEFAULT_POLICY.distribusi, minimumOrang: 2, blokir: true },
    };
    expect(await stored()).toEqual(expected);
    expect(await version()).toBe(v + 1);
    const audit = await t.db.prisma.auditLog.findMany({ where: { aksi: 'siklus.policy.update', entitasId: String(siklus.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toEqual(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
    expect(audit[0]!.after).toEqual(expected);
    const page = await admin.get(`/siklus/${siklus.id}/kebijakan`);
    expect(text(page.text)).toContain('Kebijakan penilaian disimpan.');
    expect(fieldOf(page.text, 'indikatorDiAtasLebihDari').value).toBe('112,5');
  });

  it('the same policy again (a double submit) changes nothing, even from the stale form', async () => {
    const v = await version();
    const same = { hitungTambahan: 'ya', capaianMaksimum: '130', indikatorDiAtasLebihDari: '112,5', kepalaUnit_BAIK: 'DI_ATAS', minimumOrang: '2', blokir: 'ya' };
    const res = await post(await form(same, v - 1));
    expect(res.status).toBe(303);
    expect(await version()).toBe(v);
    expect(await t.db.prisma.auditLog.count({ where: { aksi: 'siklus.policy.update', entitasId: String(siklus.id) } })).toBe(1);
  });

  it('a form loaded before someone else saved is refused as changed by someone else, nothing saved', async () => {
    const before = await stored();
    const res = await post(await form({ minimumOrang: '7' }, (await version()) - 1));
    expect(res.status).toBe(409);
    expect(text(res.text)).toContain('diubah');
    expect(fieldOf(res.text, 'minimumOrang').value).toBe('7');
    expect(await stored()).toEqual(before);
  });

  it('each wrong field gets its own message and every typed value stays', async () => {
    const before = await stored();
    const res = await post(await form({ capaianMaksimum: 'banyak', capaianMinimum: '-5', capaianDesimal: '7', indikatorSesuaiMinimal: '', minimumOrang: '0', blokir: 'mungkin', rhkDiBawahBila: 'SEMUA', kepalaUnit_KURANG: 'SEDANG', hitungTambahan: 'ya' }));
    expect(res.status).toBe(422);
    expect(fieldOf(res.text, 'capaianMaksimum')).toEqual({ err: 'Isi dengan angka, misalnya 110 atau 112,5.', value: 'banyak' });
    expect(fieldOf(res.text, 'capaianDesimal')).toEqual({ err: 'Isi 0 sampai 6 desimal.', value: '7' });
    expect(fieldOf(res.text, 'indikatorSesuaiMinimal')).toEqual({ err: 'Wajib diisi.', value: '' });
    expect(fieldOf(res.text, 'minimumOrang')).toEqual({ err: 'Isi 1 sampai 1.000 orang.', value: '0' });
    expect(fieldOf(res.text, 'blokir').err).toBe('Pilih salah satu.');
    expect(fieldOf(res.text, 'rhkDiBawahBila').err).toBe('Pilih salah satu.');
    expect(fieldOf(res.text, 'kepalaUnit_KURANG').err).toBe('Pilih salah satu.');
    // the right ones keep what was typed and carry no message
    expect(fieldOf(res.text, 'capaianMinimum')).toEqual({ err: null, value: '-5' });
    expect(fieldOf(res.text, 'hitungTambahan')).toEqual({ err: null, value: 'ya' });
    expect(await stored()).toEqual(before);
  });

  it('thresholds out of order: the message is on the threshold that makes a class unreachable', async () => {
    const res = await post(await form({ capaianMaksimum: '120', indikatorDiAtasLebihDari: '120' }));
    expect(res.status).toBe(422);
    expect(fieldOf(res.text, 'indikatorDiAtasLebihDari').err).toBe('Batas Di Atas Ekspektasi harus di bawah capaian paling tinggi, agar Di Atas Ekspektasi dapat dicapai.');
    const res2 = await post(await form({ indikatorSesuaiMinimal: '111' }));
    expect(fieldOf(res2.text, 'indikatorSesuaiMinimal').err).toBe('Batas Sesuai Ekspektasi tidak boleh di atas batas Di Atas Ekspektasi.');
    const res3 = await post(await form({ capaianMinimum: '101' }));
    expect(fieldOf(res3.text, 'capaianMinimum').err).toBe('Capaian paling rendah tidak boleh di atas batas Sesuai Ekspektasi.');
  });

  it('in English too', async () => {
    const en = await loginAs(t.app, 'admin');
    await en.post('/bahasa').type('form').send({ _csrf: await csrf(en, '/'), lang: 'en', back: '/' });
    const res = await en.post(`/siklus/${siklus.id}/kebijakan`).type('form').send({ ...(await form({ capaianDesimal: '1,5' })), _csrf: await csrf(en, `/siklus/${siklus.id}/kebijakan`) });
    expect(res.status).toBe(422);
    expect(fieldOf(res.text, 'capaianDesimal').err).toBe('Enter a whole number.');
    expect(text(res.text)).toContain('Regulation not confirmed');
  });
});

describe('frozen from KALIBRASI on, and what is computed reads the stored policy', () => {
  it('the page is read-only, saying why; a save is refused and changes nothing', async () => {
    const policy = await stored();
    await given.faseSiklus(t, siklus.id, 'KALIBRASI');
    const page = await admin.get(`/siklus/${siklus.id}/kebijakan`);
    expect(page.status).toBe(200);
    expect(text(page.text)).toContain('Kebijakan dibekukan sejak fase Kalibrasi');
    // every group frozen but the objection window's (docs/domain/keberatan.md § The window)
    expect(page.text.match(/<fieldset class="card" disabled>/g)).toHaveLength(7);
    const res = await post(await form({ minimumOrang: '10', blokir: 'tidak' }));
    expect(res.status).toBe(409);
    expect(text(res.text)).toContain('tidak dapat diubah lagi: siklus dalam fase Kalibrasi');
    expect(await stored()).toEqual(policy);
  });

  it('the stored policy reads back as saved, and checking the year twice gives the same result under it (not the default’s)', async () => {
    const policy = parsePolicy(await stored());
    expect(policy.distribusi).toEqual({ sebagianBesarMinimum: false, minimumOrang: 2, blokir: true });
    // the year's suggestion from the stored policy, twice: the same; 112 of 100 is above under the default (> 110), as expected under the saved > 112,5
    const year: PotonganTahun<number, string>[] = [{ id: 'SKP', label: 'SKP', hari: 365, rhk: [{ id: 1, label: 'RHK 1', jenis: 'UTAMA', indikator: [
      { id: 1, label: 'IKI 1', jenisTarget: 'ANGKA', lebihBaik: 'TINGGI', gabungPeriode: 'JUMLAH', target: { targetAngka: 100 }, realisasi: [28, 28, 28, 28].map((angka, i) => ({ periode: `Triwulan ${i + 1}`, angka })) },
    ] }] }];
    const again = parsePolicy(await stored());
    expect(saranTahunan(year, [], again)).toEqual(saranTahunan(year, [], policy));
    expect(saranTahunan(year, [], policy).hasilKerja).toMatchObject({ kind: 'saran', rating: 'SESUAI' });
    expect(saranTahunan(year, [], DEFAULT_POLICY).hasilKerja).toMatchObject({ kind: 'saran', rating: 'DI_ATAS' });
    const first = await cekUnitFinalisasi(t.db.sql, siklus.id, unit.id);
    const second = await cekUnitFinalisasi(t.db.sql, siklus.id, unit.id);
    expect(second).toEqual(first);
    // three people: under the stored minimumOrang 2 a violation; under the default 10 only a warning
    expect(first.cek?.hasil).toBe('PELANGGARAN');
    const page = text((await admin.get(`/finalisasi?siklus=${siklus.id}`)).text);
    expect(page).toContain('pelanggaran pola distribusi memblokir finalisasi');
  });
});
