import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { seedPlanning } from '../../src/db/seed-planning.js';
import { seedDemo } from '../../src/db/seed.js';

// The demo's planning data (src/db/seed-planning.ts) is written through the services on top of
// the demo agency; this checks what a newcomer finds on first start: last year closed, this year
// carried out (PELAKSANAAN) on approved SKPs, with mid-year revisions at every step.

let t: TestApp;
let seeded: boolean;
let demo: { penilai: string; pegawai: string };
beforeAll(async () => {
  t = await testApp();
  const { logins } = await seedDemo(t.db.pool); // the demo is already there: this only names the logins
  demo = { penilai: logins.find((l) => l.role === 'penilai')!.login, pegawai: logins.find((l) => l.role === 'pegawai')!.login };
  seeded = await seedPlanning(t.db, t.app.locals.jobs as JobRunner, { tahun: 2026, demo });
}, 120_000);
afterAll(async () => { await t.close(); });

describe('the demo planning seed', () => {
  it('adds last year and this year once, this year moved on to PELAKSANAAN; a second run adds nothing', async () => {
    expect(seeded).toBe(true);
    expect(await seedPlanning(t.db, t.app.locals.jobs as JobRunner, { tahun: 2026 })).toBe(false);
    const siklus = await t.db.prisma.siklus.findMany({ orderBy: { tahun: 'asc' } });
    expect(siklus.map((s) => s.tahun)).toEqual([2025, 2026]);
    expect(siklus.map((s) => s.fase)).toEqual(['PENILAIAN', 'PELAKSANAAN']); // last year's end is seed-evaluasi's
    // moved by the cycle service, audited like HR's own move
    const moves = await t.db.prisma.auditLog.findMany({ where: { aksi: 'siklus.fase.move', entitasId: String(siklus[1]!.id) } });
    expect(moves.map((m) => (m.after as { fase: string }).fase)).toEqual(['PERENCANAAN', 'PELAKSANAAN']);
  });

  it('gives every active employee an SKP with RHKs and indicators in both years', async () => {
    const aktif = await t.db.prisma.pegawai.count({ where: { aktif: true } });
    for (const tahun of [2025, 2026]) {
      const skp = await t.db.prisma.skp.findMany({ where: { siklus: { tahun } }, include: { rhk: { include: { _count: { select: { indikator: true } } } } } });
      expect(skp).toHaveLength(aktif);
      for (const s of skp) {
        expect(s.rhk.length).toBeGreaterThan(0);
        for (const r of s.rhk) expect(r._count.indikator).toBeGreaterThan(0);
      }
    }
  });

  it('cascades: every RHK of someone with an appraiser intervenes an RHK of the appraiser\'s SKP', async () => {
    const bad = await t.db.pool.query(`
      SELECT r.id FROM rhk r JOIN skp s ON s.id = r.skp_id JOIN pegawai p ON p.id = s.pegawai_id
       LEFT JOIN rhk a ON a.id = r.rhk_atasan_id LEFT JOIN skp sa ON sa.id = a.skp_id
       WHERE p.penilai_id IS NOT NULL AND r.perspektif IS NULL
         AND (a.id IS NULL OR sa.pegawai_id <> p.penilai_id OR sa.siklus_id <> s.siklus_id)`);
    expect(bad.rows).toEqual([]);
  });

  it('this year every SKP was approved (revision 1 frozen); mid-year revisions show every other step: submitted, returned with a reason, draft', async () => {
    const skp = await t.db.prisma.skp.findMany({ where: { siklus: { tahun: 2026 } }, include: { versi: { select: { revisi: true } }, keputusan: { orderBy: { id: 'asc' } } } });
    for (const s of skp) {
      expect(s.versi.map((v) => v.revisi), `SKP ${s.id}`).toEqual([1]);
      expect(s.keputusan[0]).toMatchObject({ revisi: 1, jenis: 'SETUJUI' });
      expect(s.revisi).toBe(s.status === 'DISETUJUI' ? 1 : 2);
    }
    const n = (status: string) => skp.filter((s) => s.status === status).length;
    expect(n('DISETUJUI')).toBeGreaterThan(30);
    expect(n('DIAJUKAN')).toBeGreaterThan(1);
    expect(n('DIKEMBALIKAN')).toBeGreaterThan(0);
    expect(n('DRAFT')).toBeGreaterThan(1);
    const returned = skp.find((s) => s.status === 'DIKEMBALIKAN')!;
    expect(returned.alasanKembali).toMatch(/triwulan/);
    expect(returned.keputusan.map((k) => [k.revisi, k.jenis])).toEqual([[1, 'SETUJUI'], [2, 'KEMBALIKAN']]);
  });

  it('the Kepala Dinas is appraised by the Sekda (outside the agency): last year approved by the Sekda\'s login, this year waiting for it', async () => {
    const kadis = await t.db.prisma.pegawai.findFirstOrThrow({ where: { penilaiLuarId: { not: null } }, include: { penilaiLuar: true } });
    expect(kadis.penilaiLuar!.jabatan).toBe('Sekretaris Daerah');
    const lalu = await t.db.prisma.skp.findFirstOrThrow({ where: { siklus: { tahun: 2025 }, pegawaiId: kadis.id }, include: { keputusan: true, siklus: true } });
    expect(lalu.status).toBe('DISETUJUI');
    expect(lalu.keputusan).toMatchObject([{ jenis: 'SETUJUI', penilaiLuarId: kadis.penilaiLuarId, dicatatHr: false }]);
    expect(lalu.siklus.fase).toBe('PENILAIAN'); // closed by seed-evaluasi once its reports exist
    const ini = await t.db.prisma.skp.findFirstOrThrow({ where: { siklus: { tahun: 2026 }, pegawaiId: kadis.id }, include: { keputusan: true } });
    expect([ini.status, ini.revisi]).toEqual(['DIAJUKAN', 2]); // a revision waiting for the Sekda
    expect(ini.keputusan).toMatchObject([{ revisi: 1, jenis: 'SETUJUI', penilaiLuarId: kadis.penilaiLuarId }]);
  });

  it('the demo appraiser has two revisions waiting; the demo employee\'s revision was returned with a reason', async () => {
    const waiting = await t.db.prisma.skp.findMany({ where: { siklus: { tahun: 2026 }, status: 'DIAJUKAN', pegawai: { penilai: { nip: demo.penilai } } } });
    expect(waiting.map((s) => s.revisi)).toEqual([2, 2]);
    const own = await t.db.prisma.skp.findFirstOrThrow({ where: { siklus: { tahun: 2026 }, pegawai: { nip: demo.pegawai } }, include: { keputusan: { orderBy: { id: 'asc' }, include: { penilai: true } } } });
    expect([own.status, own.revisi]).toEqual(['DIKEMBALIKAN', 2]);
    expect(own.keputusan.map((k) => [k.revisi, k.jenis, k.penilai?.nip])).toEqual([[1, 'SETUJUI', demo.penilai], [2, 'KEMBALIKAN', demo.penilai]]);
    const lalu = await t.db.prisma.skp.findFirstOrThrow({ where: { siklus: { tahun: 2025 }, pegawai: { nip: demo.pegawai } } });
    expect(lalu.status).toBe('DISETUJUI');
  });
});
