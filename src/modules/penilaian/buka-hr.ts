import type { Db } from '../../db/client.js';
import type { Clock } from '../../clock.js';
import type { Actor } from '../../domain/access.js';
import { akhirHari, defaultDibukaSampai, FASE_LAPORAN, hariDicakup, laporanBuka, tanggalDi } from '../../domain/periode-laporan.js';
import type { Fase } from '../../domain/siklus.js';
import { Forbidden, NotFound, Refused } from '../../errors.js';
import { audit } from '../audit/service.js';
import { kabarLaporan } from '../notifikasi/peristiwa.js'; // ── bell ──
import { ensureLaporan, zonaOf } from '../laporan/read.js';
import { asScoped } from '../../domain/access.js';

// HR reopens one person's report of a period whose deadline has passed (docs/domain/penilaian.md
// § Reopening): with a reason and the day it stays open until, audited. A late draft stays a
// draft; a report not started yet is created (on the SKP's last approved revision), so the
// employee finds it open. A submitted or rated report is not reopened (the appraiser returns it).

/** The person's SKPs in the cycles that take reports, each period they cover with its report's state and whether HR may reopen it now. */
export async function bukaLaporanPage(db: Db, clock: Clock, actor: Actor, pegawaiId: number) {
  if (!actor.isAdmin) throw new Forbidden();
  const pegawai = await db.prisma.pegawai.findUnique({ where: { id: pegawaiId }, select: { id: true, nama: true, nip: true } });
  if (!pegawai) throw new NotFound();
  const skp = await db.prisma.skp.findMany({
    where: { pegawaiId, siklus: { fase: { in: [...FASE_LAPORAN] as never } } },
    orderBy: [{ siklus: { tahun: 'desc' } }, { periodeAwal: 'asc' }],
    select: {
      id: true, periodeAwal: true, periodeAkhir: true, revisi: true, status: true,
      siklus: { select: { tahun: true, fase: true, zonaWaktu: true, periode: { orderBy: { urutan: 'asc' } } } },
      laporan: { select: { id: true, periodeId: true, status: true, dibukaSampai: true } },
    },
  });
  const now = clock.now();
  const rows = skp.flatMap((s) => {
    const zona = zonaOf(s.siklus);
    return s.siklus.periode.flatMap((p) => {
      const dicakup = hariDicakup(p, s);
      if (!dicakup) return [];
      const l = s.laporan.find((x) => x.periodeId === p.id) ?? null;
      const buka = laporanBuka({ fase: s.siklus.fase as Fase, zona, periode: p, now, dibukaSampai: l?.dibukaSampai ?? null });
      const bisa = !buka.buka && buka.sebab === 'lewatBatas' && (!l || l.status === 'DRAFT' || l.status === 'DIKEMBALIKAN');
      return [{ skpId: s.id, tahun: s.siklus.tahun, periode: p, dicakup, laporan: l, buka, bisa, defaultSampai: defaultDibukaSampai(now, zona) }];
    });
  });
  return { pegawai, rows, hariIni: tanggalDi(now, 'Asia/Jakarta') };
}

export async function reopenLaporan(
  db: Db,
  clock: Clock,
  actor: Actor,
  pegawaiId: number,
  input: { skpId: number; periodeId: number; alasan: string; dibukaSampai: string },
): Promise<{ nama: string; periode: string; sampai: Date }> {
  if (!actor.isAdmin) throw new Forbidden();
  return db.prisma.$transaction(async (tx) => {
    const s = await tx.skp.findFirst({
      where: { id: input.skpId, pegawaiId },
      select: { id: true, periodeAwal: true, periodeAkhir: true, pegawai: { select: { nama: true } }, siklus: { select: { fase: true, zonaWaktu: true } } },
    });
    const p = s ? await tx.periode.findFirst({ where: { id: input.periodeId, siklus: { skp: { some: { id: s.id } } } } }) : null;
    if (!s || !p || !hariDicakup(p, s)) throw new NotFound();
    const zona = zonaOf(s.siklus);
    const now = clock.now();
    if (input.dibukaSampai < tanggalDi(now, zona)) throw new Refused('penilaian.err.sampaiLewat', { field: 'dibukaSampai' });
    const existing = await tx.laporanPeriode.findUnique({ where: { skpId_periodeId: { skpId: s.id, periodeId: p.id } } });
    const buka = laporanBuka({ fase: s.siklus.fase as Fase, zona, periode: p, now, dibukaSampai: existing?.dibukaSampai ?? null });
    if (!buka.buka && buka.sebab === 'fase') throw new Refused('penilaian.err.fase');
    if (buka.buka || buka.sebab !== 'lewatBatas') throw new Refused('penilaian.err.masihBuka');
    if (existing && (existing.status === 'DIAJUKAN' || existing.status === 'DINILAI')) throw new Refused('penilaian.err.sudahDiajukan');
    // a report not started yet is created as the app creates every report (against the SKP's
    // last approved revision; none: there is nothing to report on yet). HR sees every SKP.
    const laporan = existing ?? (await ensureLaporan({ prisma: tx }, asScoped(s), p));
    if (!laporan) throw new Refused('penilaian.err.belumDisetujui');
    const sampai = akhirHari(input.dibukaSampai, zona);
    await tx.laporanPeriode.update({ where: { id: laporan.id }, data: { dibukaSampai: sampai, version: { increment: 1 }, updatedAt: new Date() } });
    await tx.riwayatLaporan.create({ data: { laporanId: laporan.id, jenis: 'DIBUKA_HR', alasan: input.alasan, sampai, olehUserId: actor.userId } });
    await audit(tx, actor, {
      aksi: 'laporan.reopen',
      entitas: 'laporan_periode',
      entitasId: laporan.id,
      before: { status: laporan.status, dibukaSampai: existing?.dibukaSampai ?? null, dibuat: !existing },
      after: { status: laporan.status, dibukaSampai: sampai, alasan: input.alasan, skpId: s.id, periodeId: p.id },
    });
    await kabarLaporan(tx, laporan.id, 'LAPORAN_DIBUKA_HR', sampai); // ── bell ── the employee is told (docs/domain/notifikasi.md)
    return { nama: s.pegawai.nama, periode: p.nama, sampai };
  });
}
