import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { sqlOn } from '../../../db/sql.js';
import type { Clock } from '../../../clock.js';
import type { Actor } from '../../../domain/access.js';
import { angkaKreditTahun } from '../../../domain/scoring/angka-kredit.js';
import { PREDIKAT_ORGANISASI_LABEL } from '../../../domain/scoring/distribusi.js';
import { parsePolicy, type ScoringPolicy } from '../../../domain/scoring/policy.js';
import { PREDIKAT, PREDIKAT_LABEL, type Predikat } from '../../../domain/scoring/predikat.js';
import { round, toDecimalString } from '../../../domain/scoring/rasional.js';
import { Conflict, NotFound, Refused, type Problem } from '../../../errors.js';
import { LABELS } from '../../../i18n/labels.js';
import { audit } from '../../audit/service.js';
import { notify } from '../../notifikasi/notify.js';
import { cekUnitFinalisasi, type CekUnit } from './cek-unit.js';
import { assertHr } from './kebijakan.js';
import { akSaran, lockEvaluasi, lockSiklus, readUnitNow, siklusFinalisasiBawaan, siklusKebijakan, siklusPilihan, unitKalibrasi } from './queries.js';

// Finalisation (docs/domain/finalisasi.md): HR, in KALIBRASI, locks the year's evaluations of a
// unit, or of every unit at once, once nothing blocks it: every employee's rating confirmed by
// the appraiser, an organisation predikat to check against, and any violation of the
// distribution justified in writing (or none at all when the policy blocks violations). In one
// transaction each evaluation becomes FINAL with the moment and its angka kredit, the unit is
// marked final, the audit log says so, and each employee is told (EVALUASI_FINAL).

const JENJANG = ['PERTAMA', 'MUDA', 'MADYA', 'UTAMA', 'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA'] as const;
/** saran_tahunan.ak: the year's functional-position pieces (absent for other positions). */
const akSchema = z.array(z.object({ jenjang: z.enum(JENJANG), bulan: z.number().int().min(0).max(12) })).max(12);

/** The year's angka kredit for the final predikat (PermenPANRB 1/2023; Peraturan BKN 3/2023), as numeric(9,3) text; null without functional pieces. */
export function angkaKreditFinal(ak: unknown, predikat: Predikat): string | null {
  if (ak === null || ak === undefined) return null;
  const pieces = akSchema.parse(ak);
  if (pieces.length === 0) return null;
  return toDecimalString(round(angkaKreditTahun(pieces.map((p) => ({ ...p, predikat }))).total, 3));
}

const NUMBER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const fmt = (params: Record<string, string | number>) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? NUMBER.format(v) : v]));

type UnitRef = { unitId: number; nama: string };

/** A unit's distribution check as the page says it. */
const HASIL_LABEL = { OK: 'finalisasi.hasil.OK', PERINGATAN: 'finalisasi.hasil.PERINGATAN', PELANGGARAN: 'finalisasi.hasil.PELANGGARAN' } as const;

/** What stops a unit's finalisation, each with the names or numbers (empty: it may be finalised). */
export function hambatanUnit(u: UnitRef, c: CekUnit, policy: ScoringPolicy): Problem[] {
  const out: Problem[] = [];
  for (const b of c.baris) if (!b.dikonfirmasi) out.push({ key: 'finalisasi.block.belumDikonfirmasi', params: { unit: u.nama, nama: b.nama, nip: b.nip } });
  if (!c.predikatOrganisasi || !c.cek) {
    out.push({ key: 'finalisasi.block.tanpaPredikat', params: { unit: u.nama } });
    return out;
  }
  if (c.cek.hasil !== 'PELANGGARAN') return out;
  const jumlah = c.cek.pelanggaran.length;
  if (policy.distribusi.blokir) out.push({ key: 'finalisasi.block.pelanggaranBlokir', params: { unit: u.nama, jumlah } });
  else if (!c.justifikasi) out.push({ key: 'finalisasi.block.tanpaJustifikasi', params: { unit: u.nama, jumlah } });
  else return out;
  for (const p of c.cek.pelanggaran) {
    out.push({ key: p.reason.key, params: fmt(p.reason.params) });
    if (p.pegawai.length) out.push({ key: 'finalisasi.block.pegawai', params: { unit: u.nama, nama: p.pegawai.map((x) => x.nama).join(', ') } });
  }
  return out;
}

