// What a position carries for the rules (docs/domain/penilai.md § Positions): its kind, and for a
// jabatan fungsional its category and level. PP 11/2017 jo. PP 17/2020 (Manajemen PNS): the JF
// keahlian run Ahli Pertama → Ahli Muda → Ahli Madya → Ahli Utama, the JF keterampilan Pemula →
// Terampil → Mahir → Penyelia. Angka kredit and the rank checks of later issues read these.

export type JenisJabatan = 'JPT' | 'ADMINISTRATOR' | 'PENGAWAS' | 'PELAKSANA' | 'FUNGSIONAL';
export type KategoriJf = 'KEAHLIAN' | 'KETERAMPILAN';
export type JenjangJf = 'PERTAMA' | 'MUDA' | 'MADYA' | 'UTAMA' | 'PEMULA' | 'TERAMPIL' | 'MAHIR' | 'PENYELIA';

export const JENIS_JABATAN: readonly JenisJabatan[] = ['JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL'];
export const KATEGORI_JF: readonly KategoriJf[] = ['KEAHLIAN', 'KETERAMPILAN'];
/** The levels of each category, lowest first. */
export const JENJANG_JF: Readonly<Record<KategoriJf, readonly JenjangJf[]>> = {
  KEAHLIAN: ['PERTAMA', 'MUDA', 'MADYA', 'UTAMA'],
  KETERAMPILAN: ['PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA'],
};

/** A position field that is wrong, and why (a message key). */
export type JabatanProblem = { field: 'kategoriJf' | 'jenjangJf'; key: string };

/**
 * A JF needs its category and a level of that category; any other position has neither.
 * Returns every problem (empty when the combination is valid).
 */
export function jabatanJfProblems(jenis: JenisJabatan, kategori: KategoriJf | null, jenjang: JenjangJf | null): JabatanProblem[] {
  if (jenis !== 'FUNGSIONAL') {
    const out: JabatanProblem[] = [];
    if (kategori !== null) out.push({ field: 'kategoriJf', key: 'org.jfOnly' });
    if (jenjang !== null) out.push({ field: 'jenjangJf', key: 'org.jfOnly' });
    return out;
  }
  if (kategori === null) return [{ field: 'kategoriJf', key: 'org.kategoriRequired' }, ...(jenjang === null ? [{ field: 'jenjangJf' as const, key: 'org.jenjangRequired' }] : [])];
  if (jenjang === null) return [{ field: 'jenjangJf', key: 'org.jenjangRequired' }];
  if (!JENJANG_JF[kategori].includes(jenjang)) return [{ field: 'jenjangJf', key: kategori === 'KEAHLIAN' ? 'org.jenjangNotKeahlian' : 'org.jenjangNotKeterampilan' }];
  return [];
}
