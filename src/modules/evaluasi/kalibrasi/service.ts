import type { Db } from '../../../db/client.js';
import { sqlOn, type Sql } from '../../../db/sql.js';
import type { Actor } from '../../../domain/access.js';
import {
  cekDistribusi, kalkulatorDistribusi, urutkanPeringkat,
  type CekDistribusi, type KalkulatorDistribusi, type Pelanggaran, type PredikatOrganisasi,
} from '../../../domain/scoring/distribusi.js';
import { PREDIKAT, type Predikat } from '../../../domain/scoring/predikat.js';
import { parsePolicy, type ScoringPolicy } from '../../../domain/scoring/policy.js';
import { parseAngka } from '../../../domain/scoring/rasional.js';
import type { Fase } from '../../../domain/siklus.js';
import { Conflict, Forbidden, NotFound, Refused } from '../../../errors.js';
import { audit } from '../../audit/service.js';
import { barisCakupan, type BarisCakupan } from '../cakupan.js';
import { siklusPilihan, unitKalibrasi, unitPenilai, unitRingkasan, type UnitKalibrasi, type UnitRingkasan } from './queries.js';
import type { JustifikasiInput, UnitQuery } from './schemas.js';

/** How many of the ranking one page lists (the rest by "next"; the counts, chart and violations always cover the whole unit). */
export const PERINGKAT_PER_HALAMAN = 50;

// Calibration against the distribution curve (docs/domain/kalibrasi.md § Calibration): per unit,
// its employees' predikat against the band its organisation predikat allows (SE MenPANRB 3/2023),
// the violations with their numbers and names, the ranking inside each predikat, and the written
// justification of a violation that remains. Open in KALIBRASI, a preview in PENILAIAN, read-only
// after. Who sees a unit: HR every unit; a pimpinan the units of their subtree; an appraiser the
// units of their appraisees and the checks those count in. Anyone else finds nothing (404).

/** The phases the page shows data in; the justification is written in KALIBRASI only. */
const FASE_TAMPIL: readonly Fase[] = ['PENILAIAN', 'KALIBRASI', 'SELESAI', 'ARSIP'];

/** A violation as the justification's snapshot keeps it (kalibrasi_unit.pelanggaran). */
export type PelanggaranTercatat = { kind: string; predikat: Predikat[]; persen: number; jumlah: number; n: number; izin: number; pegawai: { id: number; nama: string }[] };

/** A violation as a justification records it (what it answered). */
export const catatPelanggaran = (p: Pelanggaran<number>): PelanggaranTercatat => ({
  kind: p.aturan.kind + (p.aturan.kind !== 'ada' && p.aturan.sebagianBesar && p.aturan.kind === 'min' ? ':sebagianBesar' : ''),
  predikat: [...p.aturan.predikat],
  persen: p.persen,
  jumlah: p.jumlah,
  n: p.n,
  izin: p.izin,
  pegawai: p.pegawai.map((x) => ({ id: x.id, nama: x.nama })),
});
const ruleKey = (r: { kind: string; predikat: readonly string[] }) => `${r.kind}|${r.predikat.join('+')}`;

export type Justifikasi = {
  teks: string;
  pelanggaran: PelanggaranTercatat[];
  /** the justification answers every violation there is now (the same rules broken; the numbers may have moved) */
  sesuai: boolean;
  at: string | null;
  oleh: string | null;
  version: number;
};

export type CekUnit = {
  predikatOrganisasi: PredikatOrganisasi | null;
  /** null when the unit has no organisation predikat (its staff count in the check of a unit above) */
  cek: CekDistribusi<number> | null;
  baris: BarisCakupan[];
  justifikasi: Justifikasi | null;
  /** the calibration row's version (null: none yet) and when the unit was finalised */
  version: number | null;
  finalAt: string | null;
  policy: ScoringPolicy;
};

const toJustifikasi = (k: UnitKalibrasi['kalibrasi'], cek: CekDistribusi<number> | null): Justifikasi | null => {
  if (!k || k.justifikasi === null) return null;
  const snap = (Array.isArray(k.pelanggaran) ? k.pelanggaran : []) as PelanggaranTercatat[];
  const answered = new Set(snap.map(ruleKey));
  const now = cek ? cek.pelanggaran.map(catatPelanggaran) : [];
  return { teks: k.justifikasi, pelanggaran: snap, sesuai: now.every((p) => answered.has(ruleKey(p))), at: k.justifikasiAt, oleh: k.justifikasiOleh, version: k.version };
};

const pegawaiCek = (baris: readonly BarisCakupan[]) =>
  baris.filter((b): b is BarisCakupan & { predikat: Predikat } => b.predikat !== null).map((b) => ({ id: b.pegawaiId, nama: b.nama, predikat: b.predikat }));

