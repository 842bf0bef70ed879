import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indikatorData, indikatorFromJson, INDIKATOR_COLUMNS, INDIKATOR_FIELD_NAMES, keepOwnTarget, parseDokumen, RHK_COPY_COLUMNS, usesJptForm } from '../../src/domain/skp-document.js';
import { indikatorFormValues } from '../../src/modules/skp/schemas.js';

// The SKP document model (src/domain/skp-document.ts): stored documents of every age read as
// today's model, and one rule decides the JPT form from the SKP's own snapshot.

const stored = JSON.parse(readFileSync(new URL('../fixtures/skp-versi-v1.json', import.meta.url), 'utf8')) as { revisi: number; data: unknown }[];

type Stored = { rhk: { indikator: Record<string, unknown>[] }[] };
const upgraded = (data: unknown) => {
  const d = structuredClone(data) as Stored;
  return {
    ...d,
    periode: [],
    rhk: d.rhk.map((r) => ({
      ...r,
      rencanaAksi: [],
      indikator: r.indikator.map(({ kumulatif, ...i }) => ({ ...i, gabungPeriode: kumulatif === true ? 'JUMLAH' : 'TERAKHIR', targetPeriode: [] })),
    })),
  };
};

describe('reading stored documents', () => {
  it('reads the versions frozen by earlier code as they are', () => {
    for (const v of stored) {
      const doc = parseDokumen(v.data);
      expect(doc.revisi).toBe(v.revisi);
      // nothing the stored JSON says is lost or changed: the yes/no `kumulatif` reads as how
      // periods combine, and what it predates (period plans) reads as empty
      expect(JSON.parse(JSON.stringify(doc))).toEqual(upgraded(v.data));
    }
  });

  it('fills what older documents lack with the defaults of the columns', () => {
    const doc = parseDokumen({
      revisi: 1,
      pendekatan: 'KUANTITATIF',
      rhk: [{ id: 4, urutan: 1, jenis: 'UTAMA', teks: 'RHK', indikator: [{ aspek: 'WAKTU', teks: 'Tepat waktu', jenisTarget: 'ANGKA', targetAngka: '12', satuan: 'bulan' }] }],
    });
    expect(doc.snapshot).toBeNull();
    expect(doc.ekspektasi).toEqual({});
    expect(doc.lampiran).toEqual([]);
    expect(doc.rhk[0]).toMatchObject({ rhkAtasan: null, perspektif: null, penugasanDari: null });
    expect(doc.rhk[0]!.indikator[0]).toEqual({
      aspek: 'WAKTU', teks: 'Tepat waktu', jenisTarget: 'ANGKA', targetAngka: '12', targetMin: null, targetMax: null,
      satuan: 'bulan', targetTeks: null, lebihBaik: 'TINGGI', gabungPeriode: 'TERAKHIR', targetPeriode: [],
    });
  });

  it('refuses a document that is not an SKP document', () => {
    expect(() => parseDokumen({ revisi: 1, rhk: [] })).toThrow(/pendekatan/);
    expect(() => parseDokumen(null)).toThrow();
  });
});

describe('the JPT form is decided by the SKP snapshot', () => {
  it.each([
    [{ pegawai: { jenisJabatan: 'JPT' }, penilai: null }, true],
    [{ pegawai: { jenisJabatan: 'FUNGSIONAL' }, penilai: { jenisJabatan: 'JPT' } }, false],
    [{ pegawai: {} }, false],
    [null, false],
    ['not a snapshot', false],
  ])('%j → %s', (snapshot, jpt) => expect(usesJptForm({ snapshot })).toBe(jpt));
});

describe('what derives from the field table', () => {
  const row = { aspek: 'KUANTITAS', teks: 'Jumlah', jenisTarget: 'RENTANG', targetAngka: null, targetMin: '1.5', targetMax: '3', satuan: '%', targetTeks: null, lebihBaik: 'RENDAH', gabungPeriode: 'JUMLAH' } as const;

  it('every field reaches the database write, the copies and the edit form', () => {
    expect(Object.keys(indikatorData({ ...row, id: 9, urutan: 2 }))).toEqual(INDIKATOR_FIELD_NAMES);
    expect(INDIKATOR_COLUMNS).toHaveLength(INDIKATOR_FIELD_NAMES.length);
    expect(indikatorFromJson('i')).toHaveLength(INDIKATOR_FIELD_NAMES.length);
    expect(RHK_COPY_COLUMNS).toEqual(['jenis', 'teks', 'perspektif', 'penugasan_dari']);
    expect(indikatorFormValues(row)).toEqual({
      aspek: 'KUANTITAS', teks: 'Jumlah', jenisTarget: 'RENTANG', targetAngka: '', targetMin: '1,5', targetMax: '3', satuan: '%', targetTeks: '', lebihBaik: 'RENDAH', gabungPeriode: 'JUMLAH',
    });
  });

  it('reads template JSON with the column types', () => {
    expect(indikatorFromJson('i')).toEqual([
      `(i->>'aspek')::"Aspek"`, `i->>'teks'`, `(i->>'jenisTarget')::"JenisTarget"`, `(i->>'targetAngka')::numeric`, `(i->>'targetMin')::numeric`,
      `(i->>'targetMax')::numeric`, `i->>'satuan'`, `i->>'targetTeks'`, `i->>'lebihBaik'`, `(i->>'gabungPeriode')::"GabungPeriode"`,
    ]);
  });

  it.each([
    ['ANGKA', { targetAngka: 1, targetMin: null, targetMax: null, satuan: 'x', targetTeks: null }],
    ['RENTANG', { targetAngka: null, targetMin: 2, targetMax: 3, satuan: 'x', targetTeks: null }],
    ['KUALITATIF', { targetAngka: null, targetMin: null, targetMax: null, satuan: null, targetTeks: 't' }],
  ] as const)('a %s target keeps only its own fields', (jenisTarget, kept) => {
    const all = { aspek: 'KUANTITAS', teks: 'x', jenisTarget, targetAngka: 1, targetMin: 2, targetMax: 3, satuan: 'x', targetTeks: 't', lebihBaik: 'TINGGI', gabungPeriode: 'TERAKHIR' } as const;
    expect(keepOwnTarget(all)).toEqual({ ...all, ...kept });
  });
});
