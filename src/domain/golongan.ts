// Golongan (grade) codes of the two kinds of ASN. pegawai.pangkat_golongan stores the bare code:
// "III/a" for a PNS (golongan/ruang, with its pangkat name), "IX" for a PPPK (no pangkat name).

export type JenisAsnGolongan = 'PNS' | 'PPPK';

export const GOLONGAN_PNS: readonly { kode: string; pangkat: string }[] = Object.freeze([
  { kode: 'I/a', pangkat: 'Juru Muda' },
  { kode: 'I/b', pangkat: 'Juru Muda Tingkat I' },
  { kode: 'I/c', pangkat: 'Juru' },
  { kode: 'I/d', pangkat: 'Juru Tingkat I' },
  { kode: 'II/a', pangkat: 'Pengatur Muda' },
  { kode: 'II/b', pangkat: 'Pengatur Muda Tingkat I' },
  { kode: 'II/c', pangkat: 'Pengatur' },
  { kode: 'II/d', pangkat: 'Pengatur Tingkat I' },
  { kode: 'III/a', pangkat: 'Penata Muda' },
  { kode: 'III/b', pangkat: 'Penata Muda Tingkat I' },
  { kode: 'III/c', pangkat: 'Penata' },
  { kode: 'III/d', pangkat: 'Penata Tingkat I' },
  { kode: 'IV/a', pangkat: 'Pembina' },
  { kode: 'IV/b', pangkat: 'Pembina Tingkat I' },
  { kode: 'IV/c', pangkat: 'Pembina Utama Muda' },
  { kode: 'IV/d', pangkat: 'Pembina Utama Madya' },
  { kode: 'IV/e', pangkat: 'Pembina Utama' },
].map((g) => Object.freeze(g)));

export const GOLONGAN_PPPK: readonly string[] = Object.freeze([
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII',
]);

const PANGKAT_BY_KODE: ReadonlyMap<string, string> = new Map(GOLONGAN_PNS.map((g) => [g.kode, g.pangkat]));
const PPPK_SET: ReadonlySet<string> = new Set(GOLONGAN_PPPK);

/** Whether `kode` (exactly as stored, e.g. "III/a" or "IX") is a golongan of that kind of ASN. */
export function isValidGolongan(jenisAsn: JenisAsnGolongan, kode: string): boolean {
  return jenisAsn === 'PNS' ? PANGKAT_BY_KODE.has(kode) : jenisAsn === 'PPPK' ? PPPK_SET.has(kode) : false;
}

/** "Penata Muda (III/a)" for a PNS code, "Golongan IX" for a PPPK code, the code itself otherwise. */
export function labelGolongan(kode: string): string {
  const pangkat = PANGKAT_BY_KODE.get(kode);
  if (pangkat !== undefined) return `${pangkat} (${kode})`;
  if (PPPK_SET.has(kode)) return `Golongan ${kode}`;
  return kode;
}
