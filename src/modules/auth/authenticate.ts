import type pg from 'pg';
import type { Actor } from '../../domain/access.js';
import type { DelegasiAktor } from '../../domain/acting.js';
import { hariIni } from '../../domain/delegasi.js';
import { normalizeLogin } from './login-name.js';
import { verifyPassword } from './password.js';

// Who is acting: the login's user with their employee record and roles, read on every request
// (passport's deserializeUser) and at login.

type ActorRow = {
  id: number; username: string | null; peran: string[] | null; aktif: boolean; pegawai_id: number | null;
  nama: string | null; nip: string | null; pegawai_aktif: boolean | null; path: string | null; is_penilai: boolean;
  delegasi: DelegasiAktor[] | null;
  pejabat_luar_id: number | null; luar_nama: string | null; luar_aktif: boolean | null;
};

const ACTOR_SQL = `
  SELECT u.id, u.username, u.peran::text[] AS peran, u.aktif, p.id AS pegawai_id, p.nama, p.nip, p.aktif AS pegawai_aktif, uk.path,
         (p.id IS NOT NULL AND EXISTS (SELECT 1 FROM pegawai b WHERE b.penilai_id = p.id AND b.aktif)) AS is_penilai,
         -- the delegations in force on $2 (today in the agency's time zone): docs/domain/penilai.md
         (SELECT json_agg(json_build_object('id', d.id, 'jenis', d.jenis, 'nomorSk', d.nomor_sk, 'jabatanId', d.jabatan_id) ORDER BY d.id)
            FROM delegasi d WHERE d.penerima_id = p.id AND d.dibatalkan_at IS NULL AND d.mulai <= $2::date AND d.selesai >= $2::date) AS delegasi,
         l.id AS pejabat_luar_id, l.nama AS luar_nama, l.aktif AS luar_aktif
    FROM app_user u
    LEFT JOIN pegawai p ON p.id = u.pegawai_id
    LEFT JOIN pejabat_luar l ON l.id = u.pejabat_luar_id
    LEFT JOIN unit_kerja uk ON uk.id = p.unit_id
   WHERE `;

function toActor(r: ActorRow): Actor | null {
  if (!r.aktif || r.pegawai_aktif === false || r.luar_aktif === false) return null;
  const peran = r.peran ?? [];
  const isPimpinan = peran.includes('PIMPINAN');
  return {
    userId: r.id,
    pegawaiId: r.pegawai_id,
    label: r.nama ? `${r.nama} (${r.nip})` : (r.luar_nama ?? r.username ?? `user ${r.id}`),
    isAdmin: peran.includes('ADMIN'),
    isPimpinan,
    pimpinanPath: isPimpinan ? r.path : null,
    isPenilai: r.is_penilai || (r.delegasi?.length ?? 0) > 0,
    delegasi: r.delegasi ?? [],
    pejabatLuarId: r.pejabat_luar_id,
  };
}

export async function loadActor(pool: pg.Pool, userId: number): Promise<Actor | null> {
  // Runs on every request: a named statement, planned once per connection.
  const r = await pool.query<ActorRow>({ name: 'load-actor', text: ACTOR_SQL + 'u.id = $1', values: [userId, hariIni()] });
  return r.rows[0] ? toActor(r.rows[0]) : null;
}

/** Finds a login by NIP (employees) or username (admins, officials outside the agency) and checks the password. */
export async function authenticate(pool: pg.Pool, login: string, password: string): Promise<Actor | null> {
  const r = await pool.query<ActorRow & { password_hash: string }>(
    ACTOR_SQL.replace('SELECT u.id,', 'SELECT u.password_hash, u.id,') + '(lower(u.username) = $1 OR p.nip = $1) LIMIT 1',
    [normalizeLogin(login), hariIni()],
  );
  const row = r.rows[0];
  const ok = await verifyPassword(row?.password_hash ?? null, password);
  if (!row || !ok) return null;
  return toActor(row);
}
