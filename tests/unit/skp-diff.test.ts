import { describe, expect, it } from 'vitest';
import { diffSkp, sameTarget, type DocIndikator, type DocRhk, type SkpDoc } from '../../src/domain/skp-diff.js';

const ind = (id: number | undefined, over: Partial<DocIndikator> = {}): DocIndikator => ({
  ...(id === undefined ? {} : { id }),
  aspek: 'KUANTITAS',
  teks: 'Jumlah laporan',
  jenisTarget: 'ANGKA',
  targetAngka: '12',
  targetMin: null,
  targetMax: null,
  satuan: 'laporan',
  targetTeks: null,
  lebihBaik: 'TINGGI',
  gabungPeriode: 'TERAKHIR',
  targetPeriode: [],
  ...over,
});
const rhk = (id: number, over: Partial<DocRhk> = {}): DocRhk => ({
  id,
  jenis: 'UTAMA',
  urutan: 1,
  teks: `RHK ${id}`,
  rhkAtasan: 'RHK pimpinan',
  perspektif: null,
  penugasanDari: null,
  indikator: [ind(id * 10)],
  rencanaAksi: [],
  ...over,
});
const doc = (over: Partial<SkpDoc> = {}): SkpDoc => ({ revisi: 1, pendekatan: 'KUANTITATIF', rhk: [rhk(1), rhk(2)], ekspektasi: {}, lampiran: [], periode: [], ...over });

describe('diffSkp', () => {
  it('finds nothing between identical documents', () => {
    const d = diffSkp(doc(), doc({ revisi: 2 }));
    expect(d.berubah).toBe(false);
    expect(d.rhk).toEqual([]);
  });

  it('matches RHKs by id: a reworded RHK is changed, a new id is added, a missing one removed', () => {
    const d = diffSkp(doc(), doc({ rhk: [rhk(1, { teks: 'RHK satu yang diperbaiki' }), rhk(3)] }));
    expect(d.rhk.map((r) => [r.kind, r.id])).toEqual([['changed', 1], ['added', 3], ['removed', 2]]);
    expect(d.rhk[0]!.fields).toEqual(['teks']);
    expect(d.rhk[0]!.dari!.teks).toBe('RHK 1');
    expect(d.rhk[0]!.ke!.teks).toBe('RHK satu yang diperbaiki');
    expect(d.rhk[1]!.indikator.map((i) => i.kind)).toEqual(['added']);
    expect(d.rhk[2]!.indikator.map((i) => i.kind)).toEqual(['removed']);
    expect(d.berubah).toBe(true);
  });

  it('reports a changed target with the old and the new indicator, and added/removed indicators', () => {
    const b = rhk(1, { indikator: [ind(10, { targetAngka: '15' }), ind(11, { aspek: 'WAKTU', teks: 'Tepat waktu', targetAngka: '12', satuan: 'bulan' })] });
    const d = diffSkp(doc(), doc({ rhk: [b, rhk(2, { indikator: [] })] }));
    expect(d.rhk).toHaveLength(2);
    const [r1, r2] = d.rhk;
    expect(r1!.fields).toEqual([]);
    expect(r1!.indikator.map((i) => [i.kind, i.fields])).toEqual([['changed', ['target']], ['added', []]]);
    expect(r1!.indikator[0]!.dari!.targetAngka).toBe('12');
    expect(r1!.indikator[0]!.ke!.targetAngka).toBe('15');
    expect(r2!.indikator.map((i) => i.kind)).toEqual(['removed']);
  });

  it('compares numbers by value and ignores surrounding spaces', () => {
    expect(sameTarget(ind(1, { targetAngka: '12.0000' }), ind(1, { targetAngka: '12' }))).toBe(true);
    expect(sameTarget(ind(1, { jenisTarget: 'RENTANG', targetAngka: null, targetMin: '80', targetMax: '90' }), ind(1, { jenisTarget: 'RENTANG', targetAngka: null, targetMin: '80', targetMax: '95' }))).toBe(false);
    expect(diffSkp(doc(), doc({ rhk: [rhk(1, { teks: ' RHK 1 ' }), rhk(2)] })).berubah).toBe(false);
  });

  it('matches indicators without ids by aspect and position (older documents)', () => {
    const a = doc({ rhk: [rhk(1, { indikator: [ind(undefined), ind(undefined, { aspek: 'KUALITAS', teks: 'Mutu' })] })] });
    const b = doc({ rhk: [rhk(1, { indikator: [ind(undefined, { aspek: 'KUALITAS', teks: 'Mutu laporan' }), ind(undefined)] })] });
    const d = diffSkp(a, b);
    expect(d.rhk[0]!.indikator.map((i) => [i.kind, i.fields])).toEqual([['changed', ['teks']]]);
  });

  it('reports intervened RHK, type and perspective changes', () => {
    const d = diffSkp(doc(), doc({ rhk: [rhk(1, { rhkAtasan: 'RHK pimpinan lain', jenis: 'TAMBAHAN' }), rhk(2)] }));
    expect(d.rhk[0]!.fields).toEqual(['jenis', 'rhkAtasan']);
  });

  it('reports ekspektasi khusus written, changed and removed, in BerAKHLAK order', () => {
    const d = diffSkp(
      doc({ ekspektasi: { KOLABORATIF: 'Aktif dalam tim', AKUNTABEL: 'Tepat waktu' } }),
      doc({ ekspektasi: { AKUNTABEL: 'Tepat waktu dan cermat', BERORIENTASI_PELAYANAN: 'Ramah' } }),
    );
    expect(d.ekspektasi).toEqual([
      { nilai: 'BERORIENTASI_PELAYANAN', dari: null, ke: 'Ramah' },
      { nilai: 'AKUNTABEL', dari: 'Tepat waktu', ke: 'Tepat waktu dan cermat' },
      { nilai: 'KOLABORATIF', dari: 'Aktif dalam tim', ke: null },
    ]);
  });

  it('reports lampiran points added and removed per kind, counting duplicates', () => {
    const d = diffSkp(
      doc({ lampiran: [{ jenis: 'KONSEKUENSI', teks: 'Teguran' }, { jenis: 'KONSEKUENSI', teks: 'Teguran' }, { jenis: 'DUKUNGAN_SUMBER_DAYA', teks: 'Laptop' }] }),
      doc({ lampiran: [{ jenis: 'KONSEKUENSI', teks: 'Teguran' }, { jenis: 'DUKUNGAN_SUMBER_DAYA', teks: 'Laptop' }, { jenis: 'DUKUNGAN_SUMBER_DAYA', teks: 'Akses internet' }] }),
    );
    expect(d.lampiran).toEqual([
      { jenis: 'KONSEKUENSI', ditambah: [], dihapus: ['Teguran'] },
      { jenis: 'DUKUNGAN_SUMBER_DAYA', ditambah: ['Akses internet'], dihapus: [] },
    ]);
  });

  it('reports a change of approach', () => {
    expect(diffSkp(doc(), doc({ pendekatan: 'KUALITATIF' })).pendekatan).toEqual({ dari: 'KUANTITATIF', ke: 'KUALITATIF' });
  });
});
