import type { Db } from '../../db/client.js';
import { sqlOn } from '../../db/sql.js';
import { isZonaWaktu } from '../../domain/periode-laporan.js';
import { kunciPengingat, pengingatJatuh, type JenisPengingatOtomatis } from '../../domain/pengingat.js';
import { notify } from '../notifikasi/notify.js';
import { catatPengingat, kunciPeriode, periodeTerbuka } from './queries.js';

// The automatic reminders (docs/domain/pengingat.md): the `pengingat.periksa` task runs this on a
// cron and once at start. Each reminder goes out at most once per kind, period and person: the
// `pengingat` row's unique key decides (ON CONFLICT DO NOTHING RETURNING), and only the rows this
// run inserted are notified, in the same transaction, so two instances never both send one.

/** Employees per statement: each batch is one INSERT … SELECT and one notify() of its new rows. */
export const BATCH_PENGINGAT = 2000;

export type HasilPeriksa = { periode: { id: number; nama: string; jenis: JenisPengingatOtomatis; baru: number }[]; total: number };

/** Writes (and notifies) every automatic reminder due at `now`, one transaction per period. */
export async function periksaPengingat(db: Db, now: Date, opts: { batch?: number } = {}): Promise<HasilPeriksa> {
  const batch = opts.batch ?? BATCH_PENGINGAT;
  const out: HasilPeriksa = { periode: [], total: 0 };
  for (const p of await periodeTerbuka(db.sql)) {
    if (!isZonaWaktu(p.zonaWaktu)) continue; // the cycle form allows only the three zones
    const jenis = pengingatJatuh({ batasPegawai: p.batasPegawai, zona: p.zonaWaktu, now });
    if (!jenis) continue;
    const baru = await db.prisma.$transaction(
      async (tx) => {
        const q = sqlOn(tx);
        await kunciPeriode(q, p.id);
        let n = 0;
        let setelah = 0;
        for (;;) {
          const r = await catatPengingat(q, { jenis, periode: p, now, setelah, batas: batch });
          if (r.baru.length) {
            await notify(
              q,
              r.baru.map((pegawaiId) => ({
                pegawaiId,
                jenis,
                params: { periode: p.nama, tanggal: p.batasPegawai },
                tautan: '/laporan',
                kunci: kunciPengingat(jenis, p.id, pegawaiId),
              })),
            );
            n += r.baru.length;
          }
          if (r.terakhir === null) break;
          setelah = r.terakhir;
        }
        return n;
      },
      { maxWait: 30_000, timeout: 600_000 },
    );
    out.periode.push({ id: p.id, nama: p.nama, jenis, baru });
    out.total += baru;
  }
  return out;
}
