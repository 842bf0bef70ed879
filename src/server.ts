import type { Server } from 'node:http';
import { loadConfig, ConfigError } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDb } from './db/embedded.js';
import { migrate } from './db/migrate.js';
import { createDb } from './db/client.js';
import { DEMO_PASSWORD, seedDemo } from './db/seed.js';
import { seedPlanning } from './db/seed-planning.js';
import { seedMutasi } from './db/seed-mutasi.js';
import { seedLaporan } from './db/seed-laporan.js';
import { seedEvaluasi } from './db/seed-evaluasi.js';
import { seedKeberatan } from './db/seed-keberatan.js';
// ── mail ──
import { seedEmail } from './db/seed-email.js';
import { seedNotifikasi } from './db/seed-notifikasi.js'; // ── bell ──
import { localBerkasStore } from './storage/berkas-store.js';
import { systemClock } from './clock.js';
import { describeDemoLogins } from './db/demo-logins.js';
import { createApp, createJobRunner } from './app.js';
import { choosePort, StartError } from './db/ports.js';
import { limitHeapGrowth } from './heap.js';
// ── pengingat ──
import { PERIKSA_PENGINGAT } from './modules/pengingat/jobs.js';
import { periksaPengingat } from './modules/pengingat/service.js';

// Boot: config → database (embedded or DATABASE_URL) → migrate → seed → listen; clean shutdown.
async function main(): Promise<void> {
  limitHeapGrowth();
  const config = loadConfig();
  let embedded: EmbeddedDb | null = null;
  let url = config.databaseUrl;
  if (!url) {
    const pgPort = await choosePort({ port: config.pgPort, fixed: config.pgPortFixed, setting: 'PG_PORT', what: 'PostgreSQL tertanam', log: (m) => console.log(m) });
    console.log(`Memulai PostgreSQL tertanam (data: ${config.pgDataDir}, port ${pgPort}) …`);
    embedded = await startEmbeddedPostgres({ dataDir: config.pgDataDir, port: pgPort, log: (m) => console.error(m) });
    url = embedded.url;
  }
  const applied = await migrate(url);
  if (applied.length) console.log(`Migrasi diterapkan: ${applied.join(', ')}`);
  const db = createDb(url, 20);
  const seed = config.seedDemo ? await seedDemo(db.pool) : null;
  const jobs = createJobRunner(db, { config, clock: systemClock });
  if (seed?.seeded) {
    console.log('Mengisi SKP demo (tahun lalu dan tahun ini) …');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(systemClock.now()); // YYYY-MM-DD
    const tahun = Number(today.slice(0, 4));
    const login = (role: string) => seed.logins.find((l) => l.role === role)?.login;
    await seedPlanning(db, jobs, { tahun, log: (m) => console.log(m), demo: { penilai: login('penilai'), pegawai: login('pegawai') } });
    const moved = await seedMutasi(db, { tahun, skip: seed.logins.map((l) => l.login), setujui: today >= `${tahun}-07-01`, log: (m) => console.log(m) });
    if (moved) seed.logins.push({ role: 'pegawai (mutasi, 2 SKP)', login: moved.nip, password: DEMO_PASSWORD, nama: moved.nama });
    console.log('Mengisi laporan periodik demo (tahun lalu dan tahun ini sampai hari ini) …');
    await seedLaporan(db, localBerkasStore(config.berkasDir), { clock: systemClock, demo: { penilai: login('penilai'), pegawai: login('pegawai') }, log: (m) => console.log(m) });
    console.log('Menutup evaluasi tahunan demo tahun lalu (saran, konfirmasi, kalibrasi, finalisasi) …');
    await seedEvaluasi(db, localBerkasStore(config.berkasDir), jobs, { clock: systemClock, log: (m) => console.log(m) });
    // ── keberatan ── one objection decided (a rating changed, the document re-issued), one open inside its window
    await seedKeberatan(db, localBerkasStore(config.berkasDir), { clock: systemClock, demo: { pegawai: login('pegawai') }, log: (m) => console.log(m) });
    // ── pengingat ── the reminders due today, so the demo's late reports have theirs from the start
    const pengingat = await periksaPengingat(db, systemClock.now());
    console.log(`seed: ${pengingat.total} pengingat tenggat (${pengingat.periode.map((p) => `${p.nama} ${p.jenis} ${p.baru}`).join(', ') || 'tidak ada yang jatuh tempo'}).`);
    await seedNotifikasi(db, { log: (m) => console.log(m) }); // ── bell ──
    // ── mail ── (after every step that writes notifications: it gives their e-mails outcomes)
    await seedEmail(db, { clock: systemClock, logins: seed.logins.map((l) => l.login), pegawai: login('pegawai'), log: (m) => console.log(m) });
  }
  const app = createApp({ config, db, jobs });
  const server: Server = app.listen(await choosePort({ port: config.port, fixed: config.portFixed, setting: 'PORT', what: 'SIKAP', host: config.host, log: (m) => console.log(m) }), config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));

  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  console.log(`\nSIKAP berjalan di http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`);
  if (seed) {
    console.log(seed.seeded ? 'Agensi demo dibuat. Login demo:' : 'Login demo:');
    for (const line of await describeDemoLogins(db, seed.logins)) console.log(line);
  }
  console.log('Tekan Ctrl-C untuk berhenti.');
  jobs.kick(); // take up background work an earlier run left unfinished
  // ── pengingat ── one reminder check at start, besides its cron (at most one runs at a time)
  jobs.send(PERIKSA_PENGINGAT, {}).catch((e: unknown) => console.error('pengingat:', e));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: menghentikan server …`);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await jobs.stop();
    await db.close();
    if (embedded) await embedded.stop();
    console.log('Selesai.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError || e instanceof StartError ? e.message : e);
  process.exit(1);
});