export type UnitState = UnitRef & {
  path: string;
  n: number;
  dikonfirmasi: number;
  final: number;
  finalAt: Date | null;
  predikat: string | null;
  hasil: 'OK' | 'PERINGATAN' | 'PELANGGARAN' | null;
  pelanggaran: number;
  justifikasi: boolean;
  hambatan: Problem[];
};

async function unitStates(db: Db, siklusId: number, policy: ScoringPolicy, unitId?: number): Promise<{ state: UnitState; cek: CekUnit }[]> {
  const units = (await unitKalibrasi(db.sql, siklusId)).filter((u) => unitId === undefined || u.unitId === unitId);
  const out: { state: UnitState; cek: CekUnit }[] = [];
  for (const u of units) {
    const cek = await cekUnitFinalisasi(db.sql, siklusId, u.unitId);
    out.push({
      cek,
      state: {
        ...u,
        hasil: cek.cek?.hasil ?? null,
        pelanggaran: cek.cek?.pelanggaran.length ?? 0,
        justifikasi: cek.justifikasi !== null,
        hambatan: hambatanUnit(u, cek, policy),
      },
    });
  }
  return out;
}

/** The finalisation page: the cycle, its units with their state (confirmed x of n, violations, justified, final) and the totals. */
export async function finalisasiPage(db: Db, actor: Actor, siklusId: number | undefined) {
  assertHr(actor);
  const id = siklusId ?? (await siklusFinalisasiBawaan(db.sql))?.id;
  if (id === undefined) throw new NotFound();
  const s = await siklusKebijakan(db.sql, id);
  if (!s) throw new NotFound();
  const policy = parsePolicy(s.policy);
  const units = (await unitStates(db, id, policy)).map((u) => u.state);
  const total = (f: (u: UnitState) => number) => units.reduce((a, u) => a + f(u), 0);
  return {
    siklus: { id: s.id, tahun: s.tahun, fase: s.fase },
    pilihan: await siklusPilihan(db.sql),
    units,
    ringkasan: {
      unit: units.length,
      unitFinal: units.filter((u) => u.finalAt !== null && u.final === u.n).length,
      pegawai: total((u) => u.n),
      dikonfirmasi: total((u) => u.dikonfirmasi),
      final: total((u) => u.final),
    },
    bisaFinalisasi: s.fase === 'KALIBRASI',
    predikatLabel: PREDIKAT_ORGANISASI_LABEL,
    hasilLabel: HASIL_LABEL,
    blokir: policy.distribusi.blokir,
  };
}

export type HasilFinalisasi = { units: { unitId: number; nama: string; difinalisasi: number }[]; difinalisasi: number; sudahFinal: number };

/**
 * Finalises one unit (`unitId`, one of the calibration units of unitKalibrasi) or every unit of
 * the agency (`null`: all or nothing). What blocks it is refused as `finalisasi.blocked` with one
 * problem per blocker. A unit already final is left as it is, so a second finalisation (a double
 * submit) changes nothing. If a rating, the organisation predikat or the justification changed
 * between the check and the transaction, it is a Conflict (check again).
 */
