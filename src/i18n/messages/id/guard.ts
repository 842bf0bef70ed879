// Bahasa Indonesia: refusals of input no record can hold (the request guard, imports, periods).
export const idGuard = {
  'err.invalidChars': 'Isian mengandung karakter yang tidak dapat disimpan (byte NUL atau teks yang bukan UTF-8). Hapus karakter itu lalu coba lagi.',
  'err.invalidCharsQuery': 'Sebagian isian pada alamat halaman mengandung karakter yang tidak dapat disimpan (byte NUL atau teks yang bukan UTF-8) dan diabaikan.',
  'periode.outsideYear': 'Tanggal harus di dalam tahun siklus (1 Januari–31 Desember).',
  'periode.batasOutsideYear': 'Batas waktu harus di dalam tahun siklus atau paling lambat 31 Januari tahun berikutnya.',
  'periode.overlaps': 'Periode ini tumpang tindih dengan periode lain (paling cepat mulai sehari setelah periode sebelumnya selesai).',
  'import.unpackedTooLarge': 'Berkas XLSX ini terlalu besar setelah dibuka (lebih dari {max} MB isi). Simpan ulang hanya lembar data pegawai, atau bagi menjadi beberapa berkas.',
  'err.staleForm': 'Formulir ini tidak sah atau sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.',
};
