import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../domain/access.js';
import type { StatusSkp } from '../../../domain/skp-status.js';
import { matriksOwnRows, matriksTeamRows } from './queries.js';
import { chooseSiklus } from './service.js';

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

export async function matriksPeranHasil(db: Db, actor: Actor, siklusId: number): Promise<Matriks> {
  if (actor.pegawaiId === null) return { skp: null, rhk: [], belumDiintervensi: 0, tanpaLink: [], jumlahBawahan: 0 };
  const [own, team] = await Promise.all([matriksOwnRows(db.sql, actor.pegawaiId, siklusId), matriksTeamRows(db.sql, actor.pegawaiId, siklusId)]);

  const rhk: MatriksRhk[] = [];
  for (const r of own) {
    if (r.id === null) continue;
    let cur = rhk[rhk.length - 1];
    if (!cur || cur.id !== r.id) rhk.push((cur = { id: r.id, jenis: r.jenis!, urutan: r.urutan!, teks: r.teks!, intervensi: [] }));
    if (r.cId !== null) {
      cur.intervensi.push({ rhkId: r.cId, teks: r.cTeks!, jenis: r.cJenis!, skpId: r.cSkpId!, status: r.cStatus!, pegawaiId: r.cPegawaiId!, nama: r.cNama!, nip: r.cNip!, jabatan: r.cJabatan!, bawahan: r.cBawahan === true });
    }
  }
  const first = own[0];
  return {
    skp: first ? { id: first.skpId, status: first.skpStatus } : null,
    rhk,
    belumDiintervensi: rhk.filter((r) => r.intervensi.length === 0).length,
    tanpaLink: team.filter((b) => b.linked === 0).map(({ linked: _l, ...b }) => b),
    jumlahBawahan: team.length,
  };
}

/** The Matriks page: the cycles, the chosen one and its matrix. */
export async function matriksPage(db: Db, actor: Actor, q: { siklusId?: number }) {
  const { list, chosen } = await chooseSiklus(db, q.siklusId);
  return { siklusList: list, siklus: chosen, matriks: chosen ? await matriksPeranHasil(db, actor, chosen.id) : null };
}
