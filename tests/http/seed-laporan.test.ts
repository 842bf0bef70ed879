import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGINS, testApp, type TestApp } from '../helpers/app.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { seedDemo } from '../../src/db/seed.js';
import { seedPlanning } from '../../src/db/seed-planning.js';
import { seedMutasi } from '../../src/db/seed-mutasi.js';
import { seedLaporan, type SeedLaporanResult } from '../../src/db/seed-laporan.js';
import { fixedClock, systemClock, type Clock } from '../../src/clock.js';
import { localBerkasStore, type BerkasStore } from '../../src/storage/berkas-store.js';
import { parseDokumen } from '../../src/domain/skp-document.js';
import { tanggalDi } from '../../src/domain/periode-laporan.js';
import { laporanDokumen, visibleLaporan } from '../../src/modules/laporan/read.js';
import * as given from '../helpers/given.js';
import { capaian, chooseScoringTarget, classifyRhk, parsePolicy, predikat, suggestRatingHasilKerja, suggestRatingPerilaku, type Ekspektasi, type RhkDinilai } from '../../src/domain/scoring/index.js';

// The demo's periodic reports (src/db/seed-laporan.ts), seeded on the whole demo (agency,
// planning, the move) as of the real today and as of fixed days: each demo login finds data on
// the tables the issue-10 pages read (reports per period, ratings with predikat, the returned
// report, evidence whose files are in the store, feedback, the dialog, late people).

type World = { t: TestApp; store: BerkasStore; result: SeedLaporanResult | null; today: string; tahun: number; ids: Record<string, number>; moved: { nip: string } | null };
const worlds: World[] = [];

async function world(clock: Clock): Promise<World> {
  const t = await testApp({}, { clock });
  const { logins } = await seedDemo(t.db.pool);
  const demo = { penilai: logins.find((l) => l.role === 'penilai')!.login, pegawai: logins.find((l) => l.role === 'pegawai')!.login };
  const today = tanggalDi(clock.now(), 'Asia/Jakarta');
  const tahun = Number(today.slice(0, 4));
  await seedPlanning(t.db, t.app.locals.jobs as JobRunner, { tahun, demo });
  const moved = await seedMutasi(t.db, { tahun, skip: logins.map((l) => l.login), setujui: today >= `${tahun}-07-01` });
  const store = localBerkasStore(t.config.berkasDir);
  const result = await seedLaporan(t.db, store, { clock, demo });
  const ids: Record<string, number> = {};
  for (const [role, nip] of Object.entries(LOGINS)) if (role !== 'admin') ids[role] = (await t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip } })).id;
  return { t, store, result, today, tahun, ids, moved };
}

const year = Number(tanggalDi(new Date(), 'Asia/Jakarta').slice(0, 4));
let real: World, mid: World, jan: World;
beforeAll(async () => {
  // the real today; a fixed day mid-year (Q2 rated, Q3 running, past Q2's deadlines); 3 January
  [real, mid, jan] = await Promise.all([world(systemClock), world(fixedClock(`${year}-08-12T03:00:00Z`)), world(fixedClock(`${year}-01-03T03:00:00Z`))]);
  worlds.push(real, mid, jan);
}, 240_000);
afterAll(async () => { await Promise.all(worlds.map((w) => w.t.close())); });

const q = async <T>(w: World, text: string, params: unknown[] = []) => (await w.t.db.pool.query(text, params)).rows as T[];

/** Reports of a person's SKPs this year and last, by period. */
const laporanOf = (w: World, pegawaiId: number) => q<{ id: number; tahun: number; urutan: number; status: string; predikat: string | null; alasan_kembali: string | null; dibuka_sampai: Date | null }>(w, `
  SELECT l.id, c.tahun, p.urutan, l.status, n.predikat, l.alasan_kembali, l.dibuka_sampai
    FROM laporan_periode l JOIN skp s ON s.id = l.skp_id JOIN siklus c ON c.id = s.siklus_id JOIN periode p ON p.id = l.periode_id
    LEFT JOIN penilaian_periode n ON n.laporan_id = l.id
   WHERE s.pegawai_id = $1 ORDER BY c.tahun, p.urutan`, [pegawaiId]);

