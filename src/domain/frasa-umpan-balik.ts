import { NILAI_BERAKHLAK, type NilaiBerakhlak } from './berakhlak.js';
import { EKSPEKTASI, type Ekspektasi } from './scoring/reason.js';

// The library of standard feedback phrases (umpan balik) the appraiser picks from when answering a
// period's report (docs/domain/penilaian.md § Feedback phrases): for an indicator's result
// (HASIL_KERJA) and for each BerAKHLAK value, at each of the three levels of expectation of
// PermenPANRB 6/2022. The lines are SIKAP's own wording, written after the kinds of sentence found
// in practice (a peer application's phrase list, which carries no licence, and the free-text
// example of the 6/2022 lampiran); none is an official text. A phrase is stored as its Indonesian
// text (the record's language) with any free text the appraiser adds.

export type SasaranFrasa = 'HASIL_KERJA' | NilaiBerakhlak;
export const SASARAN_FRASA: readonly SasaranFrasa[] = ['HASIL_KERJA', ...NILAI_BERAKHLAK];

/** One phrase: its stable id, what it is for, at which level, and its text in each language (`teks.id` is what is stored). */
export type Frasa = { id: string; sasaran: SasaranFrasa; tingkat: Ekspektasi; teks: { id: string; en: string } };

type Lines = Record<Ekspektasi, [string, string][]>;

const LINES: Record<SasaranFrasa, Lines> = {
  HASIL_KERJA: {
    DI_ATAS: [
      ['Capaian melampaui target; pertahankan dan bagikan cara kerjanya kepada tim.', 'The result exceeds the target; keep it up and share how it was done with the team.'],
      ['Hasil kerja sangat baik dan didukung bukti yang lengkap.', 'An excellent result, backed by complete evidence.'],
      ['Target tercapai lebih cepat dari jadwal dengan mutu yang terjaga.', 'The target was reached ahead of schedule with its quality kept.'],
    ],
    SESUAI: [
      ['Target periode ini tercapai; pertahankan.', "This period's target was met; keep it up."],
      ['Secara keseluruhan target tercapai; kendala yang ada dapat segera diatasi.', 'On the whole the target was met; the obstacles found can be dealt with soon.'],
      ['Realisasi sedikit di bawah angka target, namun masih sesuai harapan pimpinan.', "The realisasi is slightly below the target figure but still meets the leader's expectation."],
    ],
    DI_BAWAH: [
      ['Realisasi masih di bawah target; susun langkah perbaikan untuk periode berikutnya.', 'The realisasi is still below the target; draw up steps to improve next period.'],
      ['Bukti dukung belum cukup menunjukkan capaian; lengkapi pada laporan berikutnya.', 'The evidence does not yet show the result well enough; complete it in the next report.'],
      ['Perlu dibahas dalam dialog kinerja agar hambatannya dapat diatasi bersama.', 'To be discussed in a dialog kinerja so that the obstacles can be tackled together.'],
    ],
  },
  BERORIENTASI_PELAYANAN: {
    DI_ATAS: [['Sigap dan ramah melayani; keluhan ditindaklanjuti sampai tuntas.', 'Quick and friendly in service; complaints are followed through to the end.']],
    SESUAI: [['Memahami dan memenuhi kebutuhan pengguna layanan dengan baik.', 'Understands and meets the needs of those served well.']],
    DI_BAWAH: [['Masih kurang sigap dan kurang memahami kebutuhan pengguna layanan.', 'Not yet quick enough and does not yet understand the needs of those served.']],
  },
  AKUNTABEL: {
    DI_ATAS: [['Menjadi teladan dalam kejujuran, tanggung jawab, dan penggunaan fasilitas kantor.', 'A model of honesty, responsibility and proper use of office facilities.']],
    SESUAI: [['Bertanggung jawab atas tugasnya dan melaporkan kemajuan tepat waktu.', 'Takes responsibility for the work and reports progress on time.']],
    DI_BAWAH: [['Arahan pimpinan jarang ditindaklanjuti dan kemajuannya jarang dilaporkan tepat waktu.', "The leader's directions are seldom followed up and progress is seldom reported on time."]],
  },
  KOMPETEN: {
    DI_ATAS: [['Aktif mengembangkan diri dan membagikan pengetahuannya kepada rekan kerja.', 'Actively develops their skills and shares what they know with colleagues.']],
    SESUAI: [['Menyelesaikan tugas dengan kompetensi yang memadai dan terus belajar.', 'Completes the work with adequate competence and keeps learning.']],
    DI_BAWAH: [['Perlu meningkatkan kompetensi; ikuti pengembangan yang disarankan.', 'Needs to build their competence; take part in the development suggested.']],
  },
  HARMONIS: {
    DI_ATAS: [['Menawarkan bantuan tanpa diminta dan membantu menyelesaikan perbedaan pendapat dengan adil.', 'Offers help unasked and helps settle disagreements fairly.']],
    SESUAI: [['Menghargai rekan kerja dan menjaga suasana kerja yang baik.', 'Respects colleagues and keeps a good working atmosphere.']],
    DI_BAWAH: [['Perlu lebih menghargai pendapat rekan kerja dan menjaga suasana kerja.', "Needs to respect colleagues' views more and help keep a good working atmosphere."]],
  },
  LOYAL: {
    DI_ATAS: [['Menjaga nama baik instansi dan kerahasiaan informasi dengan sangat baik.', "Guards the agency's good name and the confidentiality of information very well."]],
    SESUAI: [['Setia pada tugas dan menjaga kerahasiaan informasi.', 'Committed to the work and keeps information confidential.']],
    DI_BAWAH: [['Perlu lebih menjaga kerahasiaan informasi dan nama baik instansi.', "Needs to take more care of confidential information and the agency's good name."]],
  },
  ADAPTIF: {
    DI_ATAS: [['Memanfaatkan teknologi baru dan berinovasi untuk memperbaiki cara kerja.', 'Uses new technology and innovates to improve the way work is done.']],
    SESUAI: [['Cepat menyesuaikan diri dengan perubahan dan terbuka terhadap masukan.', 'Adapts quickly to change and is open to suggestions.']],
    DI_BAWAH: [['Belum memperbaiki cara kerja meskipun sudah mendapat pembinaan.', 'Has not yet improved the way of working despite coaching.']],
  },
  KOLABORATIF: {
    DI_ATAS: [['Membangun kerja sama tim yang efektif dan membagi tugas secara adil.', 'Builds effective teamwork and shares tasks fairly.']],
    SESUAI: [['Terbuka bekerja sama dan berkomunikasi dua arah dengan tim.', 'Open to working together and communicates both ways with the team.']],
    DI_BAWAH: [['Perlu lebih terbuka bekerja sama dan berbagi informasi dengan tim.', 'Needs to be more open to working together and sharing information with the team.']],
  },
};

