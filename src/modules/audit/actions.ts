// The audit log's vocabulary: every action and kind of record an entry can name, typed, so that
// each has its words in every language (src/i18n/labels.ts, `LABELS.auditAksi`) and the audit
// page never shows a code where a word belongs. A new action is added here first.

export const AUDIT_AKSI = [
  'auth.login', 'auth.changePassword',
  'unit.create', 'unit.update', 'jabatan.create', 'jabatan.update',
  'pegawai.create', 'pegawai.update', 'pegawai.deactivate', 'pegawai.reactivate', 'pegawai.resetPassword',
  'pegawai.import', 'pegawai.import.create', 'pegawai.import.update',
  'siklus.create', 'siklus.periode.update', 'siklus.fase.move', 'siklus.startBulkDrafts',
  'skp.pendekatan.update', 'skp.rhk.create', 'skp.rhk.update', 'skp.rhk.delete',
  'skp.indikator.create', 'skp.indikator.update', 'skp.indikator.delete', 'skp.lampiran.create', 'skp.lampiran.delete',
  'skp.submit', 'skp.approve', 'skp.return', 'skp.ekspektasi.update', 'skp.copyLastYear', 'skp.applyTemplat',
  'skp.periodePlan.update',
  'templat.create', 'templat.update', 'templat.delete', 'templat.apply',
  'pejabatLuar.create', 'pejabatLuar.update', 'pejabatLuar.deactivate', 'pejabatLuar.reactivate', 'pejabatLuar.createLogin', 'pejabatLuar.resetPassword',
  'seed.demo',
  'unit.kepala.update', 'delegasi.create', 'delegasi.cancel',
  // a recorded move (docs/domain/mutasi.md)
  'pegawai.move', 'skp.close', 'skp.startSuccessor', 'skp.penilai.move',
  // ── laporan: the employee's periodic report, its evidence, progress notes (docs/domain/laporan.md)
  'laporan.save', 'laporan.submit', 'laporan.fillFromNotes', 'laporan.bukti.create', 'laporan.bukti.delete', 'catatanProgres.create',
  // ── penilaian: the appraiser's answer to a period's report, HR's reopening ──
  'laporan.rate', 'laporan.return', 'laporan.reopen',
  // ── linimasa: continuous feedback and dialog kinerja ──
  'umpanBalik.create', 'dialogKinerja.create', 'dialogKinerja.update',
  // ── mail: HR resends a failed e-mail; a user changes which notifications go by e-mail ──
  'email.resend', 'preferensi.update',
  // ── monitoring: the manual reminder (docs/domain/monitoring.md) ──
  'pengingat.send',
  // ── evaluasi: konfirmasi — the appraiser confirms or overrides the year's suggestion ──
  'evaluasi.confirm', 'evaluasi.override',
  // ── evaluasi: finalisasi ── the cycle's scoring policy; a unit's evaluations locked (docs/domain/finalisasi.md)
  'siklus.policy.update', 'kalibrasiUnit.finalize',
  // ── evaluasi: kalibrasi (docs/domain/kalibrasi.md) ──
  'predikatOrganisasi.set', 'kalibrasiUnit.justify',
  // ── evaluasi: hitung ── HR starts the year-end computation
  'siklus.startHitungTahunan',
  // ── rekap ── HR (or a pimpinan, their subtree's recap) takes an export of the year (docs/domain/rekap.md)
  'rekap.export',
  // ── keberatan: an objection filed, the appraiser's response asked and given, the decision (docs/domain/keberatan.md) ──
  'keberatan.create', 'keberatan.tanggapan.request', 'keberatan.tanggapan.create', 'keberatan.decide', 'evaluasi.reviseByKeberatan',
  // ── dokumen evaluasi: a Dokumen Evaluasi Kinerja issued (docs/domain/dokumen-evaluasi.md) ──
  'dokumenEvaluasi.issue',
] as const;
export type AuditAksi = (typeof AUDIT_AKSI)[number];

/** The kinds of record an entry is about (the `entitas` column: a table name, or `sistem`). */
export const AUDIT_ENTITAS = [
  'user', 'unit_kerja', 'jabatan', 'pegawai', 'siklus', 'skp', 'skp_templat', 'pejabat_luar', 'sistem', 'delegasi',
  // ── laporan
  'laporan_periode', 'catatan_progres',
  // ── linimasa ──
  'umpan_balik', 'dialog_kinerja',
  // ── mail ──
  'email_keluar',
  // ── monitoring ──
  'pengingat',
  // ── evaluasi: konfirmasi ──
  'evaluasi_tahunan',
  // ── evaluasi: finalisasi ──
  'kalibrasi_unit',
  // ── evaluasi: kalibrasi ──
  'penetapan_predikat',
  // ── keberatan ──
  'keberatan',
  // ── dokumen evaluasi ──
  'dokumen_evaluasi',
] as const;
export type AuditEntitas = (typeof AUDIT_ENTITAS)[number];

export const isAuditAksi = (s: string): s is AuditAksi => (AUDIT_AKSI as readonly string[]).includes(s);
export const isAuditEntitas = (s: string): s is AuditEntitas => (AUDIT_ENTITAS as readonly string[]).includes(s);

// Audit action names that were renamed to the naming rule (docs/naming.md § Audit action names).
// The audit log is append-only, so entries written before a rename keep the old name. This map
// is the one place that knows both: the audit page shows the current name, and a filter on
// either name finds the entries stored under the other. Add a line here whenever an action is
// renamed; never remove one.

export const RENAMED_AKSI: Readonly<Record<string, string>> = Object.freeze({
  'auth.passwordChanged': 'auth.changePassword',
  'siklus.buatSkp': 'siklus.startBulkDrafts',
  'siklus.fase': 'siklus.fase.move',
  'siklus.periode': 'siklus.periode.update',
  'skp.ajukan': 'skp.submit',
  'skp.ekspektasi': 'skp.ekspektasi.update',
  'skp.indikator.hapus': 'skp.indikator.delete',
  'skp.indikator.tambah': 'skp.indikator.create',
  'skp.indikator.ubah': 'skp.indikator.update',
  'skp.kembalikan': 'skp.return',
  'skp.lampiran.hapus': 'skp.lampiran.delete',
  'skp.lampiran.tambah': 'skp.lampiran.create',
  'skp.pendekatan': 'skp.pendekatan.update',
  'skp.rhk.hapus': 'skp.rhk.delete',
  'skp.rhk.tambah': 'skp.rhk.create',
  'skp.rhk.ubah': 'skp.rhk.update',
  'skp.salinTahunLalu': 'skp.copyLastYear',
  'skp.setujui': 'skp.approve',
  'skp.terapkanTemplat': 'skp.applyTemplat',
  'templat.terapkan': 'templat.apply',
});

/** The name an action has today, for an entry stored under any of its names. */
export const currentAksi = (stored: string): string => RENAMED_AKSI[stored] ?? stored;

/** How the detail page names a stored action: the current name, and the stored one in brackets when it differs. */
export const aksiLabel = (stored: string): string => (currentAksi(stored) === stored ? stored : `${currentAksi(stored)} (${stored})`);

/**
 * The stored names, besides those starting with `prefix`, that a filter on `prefix` must also
 * match: the old names of matching current names, and the current names of matching old ones.
 */
export function aksiAliases(prefix: string): string[] {
  const out = new Set<string>();
  for (const [old, now] of Object.entries(RENAMED_AKSI)) {
    if (now.startsWith(prefix) && !old.startsWith(prefix)) out.add(old);
    if (old.startsWith(prefix) && !now.startsWith(prefix)) out.add(now);
  }
  return [...out].sort();
}