/**
 * One unit's check in a cycle (the finalisation's blockers read it): its organisation predikat,
 * the check of the people it covers (null without a predikat), those people, and the justification
 * with whether it still answers the violations. `db` may be a transaction's ({ sql: sqlOn(tx) }).
 */
export async function cekUnit(db: { sql: Sql }, siklusId: number, unitId: number): Promise<CekUnit> {
  const f = await unitKalibrasi(db.sql, siklusId, unitId, null);
  if (!f.siklus || f.siklus.id !== siklusId || !f.unit) throw new NotFound();
  const policy = parsePolicy(f.siklus.policy);
  const org = f.penetapan?.predikat ?? null;
  const baris = org ? await barisCakupan(db.sql, siklusId, unitId) : [];
  const cek = org ? cekDistribusi(org, pegawaiCek(baris), policy) : null;
  return { predikatOrganisasi: org, cek, baris, justifikasi: toJustifikasi(f.kalibrasi, cek), version: f.kalibrasi?.version ?? null, finalAt: f.kalibrasi?.finalAt ?? null, policy };
}

// ---- Scope ---------------------------------------------------------------------------------

const holds = (actor: Actor, jabatanSaya: number | null, post: number | null) => post !== null && (jabatanSaya === post || actor.delegasi.some((d) => d.jabatanId === post));

/** Whether the actor may see some calibration at all (else the pages are not found). */
const mayCalibrate = (a: Actor) => a.isAdmin || (a.isPimpinan && a.pimpinanPath !== null) || (a.pegawaiId !== null && a.isPenilai);

// ---- The list ------------------------------------------------------------------------------

export type BarisDaftar = UnitRingkasan & {
  cekNama: string | null;
  n: number;
  hasil: CekDistribusi<number>['hasil'] | null;
  pelanggaranJumlah: number;
};

/** The units in the viewer's scope, each with its check's result (or whose check it counts in). */
export async function kalibrasiListPage(db: Db, actor: Actor, q: { siklus?: number }) {
  if (!mayCalibrate(actor)) throw new NotFound();
  const { siklusList, siklus } = await siklusPilihan(db.sql, q.siklus ?? null);
  if (!siklus) return { siklusList, siklus: null, tampil: false, baris: [] as BarisDaftar[] };
  const tampil = FASE_TAMPIL.includes(siklus.fase);
  if (!tampil) return { siklusList, siklus, tampil, baris: [] as BarisDaftar[] };
  const policy = parsePolicy(siklus.policy);
  const all = await unitRingkasan(db.sql, siklus.id);
  const byId = new Map(all.map((u) => [u.id, u]));
  let inScope: (u: UnitRingkasan) => boolean = () => true;
  if (!actor.isAdmin) {
    const sub = actor.isPimpinan ? actor.pimpinanPath : null;
    const mine = actor.pegawaiId !== null ? new Set(await unitPenilai(db.sql, siklus.id, actor.pegawaiId, actor.delegasi.map((d) => d.jabatanId))) : new Set<number>();
    const cekMine = new Set([...mine].map((id) => byId.get(id)?.cekId).filter((x): x is number => x !== undefined));
    inScope = (u) => (sub !== null && u.path.startsWith(sub)) || mine.has(u.id) || cekMine.has(u.id);
  }
  const baris: BarisDaftar[] = all.filter(inScope).map((u) => {
    const jumlah = u.jumlah ?? {};
    const n = PREDIKAT.reduce((s, p) => s + (jumlah[p] ?? 0), 0);
    let hasil: BarisDaftar['hasil'] = null;
    let pelanggaranJumlah = 0;
    if (u.predikat) {
      const people = PREDIKAT.flatMap((p) => Array.from({ length: jumlah[p] ?? 0 }, (_, i) => ({ id: i, nama: '', predikat: p })));
      const c = cekDistribusi(u.predikat, people, policy);
      hasil = c.hasil;
      pelanggaranJumlah = c.pelanggaran.length;
    }
    return { ...u, cekNama: u.cekId === u.id ? null : (byId.get(u.cekId)?.nama ?? null), n, hasil, pelanggaranJumlah };
  });
  return { siklusList, siklus, tampil, baris };
}

// ---- One unit ------------------------------------------------------------------------------

/** What a unit's page computes from its check's rows: the check, the band, the whole ranking. */
type ModelUnit = {
  sidik: string | null; org: PredikatOrganisasi; policyKey: string;
  baris: BarisCakupan[]; byId: Map<number, BarisCakupan>; cek: CekDistribusi<number>; kalkulator: KalkulatorDistribusi;
  urut: ReturnType<typeof urutkanPeringkat<number>>;
};

