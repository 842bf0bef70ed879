// Render cost of the heaviest list views, called directly (no HTTP, no database):
// `npx tsx bench/render.ts [views folder]`. Compares the app's EJS options with EJS's default
// `with (locals)` compilation of the same folder, so a view change can be measured alone.
import ejs from 'ejs';
import { join, resolve } from 'node:path';
import { formatters, translator } from '../src/i18n/index.js';
import { EJS_OPTIONS } from '../src/web/views.js';
import { otherLanguages } from '../src/web/locals.js';

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'views'));
const common = {
  asset: (p: string) => `/static${p}?v=0123456789ab`, lang: 'id', t: translator('id'), fmt: formatters('id'), otherLanguages: otherLanguages('id'), path: '/x', csrfToken: 'x'.repeat(43), flash: [], values: {}, errors: {},
  user: { id: 1, pegawaiId: 1, isAdmin: true, isPenilai: true, label: 'Admin' },
};
const rows = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, nama: `Siti Nurhaliza Putri ${i}, S.Kom.`, nip: '198307222008041847', jabatan: 'Analis Kebijakan Ahli Muda', unit: 'Subbagian Perencanaan dan Keuangan', penilai: i % 7 ? 'Budi Santoso' : null, aktif: i % 9 !== 0, jenisAsn: i % 6 ? 'PNS' : 'PPPK' }));
const pegawai = { ...common, query: { q: 'sari', status: 'aktif' }, unit: null, result: { rows, total: 1391, capped: true, page: 2, pages: null, hasNext: true, nextAfter: 51 } };
const siklus = { id: 1, tahun: 2026, fase: 'PERENCANAAN' };
const intervensi = (n: number) => Array.from({ length: n }, (_, k) => ({ nama: `Pegawai ${k}`, jabatan: 'Pranata Komputer', skpId: 100 + k, rhkId: 1000 + k, bawahan: true, teks: 'Tersusunnya laporan monitoring dan evaluasi kinerja unit yang tepat waktu', jenis: k % 3 ? 'UTAMA' : 'TAMBAHAN', status: 'DIAJUKAN' }));
const matriks = {
  ...common, siklus, siklusList: [siklus],
  matriks: {
    skp: { id: 1 }, belumDiintervensi: 2, jumlahBawahan: 30,
    rhk: [12, 12, 12, 12, 12, 0, 0].map((n, i) => ({ id: i, jenis: i < 4 ? 'UTAMA' : 'TAMBAHAN', teks: 'Meningkatnya kualitas perencanaan dan penganggaran unit kerja', intervensi: intervensi(n) })),
    tanpaLink: [],
  },
};

const cases = [['org/pegawai-list.ejs', pegawai], ['skp/matriks.ejs', matriks]] as const;
const variants: [string, ejs.Options][] = [
  ['EJS default (with)', { compileDebug: true }],
  ['EJS default, compileDebug off', { compileDebug: false }],
  ['app (strict)', EJS_OPTIONS],
  ['app (strict), compileDebug off', { ...EJS_OPTIONS, compileDebug: false }],
];
for (const [view, data] of cases) {
  for (const [label, opts] of variants) {
    ejs.clearCache();
    const render = (): string => {
      let html = '';
      ejs.renderFile(join(dir, view), data, { ...opts, cache: true }, (err, s) => {
        if (err) throw err;
        html = s;
      });
      return html;
    };
    let size = 0;
    try {
      for (let i = 0; i < 2000; i++) size = render().length;
    } catch (e) {
      console.log(`${view.padEnd(22)} ${label.padEnd(32)} fails: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    // CPU time of this thread, not wall time: the machine is shared, and waiting for a CPU is
    // not the view's cost. Best of 7 rounds.
    const best: number[] = [];
    for (let round = 0; round < 7; round++) {
      const start = process.cpuUsage();
      for (let i = 0; i < 2000; i++) render();
      const used = process.cpuUsage(start);
      best.push((used.user + used.system) / 1000 / 2000);
    }
    console.log(`${view.padEnd(22)} ${label.padEnd(32)} ${Math.min(...best).toFixed(3)} ms CPU/render  ${(size / 1024).toFixed(1)} KB`);
  }
}

// What compressing these pages would cost the app and save on a slow office line.
// 1.6 Mbit/s = 200 KB/s; transfer time only (no latency, no TCP slow start).
const LINE_BYTES_PER_MS = 1_600_000 / 8 / 1000;
const { gzipSync, brotliCompressSync, constants } = await import('node:zlib');
const coders: [string, (b: Buffer) => Buffer][] = [
  ['gzip 1', (b) => gzipSync(b, { level: 1 })],
  ['gzip 6 (default)', (b) => gzipSync(b, { level: 6 })],
  ['brotli 4', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })],
];
console.log('\nHTML compression: size, CPU per response, transfer time at 1.6 Mbit/s');
for (const [view, data] of cases) {
  let html = '';
  ejs.renderFile(join(dir, view), data, { ...EJS_OPTIONS, cache: true }, (err, s) => {
    if (err) throw err;
    html = s;
  });
  const buf = Buffer.from(html);
  console.log(`${view.padEnd(22)} ${'none'.padEnd(18)} ${(buf.length / 1024).toFixed(1).padStart(5)} KB  ${'–'.padStart(9)}         ${(buf.length / LINE_BYTES_PER_MS).toFixed(0).padStart(4)} ms on the line`);
  for (const [label, code] of coders) {
    let out = code(buf);
    const best: number[] = [];
    for (let round = 0; round < 5; round++) {
      const start = process.cpuUsage();
      for (let i = 0; i < 300; i++) out = code(buf);
      const used = process.cpuUsage(start);
      best.push((used.user + used.system) / 1000 / 300);
    }
    console.log(`${view.padEnd(22)} ${label.padEnd(18)} ${(out.length / 1024).toFixed(1).padStart(5)} KB  ${Math.min(...best).toFixed(3).padStart(6)} ms CPU  ${(out.length / LINE_BYTES_PER_MS).toFixed(0).padStart(4)} ms on the line`);
  }
}