export async function finalisasi(db: Db, actor: Actor, siklusId: number, target: { unitId: number | null }, clock: Clock): Promise<HasilFinalisasi> {
  assertHr(actor);
  const s = await siklusKebijakan(db.sql, siklusId);
  if (!s) throw new NotFound();
  if (s.fase !== 'KALIBRASI') throw new Refused('finalisasi.bukanKalibrasi', { tahun: s.tahun, fase: `@${LABELS.fase[s.fase]}` });
  const policy = parsePolicy(s.policy);
  const units = await unitStates(db, siklusId, policy, target.unitId ?? undefined);
  if (target.unitId !== null && units.length === 0) throw new NotFound();
  const problems = units.flatMap((u) => u.state.hambatan);
  if (problems.length) throw new Refused('finalisasi.blocked', { jumlah: problems.length }, problems);
  const todo = units.filter((u) => !(u.state.finalAt !== null && u.state.final === u.state.n));
  const sudahFinal = units.length - todo.length;
  if (todo.length === 0) return { units: [], difinalisasi: 0, sudahFinal };

  const now = clock.now();
  return db.prisma.$transaction(async (tx) => {
    const q = sqlOn(tx);
    const locked = await lockSiklus(q, siklusId);
    if (!locked || locked.fase !== 'KALIBRASI' || JSON.stringify(locked.policy) !== JSON.stringify(s.policy)) throw new Conflict();
    const hasil: HasilFinalisasi = { units: [], difinalisasi: 0, sudahFinal };
    for (const { state, cek } of todo) {
      const ids = cek.baris.map((b) => b.pegawaiId);
      // what the check saw must still hold: the same ratings (id and version), predikat and justification
      const rows = await lockEvaluasi(q, siklusId, ids);
      // finalised meanwhile by the same request sent twice (or by another HR login): nothing left to do
      if (rows.length === cek.baris.length && rows.every((r) => r.status === 'FINAL')) {
        hasil.sudahFinal++;
        continue;
      }
      const seen = new Map(cek.baris.map((b) => [b.pegawaiId, b]));
      const same = rows.length === cek.baris.length && rows.every((r) => seen.get(r.pegawaiId)?.evaluasiId === r.id && seen.get(r.pegawaiId)?.evaluasiVersion === r.version);
      const unitNow = await readUnitNow(q, siklusId, state.unitId);
      if (!same || (unitNow?.predikat ?? null) !== cek.predikatOrganisasi || ((unitNow?.justifikasi?.trim() ? unitNow.justifikasi : null) !== cek.justifikasi)) throw new Conflict();

      const open = rows.filter((r) => r.status !== 'FINAL');
      const ak = new Map((await akSaran(q, siklusId, open.map((r) => r.pegawaiId))).map((a) => [a.pegawaiId, a.ak]));
      // one update per distinct angka kredit (most people have none): set-based, through Prisma
      const byAk = new Map<string | null, number[]>();
      for (const r of open) {
        const value = angkaKreditFinal(ak.get(r.pegawaiId), r.predikat as Predikat);
        byAk.set(value, [...(byAk.get(value) ?? []), r.id]);
      }
      for (const [angkaKredit, group] of byAk) {
        await tx.evaluasiTahunan.updateMany({
          where: { id: { in: group }, status: 'DIKONFIRMASI' },
          data: { status: 'FINAL', finalAt: now, diberitahuAt: now, angkaKredit, version: { increment: 1 }, updatedAt: now },
        });
      }
      await tx.kalibrasiUnit.upsert({
        where: { siklusId_unitId: { siklusId, unitId: state.unitId } },
        create: { siklusId, unitId: state.unitId, finalAt: now, finalOlehUserId: actor.userId },
        update: { finalAt: now, finalOlehUserId: actor.userId, version: { increment: 1 } },
      });
      const perPredikat = Object.fromEntries(PREDIKAT.map((p) => [p, open.filter((r) => r.predikat === p).length]));
      await audit(tx, actor, {
        aksi: 'kalibrasiUnit.finalize',
        entitas: 'kalibrasi_unit',
        entitasId: state.unitId,
        before: { siklusId, unitId: state.unitId, status: 'DIKONFIRMASI', finalAt: null },
        after: { siklusId, unitId: state.unitId, status: 'FINAL', finalAt: now.toISOString(), pegawai: open.map((r) => r.pegawaiId).sort((a, b) => a - b), predikat: perPredikat, hasil: cek.cek?.hasil ?? null, justifikasi: cek.justifikasi },
      });
      await notify(q, open.map((r) => ({
        pegawaiId: r.pegawaiId,
        jenis: 'EVALUASI_FINAL' as const,
        params: { tahun: s.tahun, predikat: `@${PREDIKAT_LABEL[r.predikat as Predikat]}` },
        tautan: '/evaluasi/saya',
        kunci: `evaluasi-final:${siklusId}:${r.pegawaiId}`,
      })));
      hasil.units.push({ unitId: state.unitId, nama: state.nama, difinalisasi: open.length });
      hasil.difinalisasi += open.length;
    }
    return hasil;
  });
}
