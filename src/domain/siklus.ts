// The yearly cycle (docs/domain/siklus.md): DRAFT → PERENCANAAN → PELAKSANAAN → PENILAIAN → KALIBRASI
// → SELESAI → ARSIP, one step forward at a time, each step guarded by facts about the data.

export const FASE = ['DRAFT', 'PERENCANAAN', 'PELAKSANAAN', 'PENILAIAN', 'KALIBRASI', 'SELESAI', 'ARSIP'] as const;
export type Fase = (typeof FASE)[number];
export type JenisPeriode = 'BULANAN' | 'TRIWULANAN' | 'SEMESTERAN';

export function nextFase(f: Fase): Fase | null {
  const i = FASE.indexOf(f);
  return i >= 0 && i < FASE.length - 1 ? FASE[i + 1]! : null;
}

/** A closed cycle is read-only everywhere. */
export const isClosed = (f: Fase): boolean => f === 'SELESAI' || f === 'ARSIP';
/** SKPs are drafted and revised while planning and carrying out the year's work. */
export const skpEditable = (f: Fase): boolean => f === 'PERENCANAAN' || f === 'PELAKSANAAN';
/** ── evaluasi: finalisasi ── The scoring policy is set until the year's ratings are calibrated: frozen from KALIBRASI on. */
export const policyEditable = (f: Fase): boolean => f === 'DRAFT' || f === 'PERENCANAAN' || f === 'PELAKSANAAN' || f === 'PENILAIAN';

export type TransitionFacts = {
  periodeCount: number;
  periodeInvalid: number; // periods whose dates or deadlines are out of order
  bulkJobDone: boolean; // draft SKPs created for every active employee
  skpNotApproved: number; // current SKPs not yet DISETUJUI
  lastPeriodStarted: boolean; // the last period has begun (today ≥ its start)
  // ── evaluasi: finalisasi ── the year-end evaluation (docs/domain/finalisasi.md § Phase guards)
  saranCount: number; // saran_tahunan rows of the cycle (the year-end computation has written them)
  hitungSelesai: boolean; // no evaluasi.hitung job, or the last one SELESAI (none queued, running or failed)
  saranBelumDikonfirmasi: number; // suggestions without the appraiser's evaluasi_tahunan row
  evaluasiBelumFinal: number; // suggestions whose evaluation is not FINAL (none yet, or DIKONFIRMASI)
};

export type Blocker = { key: string; params?: Record<string, string | number> };

/** What stops the cycle from moving from `from` to the next phase (empty: it may move). */
export function transitionBlockers(from: Fase, f: TransitionFacts): Blocker[] {
  const b: Blocker[] = [];
  switch (from) {
    case 'DRAFT':
      if (f.periodeCount === 0) b.push({ key: 'siklus.block.noPeriode' });
      if (f.periodeInvalid > 0) b.push({ key: 'siklus.block.periodeInvalid', params: { count: f.periodeInvalid } });
      break;
    case 'PERENCANAAN':
      if (!f.bulkJobDone) b.push({ key: 'siklus.block.bulkRunning' });
      if (f.skpNotApproved > 0) b.push({ key: 'siklus.block.skpNotApproved', params: { count: f.skpNotApproved } });
      break;
    case 'PELAKSANAAN':
      if (!f.lastPeriodStarted) b.push({ key: 'siklus.block.lastPeriodNotStarted' });
      break;
    case 'PENILAIAN':
      // calibration works on the year's computed, confirmed ratings
      if (f.saranCount === 0) b.push({ key: 'siklus.block.belumDihitung' });
      if (!f.hitungSelesai) b.push({ key: 'siklus.block.hitungBelumSelesai' });
      if (f.saranBelumDikonfirmasi > 0) b.push({ key: 'siklus.block.belumDikonfirmasi', params: { count: f.saranBelumDikonfirmasi } });
      break;
    case 'KALIBRASI':
      // closing the year needs every evaluation locked by finalisation
      if (f.saranCount === 0) b.push({ key: 'siklus.block.belumDihitung' });
      // a re-run still going may yet add someone (a suggestion without an evaluation)
      if (!f.hitungSelesai) b.push({ key: 'siklus.block.hitungBelumSelesai' });
      if (f.evaluasiBelumFinal > 0) b.push({ key: 'siklus.block.belumFinal', params: { count: f.evaluasiBelumFinal } });
      break;
    case 'SELESAI':
      break;
    case 'ARSIP':
      b.push({ key: 'siklus.block.final' });
  }
  return b;
}