/**
 * The models computed lately, by cycle and unit. An entry is used only while the digest the
 * page's statement returns (sidikCakupanSql: every row of the check as text) and the
 * organisation predikat and policy are the same, so any change by anyone, in this process or
 * another, is read afresh; only the unchanged rows are not read and ranked again.
 */
const MODEL = new Map<string, ModelUnit>();
const MODEL_MAKS = 200;

async function modelUnit(db: Db, siklusId: number, unitId: number, org: PredikatOrganisasi, policy: ScoringPolicy, sidik: string | null): Promise<ModelUnit> {
  const key = `${siklusId}:${unitId}`;
  const policyKey = JSON.stringify(policy);
  const hit = MODEL.get(key);
  if (hit && sidik !== null && hit.sidik === sidik && hit.org === org && hit.policyKey === policyKey) {
    MODEL.delete(key); // most recently used last
    MODEL.set(key, hit);
    return hit;
  }
  const baris = await barisCakupan(db.sql, siklusId, unitId);
  const cek = cekDistribusi(org, pegawaiCek(baris), policy);
  const urut = urutkanPeringkat(
    baris.filter((b) => b.predikat !== null).map((b) => ({ id: b.pegawaiId, nama: b.nama, predikat: b.predikat!, nilai: parseAngka(b.nilai), predikatLalu: b.predikatLalu })),
  );
  const m: ModelUnit = { sidik, org, policyKey, baris, byId: new Map(baris.map((b) => [b.pegawaiId, b])), cek, kalkulator: kalkulatorDistribusi(org, cek.n, policy), urut };
  MODEL.delete(key);
  MODEL.set(key, m);
  if (MODEL.size > MODEL_MAKS) MODEL.delete(MODEL.keys().next().value!);
  return m;
}

export type BarisPeringkatUnit = BarisCakupan & { predikat: Predikat; peringkat: number; bolehUbah: boolean };

/**
 * A unit's calibration page: the chart's and table's numbers (the count per predikat against the
 * band: kalkulatorDistribusi), the violations (cekDistribusi), the ranking inside each predikat
 * (urutkanPeringkat), the people still without a predikat, the justification and whether the
 * viewer may write it. A unit without a predikat of its own says whose check it counts in.
 */
export async function kalibrasiUnitPage(db: Db, actor: Actor, unitId: number, q: UnitQuery) {
  if (!mayCalibrate(actor)) throw new NotFound();
  const f = await unitKalibrasi(db.sql, q.siklus ?? null, unitId, actor.pegawaiId);
  if (!f.unit || !f.siklus || (q.siklus !== undefined && f.siklus.id !== q.siklus)) throw new NotFound();
  const siklus = f.siklus;
  const unit = f.unit;
  const org = f.penetapan?.predikat ?? null;
  const tampil = FASE_TAMPIL.includes(siklus.fase);
  const policy = parsePolicy(siklus.policy);
  const model = org && tampil ? await modelUnit(db, siklus.id, unit.id, org, policy, f.sidik) : null;
  // scope: HR; a pimpinan's subtree; an appraiser's appraisees' units and the checks they count in
  if (!actor.isAdmin && !(actor.isPimpinan && actor.pimpinanPath !== null && unit.path.startsWith(actor.pimpinanPath))) {
    const mine = actor.pegawaiId !== null ? new Set(await unitPenilai(db.sql, siklus.id, actor.pegawaiId, actor.delegasi.map((d) => d.jabatanId))) : new Set<number>();
    if (!mine.has(unit.id) && !(model?.baris ?? []).some((b) => mine.has(b.unitId))) throw new NotFound();
  }
  const base = { siklusList: f.siklusList ?? [], siklus, unit, penetapan: f.penetapan, induk: f.induk, akar: f.akar, tampil, policy };
  const kosong = { rows: [] as BarisPeringkatUnit[], hal: 1, halaman: 1, total: 0, saya: false, perPredikat: {} as Partial<Record<Predikat, number>> };
  if (!org || !model) return { ...base, cek: null, kalkulator: null, peringkat: kosong, ditahan: [], justifikasi: null, bolehJustifikasi: false, final: f.kalibrasi?.finalAt ?? null, version: f.kalibrasi?.version ?? null };

  const m = model;
  const { baris, cek, kalkulator, byId } = m;
  const me = actor.pegawaiId;
  const boleh = (b: BarisCakupan) => me !== null && b.penilaiId === me && !b.final;
  // the whole unit in order (urutkanPeringkat), then one page of it (only the viewer's appraisees with ?saya=1)
  const saya = q.saya === '1';
  const urut = saya ? m.urut.filter((r) => boleh(byId.get(r.id)!)) : m.urut;
  const halaman = Math.max(1, Math.ceil(urut.length / PERINGKAT_PER_HALAMAN));
  const hal = Math.min(q.hal ?? 1, halaman);
  const rows: BarisPeringkatUnit[] = urut.slice((hal - 1) * PERINGKAT_PER_HALAMAN, hal * PERINGKAT_PER_HALAMAN).map((r) => {
    const b = byId.get(r.id)!;
    return { ...b, predikat: r.predikat, peringkat: r.peringkat, bolehUbah: boleh(b) };
  });
  const perPredikat: Partial<Record<Predikat, number>> = {};
  for (const r of urut) perPredikat[r.predikat] = (perPredikat[r.predikat] ?? 0) + 1;
  const peringkat = { rows, hal, halaman, total: urut.length, saya, perPredikat };
  const final = f.kalibrasi?.finalAt ?? null;
  const justifikasi = toJustifikasi(f.kalibrasi, cek);
  const bolehJustifikasi = siklus.fase === 'KALIBRASI' && !final && cek.hasil === 'PELANGGARAN' && (actor.isAdmin || holds(actor, f.jabatanSaya, unit.kepalaJabatanId));
  return {
    ...base, cek, kalkulator, peringkat,
    ditahan: baris.filter((b) => b.predikat === null).map((b) => ({ ...b, bolehUbah: boleh(b) })),
    justifikasi, bolehJustifikasi, final, version: f.kalibrasi?.version ?? null,
  };
}

