// Bahasa Indonesia: the year's recaps, the TPP list, the distribution and the angka kredit list (docs/domain/rekap.md).
export const idRekap = {
  'rekap.title': 'Rekap tahunan',
};
