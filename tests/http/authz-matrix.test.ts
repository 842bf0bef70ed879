import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import * as given from '../helpers/given.js';
import { csrf, loginAs, testApp, type Agent, type TestApp } from '../helpers/app.js';
// ── mail, bell ──
import { notify } from '../../src/modules/notifikasi/notify.js';

// The authorization matrix: every route the app has × every kind of actor → the expected status.
//
//   EVERY NEW ROUTE MUST BE ADDED HERE (one line in ROUTES). A route missing from this table is a
//   route whose access rules nobody has checked.
//
// Conventions:
// - anon      = no session; a POST carries no CSRF token (so it is refused with 403 before any route).
// - anonToken = no login but a valid CSRF token from the login page (POST rows only): protected
//               POSTs then redirect to /login like protected GETs do.
// - logged-in actors always send their session's valid CSRF token, so what is checked is access.
// - POSTs are sent with an empty body unless a row says otherwise: whoever gets past the guard
//   and the data scope is stopped by validation (422), so the matrix changes no data (except the
//   one reset-password row). Rows with a body carry the record's real version, to prove that a
//   guard behind validation refuses (403) what the data scope lets through.
// - The world is the test's own (tests/helpers/given.ts, organisasi()), not the demo agency:
//     root ─ kadis;  bidang ─ pimpinan (role PIMPINAN, appraised by kadis);
//     seksi ─ penilai (appraised by pimpinan), self and rekan (appraised by penilai);
//     seksi2 (under bidang) ─ subtree (appraised by kadis);  lain (under root) ─ luar.
//   Every one of them has an approved SKP (revision 1) with one RHK, one indicator, one lampiran.
//   kadis is appraised by an official outside the agency (pejabatLuar, the sixth actor, with a
//   login of their own); HR recorded that official's approval of kadis's SKP with the signed
//   document ({keputusan}).
// - Placeholders: {kind:who}, kind ∈ pegawai skp rhk ind lampiran ver (the SKP's version);
//   who is a person above, or a relation resolved per actor (REL):
//     own       the actor's own record
//     appraisee the record of someone the actor appraises
//     outside   a record that exists outside the actor's scope (for the admin: someone's record)
//   so every record route proves "exists but forbidden → 404" as well as "missing → 404".
//   {unit} {jabatan} {audit} {siklus} {templat} are a unit, a position, an audit entry, the open
//   cycle and an SKP template of the world.

const WHO = ['anon', 'pegawai', 'penilai', 'pimpinan', 'admin', 'pejabatLuar'] as const;
type Who = (typeof WHO)[number];
type Expect = Partial<Record<Who | 'anonToken', number>>;
type Row = { route: string; body?: Record<string, string>; multipart?: boolean; fresh?: boolean; expect: Expect };

const PEOPLE = ['kadis', 'pimpinan', 'penilai', 'self', 'rekan', 'subtree', 'luar'] as const;
type Person = (typeof PEOPLE)[number];
type Rel = 'own' | 'appraisee' | 'outside';
/** Whose record each relation means for each actor (anonymous visitors: any, they are sent to log in). */
const REL: Record<Who | 'anonToken', Partial<Record<Rel, Person>>> = {
  anon: { own: 'self', appraisee: 'rekan', outside: 'luar' },
  anonToken: { own: 'self', appraisee: 'rekan', outside: 'luar' },
  pegawai: { own: 'self', outside: 'rekan' }, // a colleague with the same appraiser is still outside
  penilai: { own: 'penilai', appraisee: 'self', outside: 'subtree' }, // subtree: the pimpinan's, not the penilai's
  pimpinan: { own: 'pimpinan', appraisee: 'penilai', outside: 'luar' },
  admin: { outside: 'luar' }, // the HR admin has no employee record of their own
  pejabatLuar: { appraisee: 'kadis', outside: 'self' }, // no record of their own in the agency
};

const e = (anon: number, pegawai: number | undefined, penilai: number | undefined, pimpinan: number | undefined, admin: number | undefined, anonToken?: number): Expect => ({ anon, pegawai, penilai, pimpinan, admin, anonToken });
/** Any logged-in user. */
const LOGGED_IN = e(303, 200, 200, 200, 200);
/** Admin only; everyone else logged in gets 403 (not a hidden link: a refusal on the server). */
const ADMIN_GET = (admin = 200) => e(303, 403, 403, 403, admin);
/** Admin-only POST: anonymous without token 403 (CSRF), with token 303 to /login; non-admin 403. */
const ADMIN_POST = (admin: number) => e(403, 403, 403, 403, admin, 303);
/** A GET on an SKP record: [own, appraisee, outside] for pegawai/penilai/pimpinan; `admin` on someone's. */
const SKP_GET = (own: number, appraisee: number, admin: number): Row['expect'][] => [
  e(303, own, own, own, undefined),
  e(303, undefined, appraisee, appraisee, undefined),
  e(303, 404, 404, 404, admin),
];
/** A POST on an SKP record, likewise (anonymous: 403 without a token, 303 to /login with one). */
const SKP_POST = (own: number, appraisee: number, admin: number): Row['expect'][] => [
  e(403, own, own, own, undefined, 303),
  e(403, undefined, appraisee, appraisee, undefined, 303),
  e(403, 404, 404, 404, admin, 303),
];
/** One row per relation: the route with {kind:rel} filled in for own, appraisee and outside. */
const perRel = (route: string, expects: Row['expect'][], body?: Record<string, string>): Row[] =>
  (['own', 'appraisee', 'outside'] as const).map((rel, i) => ({
    route: route.replace(/\{(\w+):rel\}/g, `{$1:${rel}}`),
    ...(body ? { body: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v.replace(/\{(\w+):rel\}/g, `{$1:${rel}}`)])) } : {}),
    expect: expects[i]!,
  }));

