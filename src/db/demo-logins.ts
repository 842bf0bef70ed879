import type { Db } from './client.js';
import type { DemoLogin } from './seed.js';

// The demo logins as printed at start (README § First steps): each with who appraises them and
// how many they appraise, so a newcomer knows which two logins to open side by side.

export async function describeDemoLogins(db: Db, logins: readonly DemoLogin[]): Promise<string[]> {
  const nips = logins.map((l) => l.login);
  const { rows } = await db.pool.query<{ nip: string; penilai: string | null; luar: string | null; dinilai: string }>(
    `SELECT p.nip, a.nama AS penilai, l.nama AS luar,
            (SELECT count(*) FROM pegawai b WHERE b.penilai_id = p.id AND b.aktif)::text AS dinilai
       FROM pegawai p LEFT JOIN pegawai a ON a.id = p.penilai_id LEFT JOIN pejabat_luar l ON l.id = p.penilai_luar_id
      WHERE p.nip = ANY($1)`,
    [nips],
  );
  const byNip = new Map(rows.map((r) => [r.nip, r]));
  return logins.map((l) => {
    const r = byNip.get(l.login);
    const about = !r
      ? ''
      : [r.penilai ?? r.luar ? `dinilai oleh ${r.penilai ?? r.luar}` : null, Number(r.dinilai) > 0 ? `menilai ${r.dinilai} pegawai` : null].filter(Boolean).join('; ');
    return `  ${l.role.padEnd(26)} ${l.login.padEnd(20)} ${l.password}   (${l.nama}${about ? ` — ${about}` : ''})`;
  });
}
