// The seven BerAKHLAK core values with their behaviour statements, pre-filled in every SKP's
// Perilaku Kerja section (docs/domain/skp.md § Perilaku kerja). This is the one place the text is
// written. The wording is that of UU 20/2023 Pasal 4(2) throughout; SE MenPANRB 20/2021 worded a
// few statements differently ("apapun latar belakangnya", "suka menolong orang lain", "nama baik
// sesama ASN, pimpinan, instansi dan negara"), and earlier code mixed the two. Each approved
// version freezes the statements it was signed with (skp-document.ts, `berakhlak`), so changing
// the wording here never changes what an old version prints.

export const NILAI_BERAKHLAK = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'] as const;
export type NilaiBerakhlak = (typeof NILAI_BERAKHLAK)[number];

/** A value as printed: its name and its behaviour statements. */
export type PerilakuBerakhlak = { nama: string; perilaku: string[] };

export const BERAKHLAK: Record<NilaiBerakhlak, { nama: string; perilaku: readonly [string, string, string] }> = {
  BERORIENTASI_PELAYANAN: {
    nama: 'Berorientasi Pelayanan',
    perilaku: ['Memahami dan memenuhi kebutuhan masyarakat', 'Ramah, cekatan, solutif, dan dapat diandalkan', 'Melakukan perbaikan tiada henti'],
  },
  AKUNTABEL: {
    nama: 'Akuntabel',
    perilaku: [
      'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
      'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
      'Tidak menyalahgunakan kewenangan jabatan',
    ],
  },
  KOMPETEN: {
    nama: 'Kompeten',
    perilaku: ['Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah', 'Membantu orang lain belajar', 'Melaksanakan tugas dengan kualitas terbaik'],
  },
  HARMONIS: {
    nama: 'Harmonis',
    perilaku: ['Menghargai setiap orang tanpa membedakan latar belakang', 'Suka menolong', 'Membangun lingkungan kerja yang kondusif'],
  },
  LOYAL: {
    nama: 'Loyal',
    perilaku: [
      'Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah',
      'Menjaga nama baik ASN, instansi, dan negara',
      'Menjaga rahasia jabatan dan negara',
    ],
  },
  ADAPTIF: {
    nama: 'Adaptif',
    perilaku: ['Cepat menyesuaikan diri menghadapi perubahan', 'Terus berinovasi dan mengembangkan kreativitas', 'Bertindak proaktif'],
  },
  KOLABORATIF: {
    nama: 'Kolaboratif',
    perilaku: [
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
      'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
      'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
    ],
  },
};