const CODE: Record<Ekspektasi, string> = { DI_ATAS: 'atas', SESUAI: 'sesuai', DI_BAWAH: 'bawah' };

/** Every phrase, each with a stable id ("HASIL_KERJA.sesuai.2"): a form posts the id, never the text. */
export const FRASA: readonly Frasa[] = Object.freeze(
  SASARAN_FRASA.flatMap((sasaran) =>
    EKSPEKTASI.flatMap((tingkat) => LINES[sasaran][tingkat].map(([id, en], i) => ({ id: `${sasaran}.${CODE[tingkat]}.${i + 1}`, sasaran, tingkat, teks: { id, en } }))),
  ),
);

const BY_ID = new Map(FRASA.map((f) => [f.id, f]));

export const frasaById = (id: string): Frasa | undefined => BY_ID.get(id);

/**
 * The phrases for an indicator (HASIL_KERJA) or a value, the level given first (the indicator's
 * class, or the appraiser's mark), then the others from above to below.
 */
export function frasaUntuk(sasaran: SasaranFrasa, tingkat?: Ekspektasi | null): Frasa[] {
  const order = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] as Ekspektasi[];
  const levels = tingkat ? [tingkat, ...order.filter((l) => l !== tingkat)] : order;
  return levels.flatMap((l) => FRASA.filter((f) => f.sasaran === sasaran && f.tingkat === l));
}

/** The longest feedback stored (phrase and free text together). */
export const UMPAN_BALIK_MAX = 2000;

/**
 * The feedback as stored: the phrase's Indonesian text, then the free text, one after the other;
 * null when both are empty. A phrase for another target than `sasaran` is not accepted
 * (`null` result with `ditolak`), nor is a stored text longer than UMPAN_BALIK_MAX.
 */
export function susunUmpanBalik(sasaran: SasaranFrasa, frasaId: string | null | undefined, bebas: string | null | undefined): { teks: string | null } | { ditolak: 'frasa' | 'panjang' } {
  const f = frasaId ? frasaById(frasaId) : undefined;
  if (frasaId && (!f || f.sasaran !== sasaran)) return { ditolak: 'frasa' };
  const parts = [f?.teks.id, bebas?.trim()].filter((s): s is string => !!s);
  if (parts.length === 0) return { teks: null };
  const teks = parts.join(' ');
  if (teks.length > UMPAN_BALIK_MAX) return { ditolak: 'panjang' };
  return { teks };
}

/** A stored feedback taken apart again for its form: the phrase it starts with (of `sasaran`), and the rest. */
export function uraiUmpanBalik(sasaran: SasaranFrasa, teks: string | null | undefined): { frasaId: string | null; bebas: string } {
  if (!teks) return { frasaId: null, bebas: '' };
  const f = FRASA.find((x) => x.sasaran === sasaran && (teks === x.teks.id || teks.startsWith(x.teks.id + ' ')));
  return f ? { frasaId: f.id, bebas: teks.slice(f.teks.id.length).trim() } : { frasaId: null, bebas: teks };
}