export type PeriodeDraft = { urutan: number; nama: string; mulai: string; selesai: string; batasPegawai: string; batasPenilai: string };

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/**
 * The periods of a year with default deadlines: the employee reports within 5 days of the
 * period's end, the appraiser rates within 10 (agencies adjust them per period).
 */
export function defaultPeriode(tahun: number, jenis: JenisPeriode): PeriodeDraft[] {
  const months = jenis === 'BULANAN' ? 1 : jenis === 'TRIWULANAN' ? 3 : 6;
  const out: PeriodeDraft[] = [];
  for (let i = 0; i < 12 / months; i++) {
    const mulai = new Date(Date.UTC(tahun, i * months, 1));
    const selesai = new Date(Date.UTC(tahun, (i + 1) * months, 0));
    const nama = jenis === 'BULANAN' ? BULAN[i]! : jenis === 'TRIWULANAN' ? `Triwulan ${ROMAN[i]}` : `Semester ${ROMAN[i]}`;
    out.push({ urutan: i + 1, nama, mulai: iso(mulai), selesai: iso(selesai), batasPegawai: iso(addDays(selesai, 5)), batasPenilai: iso(addDays(selesai, 10)) });
  }
  return out;
}

/** Message keys for what is wrong with one period's dates (empty when fine). */
export function periodeProblems(p: { mulai: string; selesai: string; batasPegawai: string; batasPenilai: string }): string[] {
  const out: string[] = [];
  if (p.selesai < p.mulai) out.push('periode.selesaiBeforeMulai');
  if (p.batasPegawai < p.selesai) out.push('periode.batasPegawaiEarly');
  if (p.batasPenilai < p.batasPegawai) out.push('periode.batasPenilaiEarly');
  return out;
}

type PeriodeDates = { mulai: string; selesai: string; batasPegawai: string; batasPenilai: string };

/**
 * Everything wrong with a cycle's periods, as form field errors: `periode.<i>` for dates out of
 * order within a period, `periode.<i>.<field>` for one date. A period lies inside the cycle's
 * year (1 January … 31 December); its deadlines may run into January of the next year, when the
 * last period's reports and ratings are due. Two periods may touch (one ends the day before the
 * next starts) but not share a day; the one that starts later gets the error.
 */
export function periodeSetProblems(tahun: number, rows: readonly PeriodeDates[]): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: string) => (out[k] ??= v);
  const first = `${tahun}-01-01`;
  const last = `${tahun}-12-31`;
  const lastDeadline = `${tahun + 1}-01-31`;
  rows.forEach((r, i) => {
    const order = periodeProblems(r);
    if (order.length) put(`periode.${i}`, order[0]!);
    for (const f of ['mulai', 'selesai'] as const) if (r[f] < first || r[f] > last) put(`periode.${i}.${f}`, 'periode.outsideYear');
    for (const f of ['batasPegawai', 'batasPenilai'] as const) if (r[f] < first || r[f] > lastDeadline) put(`periode.${i}.${f}`, 'periode.batasOutsideYear');
  });
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 1; j < rows.length; j++) {
      const a = rows[i]!;
      const b = rows[j]!;
      if (a.selesai < a.mulai || b.selesai < b.mulai) continue; // already reported as out of order
      if (a.mulai <= b.selesai && b.mulai <= a.selesai) put(`periode.${a.mulai > b.mulai ? i : j}.mulai`, 'periode.overlaps');
    }
  }
  return out;
}

/** How many periods have any problem (what blocks leaving DRAFT). */
export const periodeInvalidCount = (tahun: number, rows: readonly PeriodeDates[]): number =>
  new Set(Object.keys(periodeSetProblems(tahun, rows)).map((k) => k.split('.')[1])).size;
