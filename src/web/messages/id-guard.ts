// Bahasa Indonesia: refusals of input no record can hold (the request guard, imports, periods).
export const idGuard = {
  'err.invalidChars': 'Isian mengandung karakter yang tidak dapat disimpan (byte NUL atau teks yang bukan UTF-8). Hapus karakter itu lalu coba lagi.',
  'err.invalidCharsQuery': 'Sebagian isian pada alamat halaman mengandung karakter yang tidak dapat disimpan (byte NUL atau teks yang bukan UTF-8) dan diabaikan.',
  'err.staleForm': 'Formulir ini tidak sah atau sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.',
};
