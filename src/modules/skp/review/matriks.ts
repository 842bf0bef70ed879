import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../domain/access.js';
import type { StatusSkp } from '../../../domain/skp-status.js';

// Matriks Peran Hasil (docs/domain/skp.md § Cascading): each of the appraiser's own RHKs with the
// subordinates' RHKs that intervene it (rhk.rhk_atasan_id), the RHKs nobody has taken up, and
// the appraisees who have not linked any RHK yet. Two set-based queries, whatever the team size.

export type Intervensi = { rhkId: number; teks: string; jenis: string; skpId: number; status: StatusSkp; pegawaiId: number; nama: string; nip: string; jabatan: string; bawahan: boolean };
export type MatriksRhk = { id: number; jenis: string; urutan: number; teks: string; intervensi: Intervensi[] };
export type BawahanTanpaLink = { pegawaiId: number; nama: string; nip: string; jabatan: string; skpId: number | null; status: StatusSkp | null; rhkCount: number };

export type Matriks = {
  skp: { id: number; status: StatusSkp } | null;
  rhk: MatriksRhk[];
  belumDiintervensi: number;
  tanpaLink: BawahanTanpaLink[];
  jumlahBawahan: number;
};

type Row = {
  skp_id: number; skp_status: StatusSkp; id: number | null; jenis: string | null; urutan: number | null; teks: string | null;
  c_id: number | null; c_teks: string | null; c_jenis: string | null; c_skp_id: number | null; c_status: StatusSkp | null;
  c_pegawai_id: number | null; c_bawahan: boolean | null; c_nama: string | null; c_nip: string | null; c_jabatan: string | null;
};
type BawahanRow = { pegawai_id: number; nama: string; nip: string; jabatan: string; skp_id: number | null; status: StatusSkp | null; rhk_count: number; linked: number };

export async function matriksPeranHasil(db: Db, actor: Actor, siklusId: number): Promise<Matriks> {
  if (actor.pegawaiId === null) return { skp: null, rhk: [], belumDiintervensi: 0, tanpaLink: [], jumlahBawahan: 0 };
  const me = actor.pegawaiId;
  const [own, team] = await Promise.all([
    db.pool.query<Row>({
      name: 'matriks-own',
      text: `SELECT ms.id AS skp_id, ms.status::text AS skp_status, a.id, a.jenis::text AS jenis, a.urutan, a.teks,
              c.id AS c_id, c.teks AS c_teks, c.jenis::text AS c_jenis, s.id AS c_skp_id, s.status::text AS c_status,
              p.id AS c_pegawai_id, p.penilai_id = $1 AS c_bawahan, p.nama AS c_nama, p.nip AS c_nip, j.nama AS c_jabatan
         FROM skp ms
         LEFT JOIN rhk a ON a.skp_id = ms.id
         LEFT JOIN rhk c ON c.rhk_atasan_id = a.id
         LEFT JOIN skp s ON s.id = c.skp_id
         LEFT JOIN pegawai p ON p.id = s.pegawai_id
         LEFT JOIN jabatan j ON j.id = p.jabatan_id
        WHERE ms.siklus_id = $2 AND ms.pegawai_id = $1
        ORDER BY a.jenis, a.urutan, a.id, p.nama, p.id, c.jenis, c.urutan`,
      values: [me, siklusId],
    }),
    db.pool.query<BawahanRow>({
      name: 'matriks-team',
      text: `SELECT p.id AS pegawai_id, p.nama, p.nip, (SELECT j.nama FROM jabatan j WHERE j.id = p.jabatan_id) AS jabatan, s.id AS skp_id, s.status::text AS status,
              r.rhk_count, r.linked
         FROM pegawai p
         LEFT JOIN skp s ON s.pegawai_id = p.id AND s.siklus_id = $2
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS rhk_count,
                  count(*) FILTER (WHERE r.rhk_atasan_id IN (SELECT a.id FROM rhk a JOIN skp ms ON ms.id = a.skp_id WHERE ms.pegawai_id = $1))::int AS linked
             FROM rhk r WHERE r.skp_id = s.id) r ON true
        WHERE p.penilai_id = $1 AND p.aktif
        ORDER BY p.nama, p.id`,
      values: [me, siklusId],
    }),
  ]);

  const rhk: MatriksRhk[] = [];
  for (const r of own.rows) {
    if (r.id === null) continue;
    let cur = rhk[rhk.length - 1];
    if (!cur || cur.id !== r.id) rhk.push((cur = { id: r.id, jenis: r.jenis!, urutan: r.urutan!, teks: r.teks!, intervensi: [] }));
    if (r.c_id !== null) {
      cur.intervensi.push({ rhkId: r.c_id, teks: r.c_teks!, jenis: r.c_jenis!, skpId: r.c_skp_id!, status: r.c_status!, pegawaiId: r.c_pegawai_id!, nama: r.c_nama!, nip: r.c_nip!, jabatan: r.c_jabatan!, bawahan: r.c_bawahan === true });
    }
  }
  const first = own.rows[0];
  return {
    skp: first ? { id: first.skp_id, status: first.skp_status } : null,
    rhk,
    belumDiintervensi: rhk.filter((r) => r.intervensi.length === 0).length,
    tanpaLink: team.rows
      .filter((b) => b.linked === 0)
      .map((b) => ({ pegawaiId: b.pegawai_id, nama: b.nama, nip: b.nip, jabatan: b.jabatan, skpId: b.skp_id, status: b.status, rhkCount: b.rhk_count })),
    jumlahBawahan: team.rows.length,
  };
}
