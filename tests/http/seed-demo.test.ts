import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGINS, testApp, type TestApp } from '../helpers/app.js';
import { describeDemoLogins } from '../../src/db/demo-logins.js';
import { seedDemo } from '../../src/db/seed.js';

// The demo agency looks like a real dinas (src/db/seed.ts): the UPT reports to the Kepala Dinas,
// ranks fit the position levels, and the staff include a JF keterampilan and a CPNS.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

/** The rank ranges of each kind and jenjang (PermenPANRB 1/2023; Perpres on structural posts). */
const RANKS: [RegExp, string[]][] = [
  [/Ahli Muda$/, ['III/c', 'III/d']],
  [/Ahli Pertama$/, ['III/a', 'III/b']],
  [/Terampil$/, ['II/b', 'II/c', 'II/d']],
];
const STRUCTURAL: Record<string, string[]> = { JPT: ['IV/c', 'IV/d', 'IV/e'], ADMINISTRATOR: ['III/d', 'IV/a', 'IV/b'], PENGAWAS: ['III/b', 'III/c', 'III/d'] };

describe('the demo agency', () => {
  it('has the UPT under the Kepala Dinas, who appraises its head; the UPT is not a unit kerja mandiri', async () => {
    const upt = await t.db.prisma.unitKerja.findFirstOrThrow({ where: { nama: 'UPT Pusat Data Daerah' }, include: { parent: true } });
    expect(upt.parent?.parentId).toBeNull();
    expect(upt.mandiri).toBe(false);
    const kadis = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: LOGINS.kepalaDinas }, include: { jabatan: true } });
    expect(kadis.jabatan.jenis).toBe('JPT');
    const kepalaUpt = await t.db.prisma.pegawai.findFirstOrThrow({ where: { jabatan: { nama: 'Kepala UPT Pusat Data Daerah' } } });
    expect(kepalaUpt.penilaiId).toBe(kadis.id);
    // the UPT's staff are appraised by its head
    const staf = await t.db.prisma.pegawai.findMany({ where: { unitId: upt.id, id: { not: kepalaUpt.id } } });
    expect(staf.length).toBeGreaterThan(0);
    for (const p of staf) expect(p.penilaiId).toBe(kepalaUpt.id);
  });

  it('gives every PNS a rank that fits the level of their position (no Ahli Muda in IV/a)', async () => {
    const people = await t.db.prisma.pegawai.findMany({ where: { jenisAsn: 'PNS' }, include: { jabatan: true } });
    const misfits: string[] = [];
    for (const p of people) {
      const range = STRUCTURAL[p.jabatan.jenis] ?? RANKS.find(([re]) => re.test(p.jabatan.nama))?.[1];
      if (range && !range.includes(p.pangkatGolongan)) misfits.push(`${p.jabatan.nama}: ${p.pangkatGolongan}`);
    }
    expect(misfits).toEqual([]);
    expect(people.some((p) => /Ahli Muda$/.test(p.jabatan.nama))).toBe(true);
  });

  it('has a JF keterampilan and a CPNS appointed last year in the first rank of their education', async () => {
    const terampil = await t.db.prisma.pegawai.findMany({ where: { jabatan: { jenis: 'FUNGSIONAL', nama: { endsWith: 'Terampil' } } } });
    expect(terampil).toHaveLength(1);
    // the NIP holds the TMT CPNS (digits 9–14: year and month)
    const cpns = (await t.db.prisma.pegawai.findMany({ where: { jenisAsn: 'PNS' } })).filter((p) => p.nip.slice(8, 12) === '2025');
    expect(cpns).toHaveLength(1);
    expect(['II/a', 'II/c', 'III/a']).toContain(cpns[0]!.pangkatGolongan);
  });

  it('keeps the demo logins', async () => {
    for (const nip of [LOGINS.pimpinan, LOGINS.kepalaDinas, LOGINS.penilai, LOGINS.pegawai]) {
      expect(await t.db.prisma.pegawai.findUnique({ where: { nip } })).not.toBeNull();
    }
  });

  it('prints each demo login with who appraises them and how many they appraise (issue 9 § 10)', async () => {
    const { logins } = await seedDemo(t.db.pool); // already seeded: the same logins, nothing written
    const lines = await describeDemoLogins(t.db, logins);
    const line = (nip: string) => lines.find((l) => l.includes(` ${nip} `))!;
    const pegawai = await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: LOGINS.pegawai }, include: { penilai: true } });
    expect(line(LOGINS.pegawai)).toContain(`dinilai oleh ${pegawai.penilai!.nama}`);
    const n = await t.db.prisma.pegawai.count({ where: { penilai: { nip: LOGINS.penilai }, aktif: true } });
    expect(n).toBeGreaterThan(0);
    expect(line(LOGINS.penilai)).toContain(`menilai ${n} pegawai`);
    expect(lines.find((l) => l.includes(' admin '))).not.toContain('dinilai oleh');
  });
});
