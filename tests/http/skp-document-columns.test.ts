import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDIKATOR_COLUMNS, RHK_COPY_COLUMNS } from '../../src/domain/skp-document.js';
import { testApp, type TestApp } from '../helpers/app.js';

// The document model's field tables (src/domain/skp-document.ts) name every content column of
// the indikator and rhk tables: a column added to the database without the model (so missing from
// the snapshot, the diff, templates and the copies) fails here.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const columns = async (table: string) =>
  (await t.db.pool.query<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`, [table])).rows.map((r) => r.c).sort();

describe('the SKP document model and the database', () => {
  it('covers every indikator column but its keys and position', async () => {
    // dihapus_revisi is the row's lifecycle (retired in a revision), not content; gabung_periode
    // is new in the schema and joins the model when it replaces kumulatif there
    expect(await columns('indikator')).toEqual(['id', 'rhk_id', 'urutan', 'dihapus_revisi', 'gabung_periode', ...INDIKATOR_COLUMNS].sort());
  });
  it('covers every rhk column but its keys, position, link and the appraiser note', async () => {
    // the link is kept in the document as the linked RHK's text; the note belongs to one review
    expect(await columns('rhk')).toEqual(['id', 'skp_id', 'urutan', 'rhk_atasan_id', 'catatan_penilai', 'dihapus_revisi', ...RHK_COPY_COLUMNS].sort());
  });
});
