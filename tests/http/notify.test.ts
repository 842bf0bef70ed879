import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/modules/notifikasi/notify.js';
import * as given from '../helpers/given.js';
import { testApp, type TestApp } from '../helpers/app.js';

// notify(): the one way a feature writes a notification and its e-mail (docs/domain/notifikasi.md).

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

const userOf = async (pegawaiId: number) => (await t.db.prisma.user.findUniqueOrThrow({ where: { pegawaiId } })).id;
const rows = (userId: number) => t.db.prisma.notifikasi.findMany({ where: { userId }, include: { email: true }, orderBy: { id: 'asc' } });

describe('notify', () => {
  it('writes one notification per recipient found by employee or login, with an outbox row only where there is an address and e-mail is on', async () => {
    const a = await given.pegawai(t);
    const b = await given.pegawai(t);
    await t.db.prisma.pegawai.update({ where: { id: a.id }, data: { email: 'a@contoh.go.id' } });
    await t.db.prisma.pegawai.update({ where: { id: b.id }, data: { email: 'b@contoh.go.id' } });
    const ua = await userOf(a.id);
    const ub = await userOf(b.id);
    await t.db.prisma.preferensiNotifikasi.create({ data: { userId: ub, jenis: 'UMPAN_BALIK', email: false } });
    const n = await notify(t.db.sql, [
      { pegawaiId: a.id, jenis: 'UMPAN_BALIK', params: { dari: 'Budi' }, tautan: '/linimasa' },
      { userId: ub, jenis: 'UMPAN_BALIK', tautan: '/linimasa' },
      { userId: ub, jenis: 'SKP_DISETUJUI', tautan: '/skp/1' },
      { pegawaiId: 2_000_000_000, jenis: 'UMPAN_BALIK', tautan: '/linimasa' }, // nobody: skipped
    ]);
    expect(n).toBe(3);
    const ra = await rows(ua);
    // (its status is the sender's business: a test app with SMTP may already have taken it)
    expect(ra.map((x) => [x.jenis, x.params, x.email?.kepada])).toEqual([['UMPAN_BALIK', { dari: 'Budi' }, 'a@contoh.go.id']]);
    const rb = await rows(ub);
    expect(rb.map((x) => [x.jenis, x.email?.kepada ?? null])).toEqual([['UMPAN_BALIK', null], ['SKP_DISETUJUI', 'b@contoh.go.id']]);
  });

  it('drops a second notification with the same key, also within one call', async () => {
    const a = await given.pegawai(t);
    const kunci = `uji:${a.id}`;
    expect(await notify(t.db.sql, [{ pegawaiId: a.id, jenis: 'TENGGAT_H3', tautan: '/laporan', kunci }, { pegawaiId: a.id, jenis: 'TENGGAT_H3', tautan: '/laporan', kunci }])).toBe(1);
    expect(await notify(t.db.sql, [{ pegawaiId: a.id, jenis: 'TENGGAT_H3', tautan: '/laporan', kunci }])).toBe(0);
    expect(await rows(await userOf(a.id))).toHaveLength(1);
  });

  it('writes nothing when the transaction it is part of rolls back', async () => {
    const a = await given.pegawai(t);
    await expect(
      t.db.prisma.$transaction(async (tx) => {
        const { sqlOn } = await import('../../src/db/sql.js');
        await notify(sqlOn(tx), [{ pegawaiId: a.id, jenis: 'PENGINGAT', tautan: '/laporan' }]);
        throw new Error('batal');
      }),
    ).rejects.toThrow('batal');
    expect(await rows(await userOf(a.id))).toHaveLength(0);
  });
});
