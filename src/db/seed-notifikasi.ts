import type { Db } from './client.js';
import { sql, sqlOn } from './sql.js';
import { notify, type Pemberitahuan } from '../modules/notifikasi/notify.js';
import type { JenisNotifikasi } from '../../prisma/generated/client.js';

// The demo's notifications (docs/domain/notifikasi.md § The demo). The SKP events of the demo
// went through the services (seed-planning.ts, seed-mutasi.ts), which told each person already;
// the reports and feedback were written in bulk (seed-laporan.ts), so here each person is told of
// the latest of those events that concern them, through notify() as the services do: a report
// submitted → its appraiser; returned, rated, reopened → the employee; feedback → the employee.
// Each notification carries the time of its event; of each person's latest PER_ORANG, the newest
// UNREAD stay unread, the older ones read an hour after they came. Once only (kunci "demo:…").

const PER_ORANG = 6;
const UNREAD = 3;

type Row = { userId: number; jenis: JenisNotifikasi; params: Record<string, string | number>; tautan: string; at: Date; kunci: string; rn: number };

export async function seedNotifikasi(db: Db, opts: { log?: (m: string) => void } = {}): Promise<{ notifikasi: number }> {
  const rows = await db.sql.rows<Row>(sql`
    WITH ev AS (
      SELECT CASE WHEN r.jenis = 'DIAJUKAN' THEN COALESCE(ul.id, up.id) ELSE ue.id END AS user_id,
             'LAPORAN_' || r.jenis::text AS jenis,
             jsonb_strip_nulls(jsonb_build_object('nama', p.nama, 'periode', pe.nama,
               'sampai', to_char(r.sampai AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) AS params,
             CASE WHEN r.jenis = 'DIAJUKAN' THEN '/penilaian/' ELSE '/laporan/' END || l.id AS tautan,
             r.at, 'demo:riwayat:' || r.id AS kunci
        FROM riwayat_laporan r JOIN laporan_periode l ON l.id = r.laporan_id JOIN periode pe ON pe.id = l.periode_id
        JOIN skp s ON s.id = l.skp_id JOIN pegawai p ON p.id = s.pegawai_id
        LEFT JOIN app_user ue ON ue.pegawai_id = s.pegawai_id
        LEFT JOIN app_user ul ON s.penilai_luar_id IS NOT NULL AND ul.pejabat_luar_id = s.penilai_luar_id
        LEFT JOIN app_user up ON s.penilai_luar_id IS NULL AND up.pegawai_id = s.penilai_id
      UNION ALL
      SELECT ue.id, 'UMPAN_BALIK', jsonb_build_object('dari', COALESCE(dp.nama, u.username, '-')), '/linimasa', ub.at, 'demo:umpan-balik:' || ub.id
        FROM umpan_balik ub JOIN app_user ue ON ue.pegawai_id = ub.pegawai_id
        LEFT JOIN pegawai dp ON dp.id = ub.dari_pegawai_id LEFT JOIN app_user u ON u.id = ub.oleh_user_id
    ),
    ranked AS (SELECT *, row_number() OVER (PARTITION BY user_id ORDER BY at DESC, kunci) AS rn FROM ev WHERE user_id IS NOT NULL)
    SELECT user_id, jenis, params, tautan, at, kunci, rn::int AS rn FROM ranked WHERE rn <= ${PER_ORANG} ORDER BY at, kunci`);
  const items: Pemberitahuan[] = rows.map((r) => ({ userId: r.userId, jenis: r.jenis, params: r.params, tautan: r.tautan, kunci: r.kunci }));
  const n = await db.prisma.$transaction(async (tx) => {
    const q = sqlOn(tx);
    const written = await notify(q, items);
    // the time of each event, and the older ones read
    await q.exec(sql`
      UPDATE notifikasi n SET created_at = x.at, dibaca_at = CASE WHEN x.rn > ${UNREAD} THEN x.at + interval '1 hour' END
        FROM unnest(${rows.map((r) => r.kunci)}::text[], ${rows.map((r) => r.at.toISOString())}::timestamptz[], ${rows.map((r) => r.rn)}::int[]) AS x(kunci, at, rn)
       WHERE n.kunci = x.kunci`);
    return written;
  });
  opts.log?.(`seed: ${n} notifikasi demo.`);
  return { notifikasi: n };
}