const ROUTES: Row[] = [
  // ---- auth ---------------------------------------------------------------------------------
  { route: 'GET /login', expect: e(200, 303, 303, 303, 303) },
  { route: 'POST /login', body: {}, expect: e(403, 422, 422, 422, 422, 422) },
  { route: 'POST /logout', fresh: true, expect: e(403, 303, 303, 303, 303, 303) },
  { route: 'POST /bahasa', body: { lang: 'id', back: '/' }, expect: e(403, 303, 303, 303, 303, 303) },
  { route: 'GET /akun/password', expect: LOGGED_IN },
  // a form kept after an expired session: nothing kept here, so each goes home
  { route: 'GET /lanjutkan', expect: e(303, 303, 303, 303, 303) },
  { route: 'POST /lanjutkan/buang', expect: e(403, 303, 303, 303, 303, 303) },
  { route: 'POST /akun/password', body: {}, expect: e(403, 422, 422, 422, 422, 303) },
  // ---- dashboard ----------------------------------------------------------------------------
  { route: 'GET /', expect: LOGGED_IN },
  { route: 'GET /ping', expect: LOGGED_IN },
  // ---- unit kerja (admin only) --------------------------------------------------------------
  { route: 'GET /unit', expect: ADMIN_GET() },
  { route: 'GET /unit/baru', expect: ADMIN_GET() },
  { route: 'GET /unit/{unit}/ubah', expect: ADMIN_GET() },
  { route: 'GET /unit/999999/ubah', expect: ADMIN_GET(404) },
  { route: 'POST /unit', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /unit/{unit}', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /unit/999999', body: {}, expect: ADMIN_POST(404) },
  // ---- jabatan (admin only) -----------------------------------------------------------------
  { route: 'GET /jabatan', expect: ADMIN_GET() },
  { route: 'GET /jabatan?unitId={unit}', expect: ADMIN_GET() },
  { route: 'GET /jabatan/baru', expect: ADMIN_GET() },
  { route: 'GET /jabatan/{jabatan}/ubah', expect: ADMIN_GET() },
  { route: 'GET /jabatan/999999/ubah', expect: ADMIN_GET(404) },
  { route: 'POST /jabatan', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /jabatan/{jabatan}', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /jabatan/999999', body: {}, expect: ADMIN_POST(404) },
  // ---- pegawai: list and detail by data scope (forbidden and missing are both 404) -----------
  { route: 'GET /pegawai', expect: LOGGED_IN },
  ...perRel('GET /pegawai/{pegawai:rel}', [e(303, 200, 200, 200, undefined), e(303, undefined, 200, 200, undefined), e(303, 404, 404, 404, 200)]),
  { route: 'GET /pegawai/{pegawai:penilai}', expect: e(303, 404, 200, 200, 200) },
  { route: 'GET /pegawai/{pegawai:rekan}', expect: e(303, 404, 200, 200, 200) },
  { route: 'GET /pegawai/{pegawai:subtree}', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /pegawai/{pegawai:pimpinan}', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /pegawai/{pegawai:kadis}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /pegawai/{pegawai:luar}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /pegawai/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /pegawai/abc', expect: e(303, 404, 404, 404, 404) },
  // ---- pegawai: management (admin only, even on one's own record) ---------------------------
  { route: 'GET /pegawai/baru', expect: ADMIN_GET() },
  { route: 'GET /pegawai/{pegawai:self}/ubah', expect: ADMIN_GET() },
  { route: 'GET /pegawai/{pegawai:kadis}/ubah', expect: ADMIN_GET() },
  { route: 'GET /pegawai/999999/ubah', expect: ADMIN_GET(404) },
  { route: 'POST /pegawai', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pegawai/{pegawai:self}', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pegawai/999999', body: {}, expect: ADMIN_POST(404) },
  { route: 'POST /pegawai/{pegawai:self}/nonaktifkan', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pegawai/{pegawai:self}/aktifkan', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pegawai/{pegawai:luar}/reset-password', body: {}, expect: ADMIN_POST(303) },
  { route: 'POST /pegawai/999999/reset-password', body: {}, expect: ADMIN_POST(404) },
  // a recorded move (mutasi / promosi) and the SKPs whose appraiser differs: HR only
  { route: 'GET /pegawai/{pegawai:self}/mutasi', expect: ADMIN_GET() },
  { route: 'GET /pegawai/999999/mutasi', expect: ADMIN_GET(404) },
  { route: 'POST /pegawai/{pegawai:self}/mutasi', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pegawai/999999/mutasi', body: {}, expect: ADMIN_POST(404) },
  { route: 'GET /skp/penilai-berbeda', expect: ADMIN_GET() },
  { route: 'POST /skp/penilai-berbeda', body: {}, expect: ADMIN_POST(422) },
  // ---- import (admin only) ------------------------------------------------------------------
  { route: 'GET /impor', expect: ADMIN_GET() },
  { route: 'GET /impor/templat.csv', expect: ADMIN_GET() },
  { route: 'GET /impor/templat.xlsx', expect: ADMIN_GET() },
  // url-encoded without a file: the admin gets the form back with "choose a file"
  { route: 'POST /impor', body: {}, expect: ADMIN_POST(422) },
  // a real upload: refused for everyone but the admin before anything is read or imported
  // (what the admin's upload does is tested with the import feature)
  { route: 'POST /impor', multipart: true, expect: e(303, 403, 403, 403, undefined) },
  // ---- siklus (admin only; what the admin's actions do is tested in siklus.test.ts) -----------
  { route: 'GET /siklus', expect: ADMIN_GET() },
  { route: 'GET /siklus/baru', expect: ADMIN_GET() },
  { route: 'POST /siklus', body: {}, expect: ADMIN_POST(422) },
  { route: 'GET /siklus/{siklus}', expect: ADMIN_GET() },
  { route: 'GET /siklus/999999', expect: ADMIN_GET(404) },
  { route: 'GET /siklus/{siklus}/job.json', expect: ADMIN_GET() },
  { route: 'GET /siklus/999999/job.json', expect: e(303, 403, 403, 403, undefined) },
  { route: 'POST /siklus/{siklus}/periode', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /siklus/999999/periode', body: {}, expect: e(403, 403, 403, 403, undefined, 303) },
  { route: 'POST /siklus/{siklus}/fase', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /siklus/999999/fase', body: {}, expect: e(403, 403, 403, 403, undefined, 303) },
  { route: 'POST /siklus/999999/buat-skp', body: {}, expect: e(403, 403, 403, 403, undefined, 303) },
  // ---- SKP templates per position: HR only ----------------------------------------------------
  { route: 'GET /templat', expect: ADMIN_GET() },
  { route: 'GET /templat/baru', expect: ADMIN_GET() },
  { route: 'POST /templat', body: {}, expect: ADMIN_POST(422) },
  { route: 'GET /templat/{templat}', expect: ADMIN_GET() },
  { route: 'POST /templat/{templat}', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /templat/{templat}/terapkan', body: {}, expect: ADMIN_POST(422) },
  // the admin's delete would succeed (templat.test.ts covers it): only the refusals here
  { route: 'POST /templat/{templat}/hapus', body: {}, expect: e(403, 403, 403, 403, undefined, 303) },
  { route: 'GET /templat/999999', expect: ADMIN_GET(404) },
  { route: 'POST /templat/999999', body: {}, expect: ADMIN_POST(404) },
  { route: 'POST /templat/999999/terapkan', body: {}, expect: ADMIN_POST(404) },
  { route: 'POST /templat/999999/hapus', body: {}, expect: ADMIN_POST(404) },
  // ---- SKP: lists (each scoped to the actor) --------------------------------------------------
  { route: 'GET /skp', expect: LOGGED_IN },
  { route: 'GET /skp/bawahan', expect: LOGGED_IN },
  { route: 'GET /skp/bawahan?status=DIAJUKAN', expect: LOGGED_IN },
  { route: 'GET /skp/matriks', expect: LOGGED_IN },
  // ---- SKP records: the owner's (skp routes), the appraiser's (review), versions and print ----
  // Scoped by getSkp / skpHeader: outside the scope → 404 like a missing id. Inside it, the owner's
  // forms refuse anyone but the owner (403) and the review refuses anyone but the appraiser (403);
  // the admin sees every SKP but owns and appraises none.
  ...perRel('GET /skp/{skp:rel}', SKP_GET(200, 200, 200)),
  ...perRel('GET /skp/{skp:rel}/cetak.pdf', SKP_GET(200, 200, 200)),
  ...perRel('GET /skp/{skp:rel}/cetak.pdf?revisi=1', SKP_GET(200, 200, 200)),
  ...perRel('GET /skp/{skp:rel}/versi/1/cetak.pdf', SKP_GET(200, 200, 200)),
  ...perRel('GET /skp/{skp:rel}/versi/999999/cetak.pdf', SKP_GET(404, 404, 404)),
  ...perRel('GET /skp/{skp:rel}/rhk/baru', SKP_GET(200, 403, 403)),
  ...perRel('GET /skp/{skp:rel}/rhk/{rhk:rel}/ubah', SKP_GET(200, 403, 403)),
  ...perRel('GET /skp/{skp:rel}/rhk/{rhk:rel}/indikator/baru', SKP_GET(200, 403, 403)),
  ...perRel('GET /skp/{skp:rel}/indikator/{ind:rel}/ubah', SKP_GET(200, 403, 403)),
  ...perRel('GET /skp/{skp:rel}/rhk/{rhk:rel}/periode', SKP_GET(200, 403, 403)),
  ...perRel('GET /skp/{skp:rel}/tinjau', SKP_GET(403, 200, 403)),
  ...perRel('GET /skp/{skp:rel}/versi', SKP_GET(200, 200, 200)),
  ...perRel('GET /skp/{skp:rel}/versi/diff', SKP_GET(200, 200, 200)),
  ...perRel('GET /skp/{skp:rel}/versi/1', SKP_GET(200, 200, 200)),
  ...perRel('POST /skp/{skp:rel}/pendekatan', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/rhk', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/rhk/{rhk:rel}', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/rhk/{rhk:rel}/hapus', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/rhk/{rhk:rel}/indikator', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/indikator/{ind:rel}', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/indikator/{ind:rel}/hapus', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/rhk/{rhk:rel}/periode', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/lampiran', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/lampiran/{lampiran:rel}/hapus', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/ajukan', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/salin-tahun-lalu', SKP_POST(422, 422, 422)),
  ...perRel('POST /skp/{skp:rel}/ekspektasi', SKP_POST(403, 422, 403)),
  ...perRel('POST /skp/{skp:rel}/setujui', SKP_POST(403, 422, 403)),
  ...perRel('POST /skp/{skp:rel}/kembalikan', SKP_POST(403, 422, 403)),
  // With a valid version the owner-only and appraiser-only guards are reached: refused, nothing
  // changes (approving an SKP that is approved already is a 409 for its appraiser).
  // (The owner's own valid deletes are not sent: they would succeed; skp-edit.test.ts covers them.)
  ...perRel('POST /skp/{skp:rel}/rhk/{rhk:rel}/hapus', [e(403, undefined, undefined, undefined, undefined, 303), e(403, undefined, 403, 403, undefined, 303), e(403, 404, 404, 404, 403, 303)], { version: '{ver:rel}' }),
  ...perRel('POST /skp/{skp:rel}/lampiran/{lampiran:rel}/hapus', [e(403, undefined, undefined, undefined, undefined, 303), e(403, undefined, 403, 403, undefined, 303), e(403, 404, 404, 404, 403, 303)], { version: '{ver:rel}' }),
  ...perRel('POST /skp/{skp:rel}/setujui', [e(403, 403, 403, 403, undefined, 303), e(403, undefined, 409, 409, undefined, 303), e(403, 404, 404, 404, 403, 303)], { version: '{ver:rel}' }),
  // a record of another SKP under an SKP the actor owns is not found either
  { route: 'GET /skp/{skp:own}/rhk/{rhk:outside}/ubah', expect: e(303, 404, 404, 404, undefined) },
  { route: 'GET /skp/{skp:own}/indikator/{ind:outside}/ubah', expect: e(303, 404, 404, 404, undefined) },
  { route: 'GET /skp/{skp:own}/rhk/{rhk:outside}/periode', expect: e(303, 404, 404, 404, undefined) },
  { route: 'GET /skp/999999/cetak.pdf', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/versi/1/cetak.pdf', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/rhk/baru', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/rhk/999999/ubah', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/rhk/999999/indikator/baru', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/indikator/999999/ubah', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/rhk/999999/periode', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/tinjau', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/versi', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/versi/diff', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/versi/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/{skp:own}/versi/999999', expect: e(303, 404, 404, 404, undefined) },
  { route: 'GET /skp/{skp:own}/cetak.pdf?revisi=999999', expect: e(303, 404, 404, 404, undefined) },
  { route: 'POST /skp/999999/pendekatan', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/rhk', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/rhk/999999', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/rhk/999999/hapus', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/rhk/999999/indikator', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/indikator/999999', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/indikator/999999/hapus', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/rhk/999999/periode', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/lampiran', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/lampiran/999999/hapus', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/ajukan', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/salin-tahun-lalu', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/ekspektasi', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/setujui', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /skp/999999/kembalikan', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  // ---- delegations, Plt/Plh (admin only; what they do: tests/http/delegasi.test.ts) -------------
  { route: 'GET /delegasi', expect: ADMIN_GET() },
  { route: 'GET /delegasi/baru', expect: ADMIN_GET() },
  { route: 'POST /delegasi', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /delegasi/{delegasi}/batalkan', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /delegasi/999999/batalkan', body: { version: '1' }, expect: ADMIN_POST(404) },
  // ---- audit log (admin only) ---------------------------------------------------------------
  // ---- officials outside the agency (HR only) -------------------------------------------------
  { route: 'GET /pejabat-luar', expect: ADMIN_GET() },
  { route: 'GET /pejabat-luar?status=semua', expect: ADMIN_GET() },
  { route: 'GET /pejabat-luar/baru', expect: ADMIN_GET() },
  { route: 'POST /pejabat-luar', body: {}, expect: ADMIN_POST(422) },
  { route: 'GET /pejabat-luar/{pejabatLuar}', expect: ADMIN_GET() },
  { route: 'GET /pejabat-luar/999999', expect: ADMIN_GET(404) },
  { route: 'GET /pejabat-luar/{pejabatLuar}/ubah', expect: ADMIN_GET() },
  { route: 'GET /pejabat-luar/999999/ubah', expect: ADMIN_GET(404) },
  { route: 'POST /pejabat-luar/{pejabatLuar}', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pejabat-luar/999999', body: {}, expect: ADMIN_POST(404) },
  { route: 'POST /pejabat-luar/{pejabatLuar}/nonaktifkan', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pejabat-luar/999999/nonaktifkan', body: {}, expect: ADMIN_POST(404) },
  { route: 'POST /pejabat-luar/{pejabatLuar}/aktifkan', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pejabat-luar/999999/aktifkan', body: {}, expect: ADMIN_POST(404) },
  { route: 'POST /pejabat-luar/{pejabatLuar}/akun', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pejabat-luar/999999/akun', body: {}, expect: ADMIN_POST(404) },
  // ---- an outside official's decision recorded by HR, and its signed document ----------------
  // HR only (before any lookup). HR is refused (403) for an SKP whose appraiser is in the agency;
  // for kadis's an empty body is stopped by validation, and with a version it is decided already (409).
  ...perRel('POST /skp/{skp:rel}/atas-nama', [e(403, 403, 403, 403, undefined, 303), e(403, undefined, 403, 403, undefined, 303), e(403, 403, 403, 403, 403, 303)]),
  { route: 'POST /skp/{skp:kadis}/atas-nama', body: {}, expect: e(403, 403, 403, 403, 422, 303) },
  { route: 'POST /skp/{skp:luar}/atas-nama', body: { version: '{ver:luar}', jenis: 'SETUJUI' }, expect: e(403, 403, 403, 403, 403, 303) },
  { route: 'POST /skp/{skp:kadis}/atas-nama', body: { version: '{ver:kadis}', jenis: 'SETUJUI' }, expect: e(403, 403, 403, 403, 409, 303) },
  { route: 'POST /skp/999999/atas-nama', body: {}, expect: e(403, 403, 403, 403, 404, 303) },
  // HR opens the review of an SKP whose appraiser is outside the agency, to record the decision
  { route: 'GET /skp/{skp:kadis}/tinjau', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /skp/{skp:kadis}/keputusan/{keputusan}/berkas', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /skp/{skp:kadis}/keputusan/999999/berkas', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/{skp:self}/keputusan/{keputusan}/berkas', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /skp/999999/keputusan/999999/berkas', expect: e(303, 404, 404, 404, 404) },
  // ---- audit log (admin only) ---------------------------------------------------------------
  { route: 'GET /audit', expect: ADMIN_GET() },
  { route: 'GET /audit?aksi=auth', expect: ADMIN_GET() },
  { route: 'GET /audit/{audit}', expect: ADMIN_GET() },
  { route: 'GET /audit/999999', expect: ADMIN_GET(404) },
  { route: 'GET /audit/abc', expect: ADMIN_GET(404) },
  // ---- everything else ----------------------------------------------------------------------
  { route: 'GET /tidak-ada', expect: e(404, 404, 404, 404, 404) },
  { route: 'POST /tidak-ada', body: {}, expect: e(403, 404, 404, 404, 404, 404) },
  { route: 'GET /static/css/app.css', expect: e(200, 200, 200, 200, 200) },
  { route: 'GET /static/js/app.js', expect: e(200, 200, 200, 200, 200) },
  // ── laporan ──
  // Each person's report on Triwulan I with one file of evidence and one progress note with a file.
  // Scoped by the report's SKP (visibleLaporan): outside → 404. The world's cycle is still planning,
  // so the owner's writes that pass validation are refused as closed (409); others are not the owner (403).
  { route: 'GET /laporan', expect: LOGGED_IN },
  ...perRel('GET /laporan/{laporan:rel}', SKP_GET(200, 200, 200)),
  { route: 'GET /laporan/999999', expect: e(303, 404, 404, 404, 404) },
  ...perRel('POST /laporan/{laporan:rel}', SKP_POST(422, 422, 422)),
  ...perRel('POST /laporan/{laporan:rel}/ajukan', SKP_POST(422, 422, 422)),
  ...perRel('POST /laporan/{laporan:rel}/dari-catatan', SKP_POST(422, 422, 422)),
  ...perRel('POST /laporan/{laporan:rel}/capaian', SKP_POST(422, 422, 422)),
  ...perRel('POST /laporan/{laporan:rel}/bukti', SKP_POST(409, 403, 403)),
  ...perRel('POST /laporan/{laporan:rel}/bukti', [e(303, 409, 409, 409, undefined), e(303, undefined, 403, 403, undefined), e(303, 404, 404, 404, 403)]).map((r) => ({ ...r, multipart: true })),
  ...perRel('GET /bukti/{bukti:rel}', SKP_GET(200, 200, 200)),
  { route: 'GET /bukti/999999', expect: e(303, 404, 404, 404, 404) },
  ...perRel('POST /bukti/{bukti:rel}/hapus', SKP_POST(409, 403, 403)),
  { route: 'GET /catatan-progres', expect: LOGGED_IN },
  { route: 'POST /catatan-progres', body: {}, expect: e(403, 422, 422, 422, 422, 303) },
  ...perRel('GET /catatan-progres/{catatan:rel}/berkas', SKP_GET(200, 200, 200)),
  // ── penilaian ──
  // The appraiser's queue is open to every login (empty for someone who appraises nobody); a
  // report ({nilai:…}, each person's second period, submitted) is answered only by the one acting
  // as its appraiser: anyone else finds nothing (404), their own report included. Empty bodies stop
  // at validation (422) for the appraiser. HR reopens a person's report (HR only).
  { route: 'GET /penilaian', expect: LOGGED_IN },
  ...perRel('GET /penilaian/{nilai:rel}', [e(303, 404, 404, 404, undefined), e(303, undefined, 200, 200, undefined), e(303, 404, 404, 404, 404)]),
  { route: 'GET /penilaian/999999', expect: e(303, 404, 404, 404, 404) },
  ...perRel('POST /penilaian/{nilai:rel}/nilai', [e(403, 404, 404, 404, undefined, 303), e(403, undefined, 422, 422, undefined, 303), e(403, 404, 404, 404, 404, 303)]),
  { route: 'POST /penilaian/999999/nilai', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  ...perRel('POST /penilaian/{nilai:rel}/kembalikan', [e(403, 404, 404, 404, undefined, 303), e(403, undefined, 422, 422, undefined, 303), e(403, 404, 404, 404, 404, 303)]),
  { route: 'POST /penilaian/999999/kembalikan', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'GET /pegawai/{pegawai:self}/buka-laporan', expect: ADMIN_GET() },
  { route: 'GET /pegawai/999999/buka-laporan', expect: ADMIN_GET(404) },
  { route: 'POST /pegawai/{pegawai:self}/buka-laporan', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /pegawai/999999/buka-laporan', body: {}, expect: ADMIN_POST(404) },
  // ── evaluasi: konfirmasi ──
  // The year's queue is open to every login (an employee who appraises nobody is sent to their own
  // year, /evaluasi/saya); one appraisee's year ({pegawai:…}, each person has a suggestion) is
  // answered only by the one acting as appraiser of the year's last SKP, or by HR on behalf of an
  // official outside the agency (kadis's): anyone else finds nothing (404), their own year included.
  // Empty bodies stop at validation (422) for the one who answers.
  { route: 'GET /evaluasi', expect: e(303, 303, 200, 200, 200) },
  { route: 'GET /evaluasi/saya?siklus={siklus}', expect: e(303, 200, 200, 200, 303) }, // HR's login has no year of its own: to the queue
  ...perRel('GET /evaluasi/{pegawai:rel}?siklus={siklus}', [e(303, 404, 404, 404, undefined), e(303, undefined, 200, 200, undefined), e(303, 404, 404, 404, 404)]),
  { route: 'GET /evaluasi/{pegawai:kadis}?siklus={siklus}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /evaluasi/999999?siklus={siklus}', expect: e(303, 404, 404, 404, 404) },
  ...perRel('POST /evaluasi/{pegawai:rel}?siklus={siklus}', [e(403, 404, 404, 404, undefined, 303), e(403, undefined, 422, 422, undefined, 303), e(403, 404, 404, 404, 404, 303)]),
  { route: 'POST /evaluasi/{pegawai:kadis}?siklus={siklus}', expect: e(403, 404, 404, 404, 422, 303) },
  { route: 'POST /evaluasi/999999?siklus={siklus}', expect: e(403, 404, 404, 404, 404, 303) },
  // ── laporan cetak (the periodic evaluation form) ──
  // whoever may see the report's SKP may print it; an outside official is refused by requireLogin
  ...perRel('GET /laporan/{laporan:rel}/cetak.pdf', SKP_GET(200, 200, 200)),
  { route: 'GET /laporan/999999/cetak.pdf', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /laporan/abc/cetak.pdf', expect: e(303, 404, 404, 404, 404) },
  // ── linimasa ──
  // The timeline: the employee, their appraiser, the pimpinan of the unit and HR see it; HR has none of its own.
  { route: 'GET /linimasa', expect: e(303, 200, 200, 200, 404) },
  ...perRel('GET /linimasa/{pegawai:rel}', [e(303, 200, 200, 200, undefined), e(303, undefined, 200, 200, undefined), e(303, 404, 404, 404, 200)]),
  { route: 'GET /linimasa/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /linimasa/abc', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /static/vendor/chart.umd.min.js', expect: e(200, 200, 200, 200, 200) },
  { route: 'GET /static/js/capaian-chart.js', expect: e(200, 200, 200, 200, 200) },
  // Feedback and dialogs name the employee in the body, so each target has its own set of fields
  // (a row's name is its route and its fields). Only the employee's appraiser gets to validation
  // (422): self is appraised by penilai, penilai by pimpinan; rekan is outside for pegawai, subtree
  // for penilai; seeing the employee (pimpinan, HR) without appraising them is 403.
  { route: 'POST /umpan-balik', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /umpan-balik', body: { pegawaiId: '{pegawai:self}' }, expect: e(403, 403, 422, 403, 403, 303) },
  { route: 'POST /umpan-balik', body: { pegawaiId: '{pegawai:rekan}', teks: '' }, expect: e(403, 404, 422, 403, 403, 303) },
  { route: 'POST /umpan-balik', body: { pegawaiId: '{pegawai:subtree}', kaitkanSkp: '' }, expect: e(403, 404, 404, 403, 403, 303) },
  { route: 'POST /umpan-balik', body: { pegawaiId: '{pegawai:penilai}', teks: '', kaitkanSkp: '' }, expect: e(403, 404, 403, 422, 403, 303) },
  ...perRel('GET /dialog-kinerja/baru?pegawaiId={pegawai:rel}', [e(303, 403, 403, 403, undefined), e(303, undefined, 200, 200, undefined), e(303, 404, 404, 404, 403)]),
  { route: 'GET /dialog-kinerja/baru?pegawaiId=999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /dialog-kinerja/baru', expect: e(303, 404, 404, 404, 404) },
  { route: 'POST /dialog-kinerja', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /dialog-kinerja', body: { pegawaiId: '{pegawai:self}' }, expect: e(403, 403, 422, 403, 403, 303) },
  { route: 'POST /dialog-kinerja', body: { pegawaiId: '{pegawai:rekan}', topik: '' }, expect: e(403, 404, 422, 403, 403, 303) },
  { route: 'POST /dialog-kinerja', body: { pegawaiId: '{pegawai:subtree}', tindakan: '' }, expect: e(403, 404, 404, 403, 403, 303) },
  { route: 'POST /dialog-kinerja', body: { pegawaiId: '{pegawai:penilai}', topik: '', tindakan: '' }, expect: e(403, 404, 403, 422, 403, 303) },
  // a recorded dialog (one per person, held by their appraiser): the appraiser edits, the others who see it read it (403)
  ...perRel('GET /dialog-kinerja/{dialog:rel}/ubah', [e(303, 403, 403, 403, undefined), e(303, undefined, 200, 200, undefined), e(303, 404, 404, 404, 403)]),
  { route: 'GET /dialog-kinerja/999999/ubah', expect: e(303, 404, 404, 404, 404) },
  ...perRel('POST /dialog-kinerja/{dialog:rel}', [e(403, 403, 403, 403, undefined, 303), e(403, undefined, 422, 422, undefined, 303), e(403, 404, 404, 404, 403, 303)]),
  { route: 'POST /dialog-kinerja/999999', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  // ── mail ──
  // HR's outbox ({email}: a failed e-mail of self's): HR only; a resend with a version reaches the
  // service (a missing one → 404). Everyone's notification settings: any login, their own only
  // (no id in the path); an empty body stops at validation.
  { route: 'GET /email-keluar', expect: ADMIN_GET() },
  { route: 'GET /email-keluar?status=ANTRI', expect: ADMIN_GET() },
  { route: 'POST /email-keluar/{email}/kirim-ulang', body: {}, expect: ADMIN_POST(422) },
  { route: 'POST /email-keluar/999999/kirim-ulang', body: { version: '1' }, expect: ADMIN_POST(404) },
  { route: 'GET /akun/notifikasi', expect: LOGGED_IN },
  { route: 'POST /akun/notifikasi', body: {}, expect: e(403, 422, 422, 422, 422, 303) },
  // ── bell ──
  // One's own notifications only ({notif:…}: one per person, to their login; {notifLuar}: the outside
  // official's). Someone else's, an appraisee's included, is not found (404); opening or marking
  // one's own goes on (303). Any login, the outside official's included.
  { route: 'GET /notifikasi', expect: LOGGED_IN },
  { route: 'POST /notifikasi/baca-semua', expect: e(403, 303, 303, 303, 303, 303) },
  ...perRel('POST /notifikasi/{notif:rel}/buka', [e(403, 303, 303, 303, undefined, 303), e(403, undefined, 404, 404, undefined, 303), e(403, 404, 404, 404, 404, 303)]),
  ...perRel('POST /notifikasi/{notif:rel}/baca', [e(403, 303, 303, 303, undefined, 303), e(403, undefined, 404, 404, undefined, 303), e(403, 404, 404, 404, 404, 303)]),
  { route: 'POST /notifikasi/{notifLuar}/buka', expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /notifikasi/999999/buka', expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /notifikasi/999999/baca', expect: e(403, 404, 404, 404, 404, 303) },
  // ── monitoring ──
  // HR watches the whole agency, a pimpinan their unit's subtree ({unit} = seksi, inside it;
  // {unitLain} = lain, outside it); anyone else finds no such page (404). The manual reminder:
  // an empty body stops at validation (422) for those who may watch; a missing period is 404.
  { route: 'GET /monitoring', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /monitoring?unit={unit}', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /monitoring?unit={unitLain}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /monitoring?periode=999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /monitoring/unduh.xlsx', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /monitoring/unduh.xlsx?unit={unitLain}', expect: e(303, 404, 404, 404, 200) },
  { route: 'POST /monitoring/pengingat', body: {}, expect: e(403, 404, 404, 422, 422, 303) },
  { route: 'POST /monitoring/pengingat', body: { periodeId: '999999', pegawaiId: '{pegawai:luar}' }, expect: e(403, 404, 404, 404, 404, 303) },
  // ── evaluasi: finalisasi ──
  // The cycle's scoring policy and finalisation are HR's: any other login finds no such page
  // (404), before its input is read. Empty bodies stop at validation (422) for HR; a unit that is
  // not one of the cycle's calibration units is 404. The world's cycle is still planning: the
  // policy page is editable, the finalisation page says finalisation waits for KALIBRASI.
  { route: 'GET /siklus/{siklus}/kebijakan', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /siklus/999999/kebijakan', expect: e(303, 404, 404, 404, 404) },
  { route: 'POST /siklus/{siklus}/kebijakan', body: {}, expect: e(403, 404, 404, 404, 422, 303) },
  { route: 'POST /siklus/999999/kebijakan', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'GET /finalisasi?siklus={siklus}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /finalisasi?siklus=999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'POST /finalisasi', body: {}, expect: e(403, 404, 404, 404, 422, 303) },
  { route: 'POST /finalisasi', body: { siklus: '{siklus}', unit: '999999' }, expect: e(403, 404, 404, 404, 404, 303) },
  // ── evaluasi: kalibrasi ──
  // The organisation predikat: HR reads every unit's, a pimpinan those of their subtree ({unit} =
  // seksi), whoever heads the parent unit sets it (nobody in this world: no unit has a head post),
  // anyone else finds nothing. A reader's empty form stops at validation (422). Calibration: HR
  // every unit, a pimpinan their subtree, an appraiser the units of their appraisees (self and
  // rekan have a year-end suggestion in seksi); requireLogin refuses the outside official.
  { route: 'GET /predikat-organisasi', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /predikat-organisasi/{unit}', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /predikat-organisasi/{unitLain}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /predikat-organisasi/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'POST /predikat-organisasi/{unit}?siklus={siklus}', multipart: true, expect: e(303, 404, 404, 422, 422) }, // multipart: the login guard before the CSRF check, as for the other uploads
  { route: 'POST /predikat-organisasi/{unitLain}?siklus={siklus}', multipart: true, expect: e(303, 404, 404, 404, 422) },
  { route: 'GET /predikat-organisasi/{unit}/berkas/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /kalibrasi', expect: e(303, 404, 200, 200, 200) },
  { route: 'GET /kalibrasi/{unit}', expect: e(303, 404, 200, 200, 200) },
  { route: 'GET /kalibrasi/{unitLain}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /kalibrasi/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'POST /kalibrasi/{unit}/justifikasi?siklus={siklus}', expect: e(403, 404, 422, 422, 422, 303) },
  { route: 'POST /kalibrasi/{unitLain}/justifikasi?siklus={siklus}', expect: e(403, 404, 404, 404, 422, 303) },
  // ── evaluasi: hitung ──
  // HR only. The world's cycle is not in PENILAIAN or KALIBRASI, so the admin's start is refused
  // with the reason on the cycle page (303) and nothing is queued; a missing cycle is 404.
  { route: 'GET /siklus/{siklus}/saran-tahunan/job.json', expect: ADMIN_GET() },
  { route: 'GET /siklus/999999/saran-tahunan/job.json', expect: ADMIN_GET(404) },
  { route: 'POST /siklus/{siklus}/saran-tahunan', body: {}, expect: ADMIN_POST(303) },
  { route: 'POST /siklus/999999/saran-tahunan', body: {}, expect: ADMIN_POST(404) },
  // ── rekap ──
  // The distribution page and the year's recap: HR the agency, a pimpinan their subtree ({unit} =
  // seksi; {unitLain} outside it: 404); the TPP list and the angka kredit list are HR's (anyone
  // else 404). An unknown cycle is 404 for everyone. Every export is a GET (nothing changes).
  { route: 'GET /rekap', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /rekap?siklus={siklus}&unit={unit}', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /rekap?siklus={siklus}&unit={unitLain}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /rekap?siklus=999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /rekap/tahunan.xlsx?siklus={siklus}', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /rekap/tahunan.xlsx?siklus={siklus}&unit={unitLain}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /rekap/tahunan.xlsx?siklus=999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /rekap/tpp.xlsx?siklus={siklus}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /rekap/tpp.csv?siklus={siklus}&unit={unit}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /rekap/angka-kredit?siklus={siklus}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /rekap/angka-kredit.xlsx?siklus={siklus}', expect: e(303, 404, 404, 404, 200) },
  // ── keberatan ── self's and rekan's objections (appraised by penilai, decided by pimpinan) and
  // subtree's (appraised by kadis, decided by the outside official). Who sees one: the employee,
  // the appraiser, the decider, HR; a colleague finds nothing (404). An empty form stops at
  // validation (422); with the real version, the employee, the appraiser and HR (an internal
  // decider) are refused (403): nobody decides their own. Uploads: the login guard first.
  { route: 'GET /keberatan', expect: LOGGED_IN },
  { route: 'GET /keberatan?status=DIAJUKAN', expect: LOGGED_IN },
  { route: 'GET /keberatan/saya?siklus={siklus}', expect: e(303, 200, 200, 200, 303) },
  // (everyone with a FINAL year of their own reaches the form's validation: the dokumen block below makes the appraiser's and the pimpinan's FINAL too)
  { route: 'POST /keberatan/saya?siklus={siklus}', multipart: true, expect: e(303, 422, 422, 422, 404) },
  { route: 'GET /keberatan/{keberatanSelf}', expect: e(303, 200, 200, 200, 200) },
  { route: 'GET /keberatan/{keberatanRekan}', expect: e(303, 404, 200, 200, 200) },
  { route: 'GET /keberatan/{keberatanSubtree}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /keberatan/999999', expect: e(303, 404, 404, 404, 404) },
  { route: 'GET /keberatan/{keberatanSelf}/berkas/{berkasSelf}', expect: e(303, 200, 200, 200, 200) },
  { route: 'GET /keberatan/{keberatanRekan}/berkas/{berkasRekan}', expect: e(303, 404, 200, 200, 200) },
  { route: 'GET /keberatan/{keberatanSelf}/berkas/{berkasRekan}', expect: e(303, 404, 404, 404, 404) },
  { route: 'POST /keberatan/{keberatanSelf}/minta-tanggapan', body: {}, expect: e(403, 422, 422, 422, 422, 303) },
  { route: 'POST /keberatan/{keberatanRekan}/minta-tanggapan', body: {}, expect: e(403, 404, 422, 422, 422, 303) },
  { route: 'POST /keberatan/{keberatanSelf}/minta-tanggapan', body: { version: '{verKeberatanSelf}', permintaan: 'Mohon penjelasan dari pejabat penilai.' }, expect: e(403, 403, 403, undefined, 403, 303) },
  { route: 'POST /keberatan/{keberatanSelf}/tanggapan', multipart: true, expect: e(303, 422, 422, 422, 422) },
  { route: 'POST /keberatan/{keberatanSubtree}/tanggapan', multipart: true, expect: e(303, 404, 404, 404, 422) },
  { route: 'POST /keberatan/{keberatanSelf}/putus', body: {}, expect: e(403, 422, 422, 422, 422, 303) },
  { route: 'POST /keberatan/{keberatanSubtree}/putus', body: {}, expect: e(403, 404, 404, 404, 422, 303) },
  { route: 'POST /keberatan/999999/putus', body: {}, expect: e(403, 404, 404, 404, 404, 303) },
  { route: 'POST /keberatan/{keberatanSelf}/putus', body: { version: '{verKeberatanSelf}', keputusan: 'TETAP', alasanKeputusan: 'Hasil evaluasi semula sudah sesuai bukti.' }, expect: e(403, 403, 403, undefined, 403, 303) },
  // ── evaluasi: dokumen ──
  // An employee's Dokumen Evaluasi Kinerja of the year (every person's year is FINAL here; the
  // first look issues number {nomor}): the employee, whoever acts as appraiser of the year's last
  // SKP, the atasan pejabat penilai, a pimpinan over the unit and HR; anyone else finds nothing
  // (404). The Penetapan Predikat print: whoever reads the unit's organisation predikat ({unit} =
  // seksi has one; {unitLain} has none: nothing to print).
  ...perRel('GET /evaluasi/{pegawai:rel}/dokumen?siklus={siklus}', [e(303, 200, 200, 200, undefined), e(303, undefined, 200, 200, undefined), e(303, 404, 404, 404, 200)]),
  { route: 'GET /evaluasi/{pegawai:kadis}/dokumen?siklus={siklus}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /evaluasi/999999/dokumen?siklus={siklus}', expect: e(303, 404, 404, 404, 404) },
  ...perRel('GET /evaluasi/{pegawai:rel}/dokumen/{nomor}/cetak.pdf?siklus={siklus}', [e(303, 200, 200, 200, undefined), e(303, undefined, 200, 200, undefined), e(303, 404, 404, 404, 200)]),
  { route: 'GET /evaluasi/{pegawai:kadis}/dokumen/{nomor}/cetak.pdf?siklus={siklus}', expect: e(303, 404, 404, 404, 200) },
  { route: 'GET /evaluasi/{pegawai:own}/dokumen/999999/cetak.pdf?siklus={siklus}', expect: e(303, 404, 404, 404, undefined) },
  { route: 'GET /predikat-organisasi/{unit}/cetak.pdf?siklus={siklus}', expect: e(303, 404, 404, 200, 200) },
  { route: 'GET /predikat-organisasi/{unitLain}/cetak.pdf?siklus={siklus}', expect: e(303, 404, 404, 404, 404) },
];

/**
 * The sixth actor: an official outside the agency logged in as themselves (pejabatLuar), the
 * appraiser of kadis. Every row says what they get: only their home page, the review and the
 * decision of the SKPs addressed to them, the signed documents of those decisions, their own
 * password and language are open; every other route refuses them (403) or finds nothing (404).
 * null: the row's relation means nobody for them (they have no record of their own in the agency).
 */
const PEJABAT_LUAR: Record<string, number | null> = {
  // ── laporan cetak ──
  'GET /laporan/{laporan:own}/cetak.pdf': null,
  'GET /laporan/{laporan:appraisee}/cetak.pdf': 403,
  'GET /laporan/{laporan:outside}/cetak.pdf': 403,
  'GET /laporan/999999/cetak.pdf': 403,
  'GET /laporan/abc/cetak.pdf': 403,
  // routes added with the rest of issue 8: HR's, the owner's and printing (requireLogin refuses an outside official)
  'GET /pegawai/{pegawai:self}/mutasi': 403,
  'GET /pegawai/999999/mutasi': 403,
  'POST /pegawai/{pegawai:self}/mutasi': 403,
  'POST /pegawai/999999/mutasi': 403,
  'GET /skp/penilai-berbeda': 403,
  'POST /skp/penilai-berbeda': 403,
  'GET /skp/{skp:own}/cetak.pdf?revisi=1': null,
  'GET /skp/{skp:appraisee}/cetak.pdf?revisi=1': 403,
  'GET /skp/{skp:outside}/cetak.pdf?revisi=1': 403,
  'GET /skp/{skp:own}/versi/1/cetak.pdf': null,
  'GET /skp/{skp:appraisee}/versi/1/cetak.pdf': 403,
  'GET /skp/{skp:outside}/versi/1/cetak.pdf': 403,
  'GET /skp/{skp:own}/versi/999999/cetak.pdf': null,
  'GET /skp/{skp:appraisee}/versi/999999/cetak.pdf': 403,
  'GET /skp/{skp:outside}/versi/999999/cetak.pdf': 403,
  'GET /skp/{skp:own}/rhk/{rhk:own}/periode': null,
  'GET /skp/{skp:appraisee}/rhk/{rhk:appraisee}/periode': 403,
  'GET /skp/{skp:outside}/rhk/{rhk:outside}/periode': 403,
  'POST /skp/{skp:own}/rhk/{rhk:own}/periode': null,
  'POST /skp/{skp:appraisee}/rhk/{rhk:appraisee}/periode': 403,
  'POST /skp/{skp:outside}/rhk/{rhk:outside}/periode': 403,
  'GET /skp/{skp:own}/rhk/{rhk:outside}/periode': null,
  'GET /skp/999999/versi/1/cetak.pdf': 403,
  'GET /skp/999999/rhk/999999/periode': 403,
  'GET /skp/{skp:own}/cetak.pdf?revisi=999999': null,
  'POST /skp/999999/rhk/999999/periode': 403,
  'GET /delegasi': 403,
  'GET /delegasi/baru': 403,
  'POST /delegasi': 403,
  'POST /delegasi/{delegasi}/batalkan': 403,
  'POST /delegasi/999999/batalkan + version': 403,
  'GET /login': 303,
  'POST /login': 422,
  'POST /logout': 303,
  'POST /bahasa + lang, back': 303,
  // a form kept when its session expired is offered back to them too (their review's return reason)
  'GET /lanjutkan': 303,
  'POST /lanjutkan/buang': 303,
  'GET /akun/password': 200,
  'POST /akun/password': 422,
  'GET /': 200,
  'GET /ping': 403,
  'GET /unit': 403,
  'GET /unit/baru': 403,
  'GET /unit/{unit}/ubah': 403,
  'GET /unit/999999/ubah': 403,
  'POST /unit': 403,
  'POST /unit/{unit}': 403,
  'POST /unit/999999': 403,
  'GET /jabatan': 403,
  'GET /jabatan?unitId={unit}': 403,
  'GET /jabatan/baru': 403,
  'GET /jabatan/{jabatan}/ubah': 403,
  'GET /jabatan/999999/ubah': 403,
  'POST /jabatan': 403,
  'POST /jabatan/{jabatan}': 403,
  'POST /jabatan/999999': 403,
  'GET /pegawai': 403,
  'GET /pegawai/{pegawai:own}': null,
  'GET /pegawai/{pegawai:appraisee}': 403,
  'GET /pegawai/{pegawai:outside}': 403,
  'GET /pegawai/{pegawai:penilai}': 403,
  'GET /pegawai/{pegawai:rekan}': 403,
  'GET /pegawai/{pegawai:subtree}': 403,
  'GET /pegawai/{pegawai:pimpinan}': 403,
  'GET /pegawai/{pegawai:kadis}': 403,
  'GET /pegawai/{pegawai:luar}': 403,
  'GET /pegawai/999999': 403,
  'GET /pegawai/abc': 403,
  'GET /pegawai/baru': 403,
  'GET /pegawai/{pegawai:self}/ubah': 403,
  'GET /pegawai/{pegawai:kadis}/ubah': 403,
  'GET /pegawai/999999/ubah': 403,
  'POST /pegawai': 403,
  'POST /pegawai/{pegawai:self}': 403,
  'POST /pegawai/999999': 403,
  'POST /pegawai/{pegawai:self}/nonaktifkan': 403,
  'POST /pegawai/{pegawai:self}/aktifkan': 403,
  'POST /pegawai/{pegawai:luar}/reset-password': 403,
  'POST /pegawai/999999/reset-password': 403,
  'GET /impor': 403,
  'GET /impor/templat.csv': 403,
  'GET /impor/templat.xlsx': 403,
  'POST /impor': 403,
  'POST /impor (multipart)': 403,
  'GET /siklus': 403,
  'GET /siklus/baru': 403,
  'POST /siklus': 403,
  'GET /siklus/{siklus}': 403,
  'GET /siklus/999999': 403,
  'GET /siklus/{siklus}/job.json': 403,
  'GET /siklus/999999/job.json': 403,
  'POST /siklus/{siklus}/periode': 403,
  'POST /siklus/999999/periode': 403,
  'POST /siklus/{siklus}/fase': 403,
  'POST /siklus/999999/fase': 403,
  'POST /siklus/999999/buat-skp': 403,
  'GET /templat': 403,
  'GET /templat/baru': 403,
  'POST /templat': 403,
  'GET /templat/{templat}': 403,
  'POST /templat/{templat}': 403,
  'POST /templat/{templat}/terapkan': 403,
  'POST /templat/{templat}/hapus': 403,
  'GET /templat/999999': 403,
  'POST /templat/999999': 403,
  'POST /templat/999999/terapkan': 403,
  'POST /templat/999999/hapus': 403,
  'GET /skp': 403,
  'GET /skp/bawahan': 403,
  'GET /skp/bawahan?status=DIAJUKAN': 403,
  'GET /skp/matriks': 403,
  'GET /skp/{skp:own}': null,
  'GET /skp/{skp:appraisee}': 403,
  'GET /skp/{skp:outside}': 403,
  'GET /skp/{skp:own}/cetak.pdf': null,
  'GET /skp/{skp:appraisee}/cetak.pdf': 403,
  'GET /skp/{skp:outside}/cetak.pdf': 403,
  'GET /skp/{skp:own}/rhk/baru': null,
  'GET /skp/{skp:appraisee}/rhk/baru': 403,
  'GET /skp/{skp:outside}/rhk/baru': 403,
  'GET /skp/{skp:own}/rhk/{rhk:own}/ubah': null,
  'GET /skp/{skp:appraisee}/rhk/{rhk:appraisee}/ubah': 403,
  'GET /skp/{skp:outside}/rhk/{rhk:outside}/ubah': 403,
  'GET /skp/{skp:own}/rhk/{rhk:own}/indikator/baru': null,
  'GET /skp/{skp:appraisee}/rhk/{rhk:appraisee}/indikator/baru': 403,
  'GET /skp/{skp:outside}/rhk/{rhk:outside}/indikator/baru': 403,
  'GET /skp/{skp:own}/indikator/{ind:own}/ubah': null,
  'GET /skp/{skp:appraisee}/indikator/{ind:appraisee}/ubah': 403,
  'GET /skp/{skp:outside}/indikator/{ind:outside}/ubah': 403,
  'GET /skp/{skp:own}/tinjau': null,
  'GET /skp/{skp:appraisee}/tinjau': 200,
  'GET /skp/{skp:outside}/tinjau': 404,
  'GET /skp/{skp:own}/versi': null,
  'GET /skp/{skp:appraisee}/versi': 403,
  'GET /skp/{skp:outside}/versi': 403,
  'GET /skp/{skp:own}/versi/diff': null,
  'GET /skp/{skp:appraisee}/versi/diff': 403,
  'GET /skp/{skp:outside}/versi/diff': 403,
  'GET /skp/{skp:own}/versi/1': null,
  'GET /skp/{skp:appraisee}/versi/1': 403,
  'GET /skp/{skp:outside}/versi/1': 403,
  'POST /skp/{skp:own}/pendekatan': null,
  'POST /skp/{skp:appraisee}/pendekatan': 403,
  'POST /skp/{skp:outside}/pendekatan': 403,
  'POST /skp/{skp:own}/rhk': null,
  'POST /skp/{skp:appraisee}/rhk': 403,
  'POST /skp/{skp:outside}/rhk': 403,
  'POST /skp/{skp:own}/rhk/{rhk:own}': null,
  'POST /skp/{skp:appraisee}/rhk/{rhk:appraisee}': 403,
  'POST /skp/{skp:outside}/rhk/{rhk:outside}': 403,
  'POST /skp/{skp:own}/rhk/{rhk:own}/hapus': null,
  'POST /skp/{skp:appraisee}/rhk/{rhk:appraisee}/hapus': 403,
  'POST /skp/{skp:outside}/rhk/{rhk:outside}/hapus': 403,
  'POST /skp/{skp:own}/rhk/{rhk:own}/indikator': null,
  'POST /skp/{skp:appraisee}/rhk/{rhk:appraisee}/indikator': 403,
  'POST /skp/{skp:outside}/rhk/{rhk:outside}/indikator': 403,
  'POST /skp/{skp:own}/indikator/{ind:own}': null,
  'POST /skp/{skp:appraisee}/indikator/{ind:appraisee}': 403,
  'POST /skp/{skp:outside}/indikator/{ind:outside}': 403,
  'POST /skp/{skp:own}/indikator/{ind:own}/hapus': null,
  'POST /skp/{skp:appraisee}/indikator/{ind:appraisee}/hapus': 403,
  'POST /skp/{skp:outside}/indikator/{ind:outside}/hapus': 403,
  'POST /skp/{skp:own}/lampiran': null,
  'POST /skp/{skp:appraisee}/lampiran': 403,
  'POST /skp/{skp:outside}/lampiran': 403,
  'POST /skp/{skp:own}/lampiran/{lampiran:own}/hapus': null,
  'POST /skp/{skp:appraisee}/lampiran/{lampiran:appraisee}/hapus': 403,
  'POST /skp/{skp:outside}/lampiran/{lampiran:outside}/hapus': 403,
  'POST /skp/{skp:own}/ajukan': null,
  'POST /skp/{skp:appraisee}/ajukan': 403,
  'POST /skp/{skp:outside}/ajukan': 403,
  'POST /skp/{skp:own}/salin-tahun-lalu': null,
  'POST /skp/{skp:appraisee}/salin-tahun-lalu': 403,
  'POST /skp/{skp:outside}/salin-tahun-lalu': 403,
  'POST /skp/{skp:own}/ekspektasi': null,
  'POST /skp/{skp:appraisee}/ekspektasi': 422,
  'POST /skp/{skp:outside}/ekspektasi': 404,
  'POST /skp/{skp:own}/setujui': null,
  'POST /skp/{skp:appraisee}/setujui': 422,
  'POST /skp/{skp:outside}/setujui': 404,
  'POST /skp/{skp:own}/kembalikan': null,
  'POST /skp/{skp:appraisee}/kembalikan': 422,
  'POST /skp/{skp:outside}/kembalikan': 404,
  'POST /skp/{skp:own}/rhk/{rhk:own}/hapus + version': null,
  'POST /skp/{skp:appraisee}/rhk/{rhk:appraisee}/hapus + version': 403,
  'POST /skp/{skp:outside}/rhk/{rhk:outside}/hapus + version': 403,
  'POST /skp/{skp:own}/lampiran/{lampiran:own}/hapus + version': null,
  'POST /skp/{skp:appraisee}/lampiran/{lampiran:appraisee}/hapus + version': 403,
  'POST /skp/{skp:outside}/lampiran/{lampiran:outside}/hapus + version': 403,
  'POST /skp/{skp:own}/setujui + version': null,
  'POST /skp/{skp:appraisee}/setujui + version': 409,
  'POST /skp/{skp:outside}/setujui + version': 404,
  'GET /skp/{skp:own}/rhk/{rhk:outside}/ubah': null,
  'GET /skp/{skp:own}/indikator/{ind:outside}/ubah': null,
  'GET /skp/999999/cetak.pdf': 403,
  'GET /skp/999999': 403,
  'GET /skp/999999/rhk/baru': 403,
  'GET /skp/999999/rhk/999999/ubah': 403,
  'GET /skp/999999/rhk/999999/indikator/baru': 403,
  'GET /skp/999999/indikator/999999/ubah': 403,
  'GET /skp/999999/tinjau': 404,
  'GET /skp/999999/versi': 403,
  'GET /skp/999999/versi/diff': 403,
  'GET /skp/999999/versi/999999': 403,
  'GET /skp/{skp:own}/versi/999999': null,
  'POST /skp/999999/pendekatan': 403,
  'POST /skp/999999/rhk': 403,
  'POST /skp/999999/rhk/999999': 403,
  'POST /skp/999999/rhk/999999/hapus': 403,
  'POST /skp/999999/rhk/999999/indikator': 403,
  'POST /skp/999999/indikator/999999': 403,
  'POST /skp/999999/indikator/999999/hapus': 403,
  'POST /skp/999999/lampiran': 403,
  'POST /skp/999999/lampiran/999999/hapus': 403,
  'POST /skp/999999/ajukan': 403,
  'POST /skp/999999/salin-tahun-lalu': 403,
  'POST /skp/999999/ekspektasi': 404,
  'POST /skp/999999/setujui': 404,
  'POST /skp/999999/kembalikan': 404,
  'GET /pejabat-luar': 403,
  'GET /pejabat-luar?status=semua': 403,
  'GET /pejabat-luar/baru': 403,
  'POST /pejabat-luar': 403,
  'GET /pejabat-luar/{pejabatLuar}': 403,
  'GET /pejabat-luar/999999': 403,
  'GET /pejabat-luar/{pejabatLuar}/ubah': 403,
  'GET /pejabat-luar/999999/ubah': 403,
  'POST /pejabat-luar/{pejabatLuar}': 403,
  'POST /pejabat-luar/999999': 403,
  'POST /pejabat-luar/{pejabatLuar}/nonaktifkan': 403,
  'POST /pejabat-luar/999999/nonaktifkan': 403,
  'POST /pejabat-luar/{pejabatLuar}/aktifkan': 403,
  'POST /pejabat-luar/999999/aktifkan': 403,
  'POST /pejabat-luar/{pejabatLuar}/akun': 403,
  'POST /pejabat-luar/999999/akun': 403,
  'POST /skp/{skp:own}/atas-nama': null,
  'POST /skp/{skp:appraisee}/atas-nama': 403,
  'POST /skp/{skp:outside}/atas-nama': 403,
  'POST /skp/{skp:luar}/atas-nama + version, jenis': 403,
  'POST /skp/{skp:kadis}/atas-nama': 403,
  'POST /skp/{skp:kadis}/atas-nama + version, jenis': 403,
  'POST /skp/999999/atas-nama': 403,
  'GET /skp/{skp:kadis}/tinjau': 200,
  'GET /skp/{skp:kadis}/keputusan/{keputusan}/berkas': 200,
  'GET /skp/{skp:kadis}/keputusan/999999/berkas': 404,
  'GET /skp/{skp:self}/keputusan/{keputusan}/berkas': 404,
  'GET /skp/999999/keputusan/999999/berkas': 404,
  'GET /audit': 403,
  'GET /audit?aksi=auth': 403,
  'GET /audit/{audit}': 403,
  'GET /audit/999999': 403,
  'GET /audit/abc': 403,
  'GET /tidak-ada': 404,
  'POST /tidak-ada': 404,
  'GET /static/css/app.css': 200,
  'GET /static/js/app.js': 200,
  // ── linimasa ── (requireLogin: an official outside the agency has no timeline page; the static files are public)
  'GET /linimasa': 403,
  'GET /linimasa/{pegawai:own}': null,
  'GET /linimasa/{pegawai:appraisee}': 403,
  'GET /linimasa/{pegawai:outside}': 403,
  'GET /linimasa/999999': 403,
  'GET /linimasa/abc': 403,
  'GET /static/vendor/chart.umd.min.js': 200,
  'GET /static/js/capaian-chart.js': 200,
  'POST /umpan-balik': 403,
  'POST /umpan-balik + pegawaiId': 403,
  'POST /umpan-balik + pegawaiId, teks': 403,
  'POST /umpan-balik + pegawaiId, kaitkanSkp': 403,
  'POST /umpan-balik + pegawaiId, teks, kaitkanSkp': 403,
  'GET /dialog-kinerja/baru?pegawaiId={pegawai:own}': null,
  'GET /dialog-kinerja/baru?pegawaiId={pegawai:appraisee}': 403,
  'GET /dialog-kinerja/baru?pegawaiId={pegawai:outside}': 403,
  'GET /dialog-kinerja/baru?pegawaiId=999999': 403,
  'GET /dialog-kinerja/baru': 403,
  'POST /dialog-kinerja': 403,
  'POST /dialog-kinerja + pegawaiId': 403,
  'POST /dialog-kinerja + pegawaiId, topik': 403,
  'POST /dialog-kinerja + pegawaiId, tindakan': 403,
  'POST /dialog-kinerja + pegawaiId, topik, tindakan': 403,
  'GET /dialog-kinerja/{dialog:own}/ubah': null,
  'GET /dialog-kinerja/{dialog:appraisee}/ubah': 403,
  'GET /dialog-kinerja/{dialog:outside}/ubah': 403,
  'GET /dialog-kinerja/999999/ubah': 403,
  'POST /dialog-kinerja/{dialog:own}': null,
  'POST /dialog-kinerja/{dialog:appraisee}': 403,
  'POST /dialog-kinerja/{dialog:outside}': 403,
  'POST /dialog-kinerja/999999': 403,
  // ── laporan ── (the report page and its read-only answers are open to the appraiser of kadis)
  'GET /laporan': 403,
  'GET /laporan/{laporan:own}': null,
  'GET /laporan/{laporan:appraisee}': 200,
  'GET /laporan/{laporan:outside}': 404,
  'GET /laporan/999999': 404,
  'POST /laporan/{laporan:own}': null,
  'POST /laporan/{laporan:appraisee}': 422,
  'POST /laporan/{laporan:outside}': 404,
  'POST /laporan/{laporan:own}/ajukan': null,
  'POST /laporan/{laporan:appraisee}/ajukan': 422,
  'POST /laporan/{laporan:outside}/ajukan': 404,
  'POST /laporan/{laporan:own}/dari-catatan': null,
  'POST /laporan/{laporan:appraisee}/dari-catatan': 422,
  'POST /laporan/{laporan:outside}/dari-catatan': 404,
  'POST /laporan/{laporan:own}/capaian': null,
  'POST /laporan/{laporan:appraisee}/capaian': 422,
  'POST /laporan/{laporan:outside}/capaian': 404,
  'POST /laporan/{laporan:own}/bukti': null,
  'POST /laporan/{laporan:appraisee}/bukti': 403,
  'POST /laporan/{laporan:outside}/bukti': 404,
  'POST /laporan/{laporan:own}/bukti (multipart)': null,
  'POST /laporan/{laporan:appraisee}/bukti (multipart)': 403,
  'POST /laporan/{laporan:outside}/bukti (multipart)': 404,
  'GET /bukti/{bukti:own}': null,
  'GET /bukti/{bukti:appraisee}': 200,
  'GET /bukti/{bukti:outside}': 404,
  'GET /bukti/999999': 404,
  'POST /bukti/{bukti:own}/hapus': null,
  'POST /bukti/{bukti:appraisee}/hapus': 403,
  'POST /bukti/{bukti:outside}/hapus': 404,
  'GET /catatan-progres': 403,
  'POST /catatan-progres': 403,
  'GET /catatan-progres/{catatan:own}/berkas': null,
  'GET /catatan-progres/{catatan:appraisee}/berkas': 200,
  'GET /catatan-progres/{catatan:outside}/berkas': 404,
  // ── penilaian ── (they answer the reports of the SKPs addressed to them: kadis's)
  'GET /penilaian': 200,
  'GET /penilaian/{nilai:own}': null,
  'GET /penilaian/{nilai:appraisee}': 200,
  'GET /penilaian/{nilai:outside}': 404,
  'GET /penilaian/999999': 404,
  'POST /penilaian/{nilai:own}/nilai': null,
  'POST /penilaian/{nilai:appraisee}/nilai': 422,
  'POST /penilaian/{nilai:outside}/nilai': 404,
  'POST /penilaian/999999/nilai': 404,
  'POST /penilaian/{nilai:own}/kembalikan': null,
  'POST /penilaian/{nilai:appraisee}/kembalikan': 422,
  'POST /penilaian/{nilai:outside}/kembalikan': 404,
  'POST /penilaian/999999/kembalikan': 404,
  'GET /pegawai/{pegawai:self}/buka-laporan': 403,
  'GET /pegawai/999999/buka-laporan': 403,
  'POST /pegawai/{pegawai:self}/buka-laporan': 403,
  'POST /pegawai/999999/buka-laporan': 403,
  // ── evaluasi: konfirmasi ── (they answer for the year of the employees whose last SKP names them: kadis's)
  'GET /evaluasi': 200,
  'GET /evaluasi/saya?siklus={siklus}': 403,
  'GET /evaluasi/{pegawai:own}?siklus={siklus}': null,
  'GET /evaluasi/{pegawai:appraisee}?siklus={siklus}': 200,
  'GET /evaluasi/{pegawai:outside}?siklus={siklus}': 404,
  'GET /evaluasi/{pegawai:kadis}?siklus={siklus}': 200,
  'GET /evaluasi/999999?siklus={siklus}': 404,
  'POST /evaluasi/{pegawai:own}?siklus={siklus}': null,
  'POST /evaluasi/{pegawai:appraisee}?siklus={siklus}': 422,
  'POST /evaluasi/{pegawai:outside}?siklus={siklus}': 404,
  'POST /evaluasi/{pegawai:kadis}?siklus={siklus}': 422,
  'POST /evaluasi/999999?siklus={siklus}': 404,
  // ── mail ── (HR's outbox is closed to them; their own notification settings are open: they get e-mails too)
  'GET /email-keluar': 403,
  'GET /email-keluar?status=ANTRI': 403,
  'POST /email-keluar/{email}/kirim-ulang': 403,
  'POST /email-keluar/999999/kirim-ulang + version': 403,
  'GET /akun/notifikasi': 200,
  'POST /akun/notifikasi': 422,
  // ── bell ── (their own notifications, like anyone's)
  'GET /notifikasi': 200,
  'POST /notifikasi/baca-semua': 303,
  'POST /notifikasi/{notif:own}/buka': null,
  'POST /notifikasi/{notif:appraisee}/buka': 404,
  'POST /notifikasi/{notif:outside}/buka': 404,
  'POST /notifikasi/{notif:own}/baca': null,
  'POST /notifikasi/{notif:appraisee}/baca': 404,
  'POST /notifikasi/{notif:outside}/baca': 404,
  'POST /notifikasi/{notifLuar}/buka': 303,
  'POST /notifikasi/999999/buka': 404,
  'POST /notifikasi/999999/baca': 404,
  // ── monitoring ── (requireLogin refuses an outside official)
  'GET /monitoring': 403,
  'GET /monitoring?unit={unit}': 403,
  'GET /monitoring?unit={unitLain}': 403,
  'GET /monitoring?periode=999999': 403,
  'GET /monitoring/unduh.xlsx': 403,
  'GET /monitoring/unduh.xlsx?unit={unitLain}': 403,
  'POST /monitoring/pengingat': 403,
  'POST /monitoring/pengingat + periodeId, pegawaiId': 403,
  // ── evaluasi: finalisasi ── (requireLogin refuses an outside official)
  'GET /siklus/{siklus}/kebijakan': 403,
  'GET /siklus/999999/kebijakan': 403,
  'POST /siklus/{siklus}/kebijakan': 403,
  'POST /siklus/999999/kebijakan': 403,
  'GET /finalisasi?siklus={siklus}': 403,
  'GET /finalisasi?siklus=999999': 403,
  'POST /finalisasi': 403,
  'POST /finalisasi + siklus, unit': 403,
  // ── evaluasi: kalibrasi ── (the agency's predikat would be theirs if its root had a head post they appraise; here none: 404; calibration: requireLogin → 403)
  'GET /predikat-organisasi': 404,
  'GET /predikat-organisasi/{unit}': 404,
  'GET /predikat-organisasi/{unitLain}': 404,
  'GET /predikat-organisasi/999999': 404,
  'POST /predikat-organisasi/{unit}?siklus={siklus} (multipart)': 404,
  'POST /predikat-organisasi/{unitLain}?siklus={siklus} (multipart)': 404,
  'GET /predikat-organisasi/{unit}/berkas/999999': 404,
  'GET /kalibrasi': 403,
  'GET /kalibrasi/{unit}': 403,
  'GET /kalibrasi/{unitLain}': 403,
  'GET /kalibrasi/999999': 403,
  'POST /kalibrasi/{unit}/justifikasi?siklus={siklus}': 403,
  'POST /kalibrasi/{unitLain}/justifikasi?siklus={siklus}': 403,
  // ── evaluasi: hitung ── (HR only)
  'GET /siklus/{siklus}/saran-tahunan/job.json': 403,
  'GET /siklus/999999/saran-tahunan/job.json': 403,
  'POST /siklus/{siklus}/saran-tahunan': 403,
  'POST /siklus/999999/saran-tahunan': 403,
  // ── rekap ── (requireLogin refuses an outside official)
  'GET /rekap': 403,
  'GET /rekap?siklus={siklus}&unit={unit}': 403,
  'GET /rekap?siklus={siklus}&unit={unitLain}': 403,
  'GET /rekap?siklus=999999': 403,
  'GET /rekap/tahunan.xlsx?siklus={siklus}': 403,
  'GET /rekap/tahunan.xlsx?siklus={siklus}&unit={unitLain}': 403,
  'GET /rekap/tahunan.xlsx?siklus=999999': 403,
  'GET /rekap/tpp.xlsx?siklus={siklus}': 403,
  'GET /rekap/tpp.csv?siklus={siklus}&unit={unit}': 403,
  'GET /rekap/angka-kredit?siklus={siklus}': 403,
  'GET /rekap/angka-kredit.xlsx?siklus={siklus}': 403,
  // ── keberatan ── (they decide subtree's, appraised by kadis whom they appraise; requireLogin closes the employee's own page)
  'GET /keberatan': 200,
  'GET /keberatan?status=DIAJUKAN': 200,
  'GET /keberatan/saya?siklus={siklus}': 403,
  'POST /keberatan/saya?siklus={siklus} (multipart)': 403,
  'GET /keberatan/{keberatanSelf}': 404,
  'GET /keberatan/{keberatanRekan}': 404,
  'GET /keberatan/{keberatanSubtree}': 200,
  'GET /keberatan/999999': 404,
  'GET /keberatan/{keberatanSelf}/berkas/{berkasSelf}': 404,
  'GET /keberatan/{keberatanRekan}/berkas/{berkasRekan}': 404,
  'GET /keberatan/{keberatanSelf}/berkas/{berkasRekan}': 404,
  'POST /keberatan/{keberatanSelf}/minta-tanggapan': 404,
  'POST /keberatan/{keberatanRekan}/minta-tanggapan': 404,
  'POST /keberatan/{keberatanSelf}/minta-tanggapan + version, permintaan': 404,
  'POST /keberatan/{keberatanSelf}/tanggapan (multipart)': 404,
  'POST /keberatan/{keberatanSubtree}/tanggapan (multipart)': 422,
  'POST /keberatan/{keberatanSelf}/putus': 404,
  'POST /keberatan/{keberatanSubtree}/putus': 422,
  'POST /keberatan/999999/putus': 404,
  'POST /keberatan/{keberatanSelf}/putus + version, keputusan, alasanKeputusan': 404,
  // ── evaluasi: dokumen ── (the appraiser of kadis's year sees kadis's documents; the agency's predikat is not theirs here)
  'GET /evaluasi/{pegawai:own}/dokumen?siklus={siklus}': null,
  'GET /evaluasi/{pegawai:appraisee}/dokumen?siklus={siklus}': 200,
  'GET /evaluasi/{pegawai:outside}/dokumen?siklus={siklus}': 404,
  'GET /evaluasi/{pegawai:kadis}/dokumen?siklus={siklus}': 200,
  'GET /evaluasi/999999/dokumen?siklus={siklus}': 404,
  'GET /evaluasi/{pegawai:own}/dokumen/{nomor}/cetak.pdf?siklus={siklus}': null,
  'GET /evaluasi/{pegawai:appraisee}/dokumen/{nomor}/cetak.pdf?siklus={siklus}': 200,
  'GET /evaluasi/{pegawai:outside}/dokumen/{nomor}/cetak.pdf?siklus={siklus}': 404,
  'GET /evaluasi/{pegawai:kadis}/dokumen/{nomor}/cetak.pdf?siklus={siklus}': 200,
  'GET /evaluasi/{pegawai:own}/dokumen/999999/cetak.pdf?siklus={siklus}': null,
  'GET /predikat-organisasi/{unit}/cetak.pdf?siklus={siklus}': 404,
  'GET /predikat-organisasi/{unitLain}/cetak.pdf?siklus={siklus}': 404,
};

// A CSV that would create an employee if it were ever imported by someone who may not.
const UPLOAD = Buffer.from('nip,nama\n199001012020011001,Penyusup Tidak Sah\n');

const MSG = {
  csrf: 'Formulir kedaluwarsa atau tidak sah.',
  forbidden: 'Anda tidak memiliki akses ke halaman ini.',
  // the SKP's own refusals say which role it takes
  notOwner: 'Hanya pemilik SKP yang dapat mengubah isinya.',
  notPenilai: 'Hanya pejabat penilai pegawai ini yang dapat melakukannya.',
  notFound: 'Halaman atau data yang Anda cari tidak ditemukan.',
  notAtasNama: 'Keputusan atas nama hanya dicatat oleh admin kepegawaian',
  // ── laporan
  notOwnerLaporan: 'Hanya pegawai pemilik laporan yang dapat mengubahnya.',
  // ── keberatan
  notPihak: 'Anda tidak dapat memutus keberatan atas penilaian yang menyangkut diri Anda sendiri.',
};

let t: TestApp;
let world: given.Organisasi;
const agents = {} as Record<Exclude<Who, 'anon'>, Agent>;
const tokens = {} as Record<Exclude<Who, 'anon'>, string>;
let pejabatLuar: given.GivenPejabatLuar;
const ids: Record<string, number> = {};
/** Per person: their employee id and their SKP's ids. */
const rec = {} as Record<Person, { pegawai: number; skp: number; rhk: number; ind: number; lampiran: number; ver: number; /* ── laporan (and laporan cetak) */ laporan?: number; bukti?: number; catatan?: number; /* ── penilaian ── */ nilai?: number; /** ── linimasa ── a dialog kinerja held by their appraiser */ dialog?: number; /** ── bell ── a notification to their login */ notif?: number }>;
const person = (p: Person) => (p === 'luar' ? world.people.outside : world.people[p]);

beforeAll(async () => {
  t = await testApp();
  world = await given.organisasi(t);
  pejabatLuar = await given.pejabatLuar(t, { login: true });
  await given.setPenilaiLuar(t, world.people.kadis, pejabatLuar);
  const siklus = await given.siklusTerbuka(t);
  const logins = { pegawai: world.people.self.login, penilai: world.people.penilai.login, pimpinan: world.people.pimpinan.login, admin: 'admin', pejabatLuar: pejabatLuar.login! } as const;
  for (const who of ['pegawai', 'penilai', 'pimpinan', 'admin', 'pejabatLuar'] as const) {
    agents[who] = await loginAs(t.app, logins[who]);
    tokens[who] = await csrf(agents[who], '/');
  }
  // kadis (the JPT form) first: HR records the outside official's approval with the signed document
  const k = await given.skpDiajukan(t, world.people.kadis, { rhk: 1, indikator: 1, lampiran: 1, perspektif: 'PENERIMA_LAYANAN' });
  const signed = await agents.admin.post(`/skp/${k.id}/atas-nama`).field('_csrf', tokens.admin).field('version', String(k.version)).field('jenis', 'SETUJUI').field('confirmed', '1').attach('berkas', Buffer.from('%PDF-1.4\n%%EOF\n'), 'ttd.pdf');
  if (signed.status !== 303) throw new Error(`recording kadis's approval answered ${signed.status}`);
  const ks = await given.skpNow(t, k.id);
  rec.kadis = { pegawai: world.people.kadis.id, skp: ks.id, rhk: ks.rhk[0]!.id, ind: ks.rhk[0]!.indikator[0]!, lampiran: ks.lampiran[0]!, ver: ks.version };
  const keputusan = await t.db.prisma.keputusanSkp.findFirstOrThrow({ where: { skpId: ks.id } });
  // Top-down, so each RHK can intervene one of the appraiser's (approved by each one's appraiser).
  for (const p of ['pimpinan', 'penilai', 'self', 'rekan', 'subtree', 'luar'] as const) {
    const s = await given.skpDisetujui(t, person(p), { rhk: 1, indikator: 1, lampiran: 1 });
    rec[p] = { pegawai: person(p).id, skp: s.id, rhk: s.rhk[0]!.id, ind: s.rhk[0]!.indikator[0]!, lampiran: s.lampiran[0]!, ver: s.version };
  }
  // ── penilaian ── each person's report of the second period, submitted ({nilai:…})
  const periodePenilaian = await given.periodeOf(t, siklus.id);
  for (const p of PEOPLE) rec[p].nilai = (await given.laporan(t, rec[p].skp, periodePenilaian[1]!.id, { status: 'DIAJUKAN' })).id;
  const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { aksi: 'unit.create', entitasId: String(world.units.seksi.id) } });
  const templat = await given.templat(t, { id: rec.self.skp });
  // a Plh that starts tomorrow: it exists for the cancel route, and gives nobody any right today
  const delegasi = await given.delegasi(t, { jabatanId: world.people.penilai.jabatanId, pemberi: world.people.penilai, penerima: world.people.rekan, mulai: 1, selesai: 5 });
  // ── laporan (and laporan cetak): a report on Triwulan I per person (a draft), with a file of evidence and a progress note with a file
  const triwulan1 = (await given.periodeOf(t, siklus.id))[0]!;
  for (const p of PEOPLE) {
    const l = await given.laporan(t, rec[p].skp, triwulan1.id);
    rec[p].laporan = l.id;
    rec[p].bukti = (await given.bukti(t, l.id)).id;
    rec[p].catatan = (await given.catatan(t, rec[p].skp, { tanggal: triwulan1.mulai.toISOString().slice(0, 10), berkas: true })).id;
  }
  // ── linimasa ── one recorded dialog kinerja per person, held by their appraiser
  for (const p of PEOPLE) {
    const d = await t.db.prisma.dialogKinerja.create({ data: { pegawaiId: rec[p].pegawai, penilaiId: person(p).penilaiId, tanggal: new Date('2026-01-15T00:00:00Z'), topik: 'Dialog uji matriks', tindakan: 'Tindakan uji' } });
    rec[p].dialog = d.id;
  }
  // ── mail ── a failed e-mail in the outbox (self's notification)
  await t.db.prisma.pegawai.update({ where: { id: world.people.self.id }, data: { email: `matriks.${world.people.self.id}@uji.go.id` } });
  await notify(t.db.sql, [{ pegawaiId: world.people.self.id, jenis: 'SKP_DISETUJUI', params: { tahun: siklus.tahun }, tautan: `/skp/${rec.self.skp}` }]);
  const email = await t.db.prisma.emailKeluar.update({ where: { notifikasiId: (await t.db.prisma.notifikasi.findFirstOrThrow({ where: { user: { pegawaiId: world.people.self.id } } })).id }, data: { status: 'GAGAL', percobaan: 5, galat: '550 uji' } });
  ids.email = email.id;
  // ── bell ── one notification per person's login, and one to the outside official's
  for (const p of PEOPLE) {
    await notify(t.db.sql, [{ pegawaiId: rec[p].pegawai, jenis: 'UMPAN_BALIK', params: { dari: 'Uji matriks' }, tautan: '/' }]);
    rec[p].notif = (await t.db.prisma.notifikasi.findFirstOrThrow({ where: { user: { pegawaiId: rec[p].pegawai } }, orderBy: { id: 'desc' } })).id;
  }
  const luarUser = await t.db.prisma.user.findFirstOrThrow({ where: { pejabatLuarId: pejabatLuar.id } });
  await notify(t.db.sql, [{ userId: luarUser.id, jenis: 'LAPORAN_DIAJUKAN', params: { nama: 'Uji', periode: 'Triwulan I' }, tautan: '/' }]);
  ids.notifLuar = (await t.db.prisma.notifikasi.findFirstOrThrow({ where: { userId: luarUser.id }, orderBy: { id: 'desc' } })).id;
  // ── evaluasi: konfirmasi ── each person's suggestion of the year (written directly: the computation is tested on its own)
  for (const p of PEOPLE) await given.saranLangsung(t, { id: rec[p].skp });
  // ── monitoring ── a unit outside the pimpinan's subtree
  ids.unitLain = world.units.lain.id;
  // ── evaluasi: kalibrasi ── (the suggestions above: the penilai's appraisees' units are the penilai's calibration)
  // ── keberatan ── self, rekan and subtree: the year FINAL and notified now, each with an objection (self's and rekan's with a file)
  for (const p of ['self', 'rekan', 'subtree'] as const) {
    const ev = await given.evaluasiLangsung(t, { id: rec[p].skp }, { status: 'FINAL' });
    await t.db.prisma.evaluasiTahunan.update({ where: { id: ev.id }, data: { finalAt: new Date(), diberitahuAt: new Date() } });
  }
  const kSelf = await given.keberatan(t, siklus.id, world.people.self);
  const kRekan = await given.keberatan(t, siklus.id, world.people.rekan);
  const kSubtree = await given.keberatan(t, siklus.id, world.people.subtree);
  const berkasOf = async (p: Person) => (await t.db.prisma.buktiDukung.findUniqueOrThrow({ where: { id: rec[p].bukti! } })).berkasId!;
  await t.db.prisma.keberatanBerkas.create({ data: { keberatanId: kSelf.id, berkasId: await berkasOf('self') } });
  await t.db.prisma.keberatanBerkas.create({ data: { keberatanId: kRekan.id, berkasId: await berkasOf('rekan') } });
  Object.assign(ids, { keberatanSelf: kSelf.id, keberatanRekan: kRekan.id, keberatanSubtree: kSubtree.id, verKeberatanSelf: 1, berkasSelf: await berkasOf('self'), berkasRekan: await berkasOf('rekan') });
  Object.assign(ids, { unit: world.units.seksi.id, jabatan: world.people.self.jabatanId, audit: Number(audit.id), siklus: siklus.id, templat: templat.id, delegasi: delegasi.id, pejabatLuar: pejabatLuar.id, keputusan: keputusan.id });
  // ── evaluasi: dokumen ── every person's year FINAL (the document is issued on first look), and seksi's organisation predikat
  // (the keberatan block above already made self's, rekan's and subtree's FINAL)
  for (const p of PEOPLE) {
    if (!(await t.db.prisma.evaluasiTahunan.findFirst({ where: { skpId: rec[p].skp } }))) await given.evaluasiLangsung(t, { id: rec[p].skp }, { status: 'FINAL' });
  }
  await given.predikatOrganisasiLangsung(t, siklus.id, world.units.seksi.id, 'BAIK');
  ids.nomor = 1;
});
afterAll(async () => { await t?.close(); });

/** Fills a path's or a body's placeholders for one actor (see the conventions at the top). */
const resolveFor = (who: Who | 'anonToken') => (text: string) =>
  text.replace(/\{(\w+)(?::(\w+))?\}/g, (m, kind: string, whom?: string) => {
    if (whom === undefined) {
      if (ids[kind] === undefined) throw new Error(`unknown placeholder ${m}`);
      return String(ids[kind]);
    }
    const p = (PEOPLE as readonly string[]).includes(whom) ? (whom as Person) : REL[who][whom as Rel];
    if (!p) throw new Error(`${m} means nobody for ${who}: leave that cell undefined`);
    const v = rec[p][kind as keyof (typeof rec)[Person]];
    if (!v) throw new Error(`unknown placeholder ${m}`);
    return String(v);
  });

async function send(row: Row, who: Who | 'anonToken') {
  const [method, rawPath] = row.route.split(' ') as ['GET' | 'POST', string];
  const fill = resolveFor(who);
  const path = fill(rawPath);
  const body = Object.fromEntries(Object.entries(row.body ?? {}).map(([k, v]) => [k, fill(v)]));
  if (who === 'anon') {
    const r = request(t.app);
    if (method === 'GET') return r.get(path);
    return row.multipart ? r.post(path).attach('berkas', UPLOAD, 'pegawai.csv') : r.post(path).type('form').send(body);
  }
  let agent: Agent;
  let token: string;
  if (who === 'anonToken') {
    agent = request.agent(t.app);
    token = await csrf(agent, '/login');
  } else if (row.fresh) {
    agent = await loginAs(t.app, who === 'admin' ? 'admin' : { pegawai: world.people.self.login, penilai: world.people.penilai.login, pimpinan: world.people.pimpinan.login, pejabatLuar: pejabatLuar.login! }[who]);
    token = await csrf(agent, '/');
  } else {
    agent = agents[who];
    token = tokens[who];
  }
  if (method === 'GET') return agent.get(path);
  if (row.multipart) return agent.post(path).field('_csrf', token).attach('berkas', UPLOAD, 'pegawai.csv');
  return agent.post(path).type('form').send({ _csrf: token, ...body });
}

/** A row's name: its route, and what it sends. */
const rowKey = (row: Row) => `${row.route}${row.multipart ? ' (multipart)' : ''}${Object.keys(row.body ?? {}).length ? ` + ${Object.keys(row.body!).join(', ')}` : ''}`;
/** A row's expected status for one actor: the sixth actor's come from PEJABAT_LUAR (below). */
const expectFor = (row: Row, who: Who | 'anonToken'): number | undefined => (who === 'pejabatLuar' ? (PEJABAT_LUAR[rowKey(row)] ?? undefined) : row.expect[who]);
const cases = ROUTES.flatMap((row) =>
  [...WHO, 'anonToken' as const]
    .filter((who) => expectFor(row, who) !== undefined)
    .map((who) => ({ name: `${rowKey(row)} as ${who} → ${expectFor(row, who)}`, row, who, status: expectFor(row, who)! })),
);

describe('authorization matrix', () => {
  it.each(cases)('$name', async ({ row, who, status }) => {
    const res = await send(row, who);
    expect(res.status, `${row.route} as ${who}`).toBe(status);
    const anonymous = who === 'anon' || who === 'anonToken';
    if (status === 303 && anonymous && !['POST /bahasa', 'POST /login'].includes(row.route)) expect(res.headers.location).toBe('/login');
    if (status === 403) {
      if (who === 'anon' && row.route.startsWith('POST')) expect(res.text).toContain(MSG.csrf);
      else expect(res.text).toMatch(new RegExp([MSG.forbidden, MSG.notOwner, MSG.notPenilai, MSG.notAtasNama, /* ── laporan */ MSG.notOwnerLaporan, /* ── keberatan */ MSG.notPihak].map((m) => m.replace(/\./g, '\\.')).join('|')));
    }
    if (status === 404) expect(res.text).toContain(MSG.notFound);
  });

  it('says for every row what the official outside the agency gets', () => {
    expect(ROUTES.map(rowKey).filter((k) => !(k in PEJABAT_LUAR))).toEqual([]);
    expect(Object.keys(PEJABAT_LUAR).filter((k) => !ROUTES.some((r) => rowKey(r) === k))).toEqual([]);
  });

  it('covers every route the routers define', () => {
    // Not exhaustive by itself (it cannot see routers yet to be written), but it catches a route
    // added to a mounted router and forgotten here.
    const app = t.app as unknown as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
    const covered = new Set(ROUTES.map((r) => r.route.replace(/\?.*$/, '').replace(/\{[\w:]+\}|\b\d{6}\b|\b1$|\babc\b/g, ':id')));
    const missing: string[] = [];
    let seen = 0;
    const walk = (stack: { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const m of Object.keys(layer.route.methods)) {
            const key = `${m.toUpperCase()} ${layer.route.path.replace(/:\w+/g, ':id')}`;
            seen++;
            if (!covered.has(key)) missing.push(key);
          }
        } else if (layer.handle?.stack) walk(layer.handle.stack as never);
      }
    };
    walk(app.router.stack as never);
    expect(seen).toBeGreaterThanOrEqual(29); // the walk really saw the routers (29 before the import routes)
    expect(missing).toEqual([]);
  });
});

describe('data scope details', () => {
  it('makes a forbidden employee look exactly like a missing one', async () => {
    const kadis = world.people.kadis;
    const forbidden = await agents.pegawai.get(`/pegawai/${kadis.id}`).expect(404);
    const missing = await agents.pegawai.get('/pegawai/999999').expect(404);
    // identical but for the URL itself (the language switch's "back" field)
    expect(forbidden.text.replace(`/pegawai/${kadis.id}"`, '/pegawai/X"')).toBe(missing.text.replace('/pegawai/999999"', '/pegawai/X"'));
    expect(forbidden.text).not.toContain(kadis.nama);
  });

  it('makes a forbidden SKP look exactly like a missing one', async () => {
    const forbidden = await agents.penilai.get(`/skp/${rec.subtree.skp}`).expect(404);
    const missing = await agents.penilai.get('/skp/999999').expect(404);
    expect(forbidden.text.replace(`/skp/${rec.subtree.skp}"`, '/skp/X"')).toBe(missing.text.replace('/skp/999999"', '/skp/X"'));
    expect(forbidden.text).not.toContain(world.people.subtree.nama);
  });

  it('shows the employee the page is about', async () => {
    const self = world.people.self;
    const me = await agents.pegawai.get(`/pegawai/${self.id}`).expect(200);
    expect(me.text).toContain(self.nama);
    expect(me.text).toContain(self.nip);
    // the management forms are admin-only, and not offered to others
    expect(me.text).not.toContain('/nonaktifkan');
    const seenByAdmin = await agents.admin.get(`/pegawai/${self.id}`).expect(200);
    expect(seenByAdmin.text).toContain('/nonaktifkan');
  });

  it('sends an anonymous visitor to the login page and back to where they were going', async () => {
    const agent = request.agent(t.app);
    const first = await agent.get('/audit?aksi=auth').expect(303);
    expect(first.headers.location).toBe('/login');
    const token = await csrf(agent, '/login');
    const { DEMO_PASSWORD } = await import('../helpers/app.js');
    const login = await agent.post('/login').type('form').send({ _csrf: token, login: 'admin', password: DEMO_PASSWORD }).expect(303);
    expect(login.headers.location).toBe('/audit?aksi=auth');
  });

  it('does not create anything when a non-admin posts a valid-looking form', async () => {
    const before = await t.db.prisma.unitKerja.count();
    const res = await agents.pimpinan.post('/unit').type('form').send({ _csrf: tokens.pimpinan, kode: 'BOCOR', nama: 'Unit Bocor', parentId: '' });
    expect(res.status).toBe(403);
    expect(await t.db.prisma.unitKerja.count()).toBe(before);
    const p = await agents.penilai.post(`/pegawai/${world.people.self.id}/nonaktifkan`).type('form').send({ _csrf: tokens.penilai, version: '1', alasan: 'Coba-coba saja' });
    expect(p.status).toBe(403);
    expect((await t.db.prisma.pegawai.findUniqueOrThrow({ where: { id: world.people.self.id } })).aktif).toBe(true);
  });

  it('changed no SKP while probing every route (versions as built)', async () => {
    for (const p of ['pimpinan', 'penilai', 'self', 'rekan', 'subtree', 'luar'] as const) {
      const s = await t.db.prisma.skp.findUniqueOrThrow({ where: { id: rec[p].skp }, include: { rhk: true, lampiran: true } });
      expect({ who: p, version: s.version, status: s.status, rhk: s.rhk.length, lampiran: s.lampiran.length }).toEqual({ who: p, version: rec[p].ver, status: 'DISETUJUI', rhk: 1, lampiran: 1 });
    }
  });
});

/** The employees listed on one page of /pegawai: [id, name]. */
function listed(html: string): { id: number; nama: string }[] {
  return [...html.matchAll(/<td[^>]*><a href="\/pegawai\/(\d+)">([^<]+)<\/a>/g)].map((m) => ({ id: Number(m[1]), nama: m[2]! }));
}
const found = (html: string) => Number(/<span class="found">([\d.]+) pegawai<\/span>/.exec(html)?.[1]?.replace(/\./g, ''));
const idsOf = (...ps: { id: number }[]) => ps.map((p) => p.id).sort((a, b) => a - b);
const sorted = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describe('the employee list is scoped to the actor', () => {
  it('shows a pegawai only themselves', async () => {
    const res = await agents.pegawai.get('/pegawai').expect(200);
    expect(found(res.text)).toBe(1);
    expect(listed(res.text)).toEqual([{ id: world.people.self.id, nama: world.people.self.nama }]);
  });

  it('shows a penilai themselves and their appraisees', async () => {
    const { penilai, self, rekan } = world.people;
    const res = await agents.penilai.get('/pegawai').expect(200);
    expect(found(res.text)).toBe(3);
    expect(sorted(listed(res.text))).toEqual(idsOf(penilai, self, rekan));
  });

  it('shows a pimpinan everyone in their unit subtree and no one else', async () => {
    const { pimpinan, penilai, self, rekan, subtree } = world.people;
    const res = await agents.pimpinan.get('/pegawai').expect(200);
    expect(found(res.text)).toBe(5);
    expect(sorted(listed(res.text))).toEqual(idsOf(pimpinan, penilai, self, rekan, subtree));
  });

  it('shows the admin everyone active, one page at a time', async () => {
    const res = await agents.admin.get('/pegawai').expect(200);
    const active = await t.db.prisma.pegawai.count({ where: { aktif: true } });
    expect(found(res.text)).toBe(active);
    expect(listed(res.text)).toHaveLength(Math.min(50, active));
    const inUnit = await agents.admin.get(`/pegawai?unitId=${world.units.root.id}`).expect(200);
    expect(sorted(listed(inUnit.text))).toEqual(idsOf(...Object.values(world.people)));
  });

  it('does not widen the scope through search or filters', async () => {
    const { kadis, penilai, self, rekan } = world.people;
    const byName = await agents.pegawai.get(`/pegawai?q=${encodeURIComponent(kadis.nama)}`).expect(200);
    expect(found(byName.text)).toBe(0);
    const byNip = await agents.penilai.get(`/pegawai?q=${kadis.nip}`).expect(200);
    expect(found(byNip.text)).toBe(0);
    const all = await agents.pegawai.get('/pegawai?status=semua&page=1').expect(200);
    expect(listed(all.text).map((r) => r.id)).toEqual([self.id]);
    const otherUnit = await agents.penilai.get(`/pegawai?unitId=${world.units.root.id}&status=semua`).expect(200);
    expect(sorted(listed(otherUnit.text))).toEqual(idsOf(penilai, self, rekan));
  });
});