/**
 * The written justification of the violations that remain in a unit's check (KALIBRASI only, not
 * once the unit is final): by HR or the unit's own pimpinan (whoever holds its head post or acts
 * for it), against the calibration row's version (null: none yet). Refused when nothing is
 * violated (a small unit's warning needs none). Stores the violations it answers; audited.
 */
export async function simpanJustifikasi(db: Db, actor: Actor, siklusId: number, unitId: number, input: { version: number | null; justifikasi: JustifikasiInput['justifikasi'] }): Promise<{ unit: string }> {
  const page = await kalibrasiUnitPage(db, actor, unitId, { siklus: siklusId, hal: undefined, saya: undefined }); // scope first: 404 for anyone outside it
  if (!(actor.isAdmin || page.bolehJustifikasi)) {
    if (page.siklus.fase !== 'KALIBRASI') throw new Refused('kalibrasi.err.fase');
    if (page.final) throw new Refused('kalibrasi.err.final');
    if (!page.cek || page.cek.hasil !== 'PELANGGARAN') throw new Refused('kalibrasi.err.tanpaPelanggaran');
    throw new Forbidden('kalibrasi.err.bukanPimpinan');
  }
  return db.prisma.$transaction(async (tx) => {
    const q = sqlOn(tx);
    const s = await tx.siklus.findUniqueOrThrow({ where: { id: siklusId }, select: { fase: true } });
    if (s.fase !== 'KALIBRASI') throw new Refused('kalibrasi.err.fase');
    const before = await tx.kalibrasiUnit.findUnique({ where: { siklusId_unitId: { siklusId, unitId } } });
    if ((before?.version ?? null) !== input.version) {
      // the same justification sent twice (a double click): already saved
      if (before && before.justifikasiOlehUserId === actor.userId && before.version === (input.version ?? 0) + 1 && before.justifikasi === input.justifikasi) return { unit: page.unit.nama };
      throw new Conflict();
    }
    if (before?.finalAt) throw new Refused('kalibrasi.err.final');
    const now = await cekUnit({ sql: q }, siklusId, unitId);
    if (!now.cek || now.cek.hasil !== 'PELANGGARAN') throw new Refused('kalibrasi.err.tanpaPelanggaran');
    const pelanggaran = now.cek.pelanggaran.map(catatPelanggaran);
    const data = { justifikasi: input.justifikasi, pelanggaran: JSON.parse(JSON.stringify(pelanggaran)) as object, justifikasiOlehUserId: actor.userId, justifikasiAt: new Date() };
    const row = before
      ? await tx.kalibrasiUnit.update({ where: { id: before.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.kalibrasiUnit.create({ data: { siklusId, unitId, ...data } });
    await audit(tx, actor, {
      aksi: 'kalibrasiUnit.justify',
      entitas: 'kalibrasi_unit',
      entitasId: row.id,
      before: before ? { justifikasi: before.justifikasi, version: before.version } : undefined,
      after: { siklusId, unitId, predikatOrganisasi: now.predikatOrganisasi, justifikasi: input.justifikasi, pelanggaran, version: row.version },
    });
    return { unit: page.unit.nama };
  });
}