describe('the demo reports, as of the real today and of a fixed day', () => {
  it('this year is in PELAKSANAAN and a second run adds nothing', async () => {
    for (const w of [real, mid]) {
      expect(w.result).not.toBeNull();
      expect((await w.t.db.prisma.siklus.findUniqueOrThrow({ where: { tahun: w.tahun } })).fase).toBe('PELAKSANAAN');
      expect(await seedLaporan(w.t.db, w.store, { clock: fixedClock(`${w.today}T03:00:00Z`) })).toBeNull();
    }
  });

  it('the periods before today are reported and rated for most people; none after today', async () => {
    for (const w of [real, mid]) {
      const rows = await q<{ urutan: number; mulai: Date; total: number; dinilai: number; skp: number }>(w, `
        SELECT p.urutan, p.mulai, count(l.id)::int AS total, count(l.id) FILTER (WHERE l.status = 'DINILAI')::int AS dinilai,
               (SELECT count(*)::int FROM skp s WHERE s.siklus_id = p.siklus_id AND s.periode_awal <= p.selesai AND s.periode_akhir >= p.mulai) AS skp
          FROM periode p JOIN siklus c ON c.id = p.siklus_id LEFT JOIN laporan_periode l ON l.periode_id = p.id
         WHERE c.tahun = $1 GROUP BY p.id ORDER BY p.urutan`, [w.tahun]);
      for (const r of rows) {
        const started = r.mulai.toISOString().slice(0, 10) <= w.today;
        if (!started) expect(r.total).toBe(0);
        const batasPenilai = (await w.t.db.prisma.periode.findFirstOrThrow({ where: { siklus: { tahun: w.tahun }, urutan: r.urutan } })).batasPenilai.toISOString().slice(0, 10);
        if (batasPenilai < w.today) expect(r.dinilai / r.skp).toBeGreaterThan(0.75);
      }
      // last year: every period rated
      const lalu = await q<{ n: number; dinilai: number }>(w, `SELECT count(*)::int AS n, count(*) FILTER (WHERE l.status = 'DINILAI')::int AS dinilai FROM laporan_periode l JOIN periode p ON p.id = l.periode_id JOIN siklus c ON c.id = p.siklus_id WHERE c.tahun = $1`, [w.tahun - 1]);
      expect(lalu[0]!.n).toBeGreaterThan(200);
      expect(lalu[0]!.dinilai).toBe(lalu[0]!.n);
    }
  });

  it('every report is on the SKP\'s approved revision and has a realisasi for every indicator of that plan once submitted; every event has its history row', async () => {
    for (const w of [real, mid]) {
      const rows = await q<{ id: number; status: string; data: unknown; n: number; ev: string[]; periode_id: number }>(w, `
        SELECT l.id, l.status, v.data, l.periode_id, (SELECT count(*)::int FROM realisasi r WHERE r.laporan_id = l.id) AS n,
               ARRAY(SELECT jenis::text FROM riwayat_laporan h WHERE h.laporan_id = l.id ORDER BY h.at, h.id) AS ev
          FROM laporan_periode l JOIN skp_versi v ON v.skp_id = l.skp_id AND v.revisi = l.skp_revisi`);
      expect(rows.length).toBe(await w.t.db.prisma.laporanPeriode.count());
      for (const r of rows) {
        const plan = parseDokumen(r.data).rhk.flatMap((x) => x.indikator);
        if (r.status !== 'DRAFT') expect(r.n, `report ${r.id}`).toBe(plan.length);
        if (r.status === 'DRAFT') expect(r.ev).toEqual([]);
        if (r.status === 'DIAJUKAN') expect(r.ev).toEqual(['DIAJUKAN']);
        if (r.status === 'DIKEMBALIKAN') expect(r.ev).toEqual(['DIAJUKAN', 'DIKEMBALIKAN']);
        if (r.status === 'DINILAI') expect(r.ev.at(-1)).toBe('DINILAI');
      }
      expect(rows.some((r) => r.ev.join() === 'DIAJUKAN,DIKEMBALIKAN,DIAJUKAN,DINILAI')).toBe(true); // returned, corrected, rated
    }
  });

  it('ratings carry the suggestions computed by the scoring module from the stored realisasi and marks, the policy version and the predikat of the matrix; one override has its reason', async () => {
    for (const w of [real, mid]) {
      const rated = await q<{ id: number; data: unknown; periode_id: number; policy: unknown; h: Ekspektasi; p: Ekspektasi; predikat: string; sh: { kind: string; rating?: string }; sp: { kind: string; rating?: string }; v: number; ah: string | null; ap: string | null }>(w, `
        SELECT l.id, v.data, l.periode_id, c.policy, n.rating_hasil_kerja AS h, n.rating_perilaku AS p, n.predikat, n.saran_hasil_kerja AS sh, n.saran_perilaku AS sp, n.policy_version AS v, n.alasan_hasil_kerja AS ah, n.alasan_perilaku AS ap
          FROM penilaian_periode n JOIN laporan_periode l ON l.id = n.laporan_id JOIN skp_versi v ON v.skp_id = l.skp_id AND v.revisi = l.skp_revisi
          JOIN skp s ON s.id = l.skp_id JOIN siklus c ON c.id = s.siklus_id`);
      expect(rated.length).toBeGreaterThan(100);
      const real = new Map((await q<{ laporan_id: number; indikator_id: number; angka: string | null; teks: string | null; penilaian: 'TERCAPAI' | null }>(w, 'SELECT laporan_id, indikator_id, angka::text, teks, penilaian FROM realisasi')).map((r) => [`${r.laporan_id}:${r.indikator_id}`, r]));
      const marks = await q<{ laporan_id: number; nilai: string; tanda: Ekspektasi }>(w, 'SELECT laporan_id, nilai, tanda FROM tanda_perilaku');
      let overrides = 0;
      const classes = new Set<string>();
      for (const r of rated) {
        const policy = parsePolicy(r.policy);
        const rhk: RhkDinilai<number>[] = [...parseDokumen(r.data).rhk].sort((a, b) => (a.jenis === b.jenis ? a.urutan - b.urutan : a.jenis === 'UTAMA' ? -1 : 1)).map((x, ri) => ({
          id: x.id, label: `RHK ${ri + 1}`, jenis: x.jenis,
          klasifikasi: classifyRhk(x.indikator.map((i, ii) => ({
            id: i.id!, label: `IKI ${ri + 1}.${ii + 1}`,
            capaian: capaian(i, real.get(`${r.id}:${i.id}`), chooseScoringTarget(i, i.targetPeriode.find((tp) => tp.periodeId === r.periode_id)).target, policy),
          })), policy),
        }));
        const saranH = JSON.parse(JSON.stringify(suggestRatingHasilKerja(rhk, policy)));
        const saranP = JSON.parse(JSON.stringify(suggestRatingPerilaku(Object.fromEntries(marks.filter((m) => m.laporan_id === r.id).map((m) => [m.nilai, m.tanda])), policy)));
        expect(r.sh).toEqual(saranH);
        expect(r.sp).toEqual(saranP);
        expect(r.v).toBe(policy.version);
        expect(r.predikat).toBe(predikat(r.h, r.p));
        expect(saranH.kind).toBe('saran');
        if (r.h !== saranH.rating) { overrides++; expect(r.ah).toBeTruthy(); } else expect(r.ah).toBeNull();
        expect(r.p).toBe(saranP.rating);
        classes.add(saranH.rating);
      }
      expect(overrides).toBe(1);
      expect([...classes].sort()).toEqual(['DI_ATAS', 'DI_BAWAH', 'SESUAI']); // some above, as and below target
    }
  });

  it('the report read model (what the pages show) computes the same suggestions as stored; the returned report is open for the employee; the late drafts read as late', async () => {
    for (const w of [real, mid]) {
      const hr = await given.adminActor(w.t);
      const now = new Date(`${w.today}T05:00:00Z`);
      const rated = await w.t.db.prisma.laporanPeriode.findMany({ where: { status: 'DINILAI' }, orderBy: { id: 'asc' }, include: { penilaian: true } });
      for (const l of rated.filter((_, i) => i % 6 === 0)) {
        const d = await laporanDokumen(w.t.db, await visibleLaporan(w.t.db, hr, l.id), { now });
        expect(JSON.parse(JSON.stringify(d.saran.hasilKerja)), `report ${l.id}`).toEqual(l.penilaian!.saranHasilKerja);
        expect(JSON.parse(JSON.stringify(d.saran.perilaku)), `report ${l.id}`).toEqual(l.penilaian!.saranPerilaku);
      }
      const kembali = await w.t.db.prisma.laporanPeriode.findFirstOrThrow({ where: { status: 'DIKEMBALIKAN' } });
      const d = await laporanDokumen(w.t.db, await visibleLaporan(w.t.db, hr, kembali.id), { now });
      expect([d.buka?.buka, d.dapatDiubah, d.pegawai.nip]).toEqual([true, true, LOGINS.pegawai]);
      const lateDraft = await w.t.db.prisma.laporanPeriode.findFirst({ where: { status: 'DRAFT', periode: { batasPegawai: { lt: new Date(`${w.today}T00:00:00Z`) } } } });
      expect(lateDraft).not.toBeNull();
      expect((await laporanDokumen(w.t.db, await visibleLaporan(w.t.db, hr, lateDraft!.id), { now })).terlambat).toBe(true);
    }
  });

  it('evidence: every file is in the store with its hash, each content stored once, shared by many reports; a few links', async () => {
    for (const w of [real, mid]) {
      const berkas = await w.t.db.prisma.berkas.findMany({ where: { bukti: { some: {} } } });
      expect(berkas.length).toBeGreaterThan(5);
      expect(new Set(berkas.map((b) => b.sha256)).size).toBe(berkas.length);
      expect(new Set(berkas.map((b) => b.mime))).toEqual(new Set(['application/pdf', 'image/png']));
      for (const b of berkas) {
        const bytes = await w.store.get(b.kunci);
        expect(bytes, b.kunci).not.toBeNull();
        expect(createHash('sha256').update(bytes!).digest('hex')).toBe(b.sha256);
        expect(bytes!.length).toBe(b.ukuran);
      }
      const bukti = await w.t.db.prisma.buktiDukung.count({ where: { berkasId: { not: null } } });
      expect(bukti).toBeGreaterThan(berkas.length * 2);
      expect(await w.t.db.prisma.buktiDukung.count({ where: { url: { startsWith: 'https://' } } })).toBeGreaterThan(3);
    }
  });

  it('the demo employee: reports per period with ratings and predikat, the latest ended period returned with a reason and open until a later day, the current one a draft with progress notes, feedback and a dialog from the appraiser', async () => {
    for (const w of [real, mid]) {
      const rows = await laporanOf(w, w.ids.pegawai!);
      expect(rows.filter((r) => r.tahun === w.tahun - 1).map((r) => [r.status, r.predikat !== null])).toEqual(Array(4).fill(['DINILAI', true]));
      const ini = rows.filter((r) => r.tahun === w.tahun);
      const returned = ini.filter((r) => r.status === 'DIKEMBALIKAN');
      expect(returned).toHaveLength(1);
      expect(returned[0]!.alasan_kembali).toMatch(/Bukti dukung/);
      expect(returned[0]!.dibuka_sampai!.toISOString().slice(0, 10) > w.today).toBe(true);
      expect(ini.filter((r) => r.status === 'DINILAI').every((r) => r.predikat)).toBe(true);
      expect(ini.at(-1)!.status).toBe('DRAFT');
      const skp = await w.t.db.prisma.skp.findFirstOrThrow({ where: { pegawaiId: w.ids.pegawai!, siklus: { tahun: w.tahun } } });
      expect(await w.t.db.prisma.catatanProgres.count({ where: { skpId: skp.id } })).toBeGreaterThanOrEqual(3);
      expect(await w.t.db.prisma.umpanBalik.count({ where: { pegawaiId: w.ids.pegawai!, dariPegawaiId: w.ids.penilai! } })).toBeGreaterThanOrEqual(3);
      const dialog = await w.t.db.prisma.dialogKinerja.findMany({ where: { pegawaiId: w.ids.pegawai!, penilaiId: w.ids.penilai! } });
      expect(dialog).toHaveLength(1);
      expect(dialog[0]!.tindakLanjut!.toISOString().slice(0, 10) > w.today).toBe(true);
      // the SKP itself: a mid-year revision the appraiser returned, the reports on the approved revision 1
      expect([skp.status, skp.revisi]).toEqual(['DIKEMBALIKAN', 2]);
    }
  });

  it('the demo appraiser has reports waiting in the queue and has rated others; the Sekda has the Kepala Dinas\'s waiting and rated earlier ones; the pimpinan rated the appraiser', async () => {
    for (const w of [real, mid]) {
      const waiting = await w.t.db.prisma.laporanPeriode.count({ where: { status: 'DIAJUKAN', skp: { penilaiId: w.ids.penilai! } } });
      expect(waiting).toBeGreaterThanOrEqual(2);
      expect(await w.t.db.prisma.penilaianPeriode.count({ where: { penilaiId: w.ids.penilai! } })).toBeGreaterThan(5);
      const kadis = await w.t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: w.ids.kepalaDinas! } });
      expect(await w.t.db.prisma.laporanPeriode.count({ where: { status: 'DIAJUKAN', skp: { pegawaiId: kadis.id, penilaiLuarId: kadis.penilaiLuarId } } })).toBe(1);
      const bySekda = await w.t.db.prisma.penilaianPeriode.findMany({ where: { penilaiLuarId: kadis.penilaiLuarId } });
      expect(bySekda.length).toBeGreaterThanOrEqual(5);
      const sekda = await w.t.db.prisma.user.findUniqueOrThrow({ where: { username: 'sekda' } });
      expect(bySekda.every((n) => n.olehUserId === sekda.id)).toBe(true);
      // the pimpinan (Kepala Bidang) rated the demo appraiser's own reports
      const appraiserRated = await w.t.db.prisma.penilaianPeriode.count({ where: { penilaiId: w.ids.pimpinan!, laporan: { skp: { pegawaiId: w.ids.penilai! } } } });
      expect(appraiserRated).toBeGreaterThanOrEqual(5);
      expect((await laporanOf(w, w.ids.pimpinan!)).length).toBeGreaterThanOrEqual(6);
    }
  });

  it('HR finds late people in the latest period whose deadline has passed; the current period has drafts, submitted reports and none for some', async () => {
    for (const w of [real, mid]) {
      const p = await q<{ id: number; batas_pegawai: Date; selesai: Date; mulai: Date }>(w, `SELECT p.* FROM periode p JOIN siklus c ON c.id = p.siklus_id WHERE c.tahun = $1 AND p.batas_pegawai < $2::date ORDER BY p.urutan DESC LIMIT 1`, [w.tahun, w.today]);
      const late = await q<{ n: number }>(w, `
        SELECT count(*)::int AS n FROM skp s JOIN periode p ON p.id = $1 AND s.siklus_id = p.siklus_id AND s.periode_awal <= p.selesai AND s.periode_akhir >= p.mulai
          LEFT JOIN laporan_periode l ON l.skp_id = s.id AND l.periode_id = p.id
         WHERE l.id IS NULL OR l.diajukan_at IS NULL`, [p[0]!.id]);
      expect(late[0]!.n).toBeGreaterThanOrEqual(2);
      expect(w.result!.terlambat).toBeGreaterThanOrEqual(2);
      const cur = await q<{ status: string | null; n: number }>(w, `
        SELECT l.status::text, count(*)::int AS n FROM skp s JOIN periode p ON s.siklus_id = p.siklus_id AND p.mulai <= $2::date AND p.selesai >= $2::date
          JOIN siklus c ON c.id = p.siklus_id AND c.tahun = $1
          LEFT JOIN laporan_periode l ON l.skp_id = s.id AND l.periode_id = p.id
         WHERE s.periode_awal <= p.selesai AND s.periode_akhir >= p.mulai GROUP BY 1`, [w.tahun, w.today]);
      const by = Object.fromEntries(cur.map((r) => [r.status ?? 'NONE', r.n]));
      expect(by.DRAFT).toBeGreaterThan(5);
      expect(by.NONE).toBeGreaterThan(3);
    }
    // mid-August: Q3 is running, some already written; Q2's appraisal closed
    expect(mid.result!.tahun).toBe(year);
  });
});

describe('the demo move', () => {
  it('once 1 July has passed, the moved employee reports on the first SKP for the first half and on the second, approved by the new appraiser, after it', async () => {
    for (const w of [real, mid]) {
      const p = await w.t.db.prisma.pegawai.findUniqueOrThrow({ where: { nip: w.moved!.nip } });
      const rows = await q<{ periode_awal: Date; urutan: number; status: string }>(w, `
        SELECT s.periode_awal, p.urutan, l.status FROM laporan_periode l JOIN skp s ON s.id = l.skp_id JOIN periode p ON p.id = l.periode_id JOIN siklus c ON c.id = s.siklus_id
         WHERE s.pegawai_id = $1 AND c.tahun = $2 ORDER BY p.urutan`, [p.id, w.tahun]);
      expect(rows.filter((r) => r.periode_awal.toISOString().slice(5, 10) === '01-01').map((r) => r.urutan)).toEqual([1, 2]);
      expect(rows.filter((r) => r.periode_awal.toISOString().slice(5, 10) === '07-01').map((r) => r.urutan)[0]).toBe(3);
    }
  });
});

describe('the demo reports early in January', () => {
  it('no period of the year has ended: last year holds the rated history, this year only the first period\'s drafts and notes', async () => {
    const w = jan;
    expect(w.result).not.toBeNull();
    const rows = await laporanOf(w, w.ids.pegawai!);
    expect(rows.filter((r) => r.tahun === w.tahun - 1).map((r) => r.status)).toEqual(['DINILAI', 'DINILAI', 'DINILAI', 'DINILAI']);
    expect(rows.filter((r) => r.tahun === w.tahun).map((r) => [r.urutan, r.status])).toEqual([[1, 'DRAFT']]);
    expect(await w.t.db.prisma.laporanPeriode.count({ where: { status: { in: ['DINILAI', 'DIKEMBALIKAN'] }, periode: { siklus: { tahun: w.tahun } } } })).toBe(0);
    expect(await w.t.db.prisma.catatanProgres.count()).toBeGreaterThan(0);
    expect(await w.t.db.prisma.penilaianPeriode.count({ where: { alasanHasilKerja: { not: null } } })).toBe(1); // the override, in last year's history
  });
});
