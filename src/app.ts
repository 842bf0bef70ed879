import express, { type Express } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import helmet from 'helmet';
import compression from 'compression';
import { resolve } from 'node:path';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { setupPassport } from './web/auth.js';
import { csrfProtection } from './web/csrf.js';
import { unsentFormRoutes } from './web/unsent-form.js';
import { saveSessionBeforeRedirect, viewLocals } from './web/locals.js';
import { errorHandler, notFoundHandler } from './web/errors.js';
import { setupViews } from './web/views.js';
import { staticAssets } from './web/static-assets.js';
import { loginThrottle } from './web/login-throttle.js';
import { markUndecodable, requestGuard } from './web/request-guard.js';
import { authRoutes } from './modules/auth/routes.js';
import { dashboardRoutes } from './modules/dashboard/routes.js';
import { orgRoutes } from './modules/org/routes.js';
import { mutasiRoutes } from './modules/mutasi/routes.js';
import { importRoutes } from './modules/imports/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { labelGolongan } from './domain/golongan.js';
import { siklusRoutes } from './modules/siklus/routes.js';
import { skpRoutes } from './modules/skp/planning/routes.js';
import { reviewRoutes } from './modules/skp/review/routes.js';
import { cetakRoutes } from './modules/skp/print/routes.js';
import { cetakLaporanRoutes } from './modules/laporan/print/routes.js';
import { versionRoutes } from './modules/skp/versions/routes.js';
import { templatRoutes } from './modules/templat/routes.js';
import { delegasiRoutes } from './modules/delegasi/routes.js';
import { jobRunner, type JobRunner } from './jobs/runner.js';
import { siklusJobs } from './modules/siklus/jobs.js';
import { LABELS } from './i18n/labels.js';
import { localBerkasStore, type BerkasStore } from './storage/berkas-store.js';
import { pejabatLuarRoutes } from './modules/pejabat-luar/routes.js';
// ── linimasa ──
import { linimasaRoutes } from './modules/linimasa/routes.js';
import { systemClock, type Clock } from './clock.js';
// ── laporan
import { laporanRoutes } from './modules/laporan/routes.js';
// ── penilaian ──
import { penilaianRoutes } from './modules/penilaian/routes.js';
// ── mail ──
import { emailRoutes } from './modules/email/routes.js';
import { emailTasks } from './modules/email/jobs.js';
// ── bell ──
import { bellCount, notifikasiRoutes } from './modules/notifikasi/routes.js';
// ── monitoring ──
import { monitoringRoutes } from './modules/monitoring/routes.js';
// ── evaluasi ──
import { evaluasiJobs } from './modules/evaluasi/hitung/jobs.js';
import { hitungRoutes } from './modules/evaluasi/hitung/routes.js';
import { evaluasiRoutes } from './modules/evaluasi/konfirmasi/routes.js';
import { kalibrasiRoutes } from './modules/evaluasi/kalibrasi/routes.js';
import { finalisasiRoutes } from './modules/evaluasi/finalisasi/routes.js';
import { rekapRoutes } from './modules/rekap/routes.js'; // ── rekap ──
import { keberatanRoutes } from './modules/keberatan/routes.js'; // ── keberatan ──
import { dokumenRoutes } from './modules/evaluasi/dokumen/routes.js';
// ── pengingat ──
import { pengingatTasks } from './modules/pengingat/jobs.js';

export type AppDeps = { config: Config; db: Db; jobs?: JobRunner; store?: BerkasStore; clock?: Clock };

/**
 * The background-job runner with every feature's handlers and task queues (each feature registers
 * its own; a task that needs settings or the time takes them from `ctx`).
 */
export type JobContextDeps = { config?: Config; clock?: Clock };
export const createJobRunner = (db: Db, ctx: JobContextDeps = {}): JobRunner =>
  jobRunner(db, { ...siklusJobs, ...evaluasiJobs /* ── evaluasi: hitung ── */ }, {
    tasks: {
      // ── mail ── the outbox's sender (every minute when SMTP is configured)
      ...(ctx.config ? emailTasks({ config: ctx.config, clock: ctx.clock ?? systemClock }) : {}),
      // ── pengingat ──
      ...pengingatTasks(ctx),
    },
  });

const ROOT = resolve(import.meta.dirname, '..');

/** Builds the Express app: middleware in one visible order, then the feature routers. */
export function createApp({ config, db, jobs: givenJobs, store = localBerkasStore(config.berkasDir), clock = systemClock }: AppDeps): Express {
  const jobs = givenJobs ?? createJobRunner(db, { config, clock });
  const app = express();
  app.locals.jobs = jobs;
  app.locals.clock = clock;
  const production = config.env === 'production';
  setupViews(app, config.env);
  app.set('trust proxy', config.trustProxy ? 1 : false);
  app.disable('x-powered-by');
  app.locals.labelGolongan = labelGolongan;
  app.locals.labels = LABELS; // the message key of every enum value, for every view (src/i18n/labels.ts)

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'script-src': ["'self'"], 'style-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'form-action': ["'self'"], 'upgrade-insecure-requests': production ? [] : null },
      },
      strictTransportSecurity: production,
    }),
  );
  const assets = staticAssets(resolve(ROOT, 'public'), '/static', {
    watch: config.env === 'development',
    // Chart.js (the capaian chart, src/modules/linimasa) from its package, under /static/vendor/
    vendor: { '/vendor/chart.umd.min.js': resolve(ROOT, 'node_modules/chart.js/dist/chart.umd.min.js') },
  });
  app.locals.asset = assets.url;
  app.use('/static', assets.handler);
  // Pages go out compressed (brotli or gzip, as the browser accepts): on a 1.6 Mbit/s office
  // line a 15–25 KB page takes 75–125 ms, compressed (3–4 KB) a fifth to a third of that, for under
  // 0.1 ms of CPU. Only HTML: static files come precompressed, downloads (CSV, PDF) as they are.
  app.use(compression({ filter: (_req, res) => /^text\/html\b/.test(String(res.getHeader('Content-Type') ?? '')) }));
  app.use(express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 2000, verify: markUndecodable }));

  const PgStore = connectPgSimple(session);
  app.use(
    session({
      name: 'sikap.sid',
      secret: config.sessionSecret,
      store: new PgStore({ pool: db.pool, tableName: 'session', createTableIfMissing: false, disableTouch: true, pruneSessionInterval: production ? 900 : false }),
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: production && config.trustProxy, maxAge: 10 * 60 * 60 * 1000 },
    }),
  );
  const passport = setupPassport(db.pool);
  app.use(saveSessionBeforeRedirect);
  app.use(passport.session());
  app.use(viewLocals);
  app.use(requestGuard);
  app.use(csrfProtection);
  app.use(bellCount({ db })); // ── bell ── the unread count for every rendered page

  const throttle = loginThrottle(db.pool, config.loginMaxFailures, config.loginWindowMinutes);
  app.use(authRoutes({ db, throttle }));
  app.use(unsentFormRoutes());
  app.use(dashboardRoutes({ db }));
  app.use(orgRoutes({ db }));
  app.use(mutasiRoutes({ db }));
  app.use(importRoutes({ db, config }));
  app.use(auditRoutes({ db }));
  app.use(siklusRoutes({ db, jobs }));
  app.use(skpRoutes({ db }));
  app.use(reviewRoutes({ db, config, store }));
  app.use(versionRoutes({ db }));
  app.use(cetakRoutes({ db }));
  app.use(cetakLaporanRoutes({ db, clock })); // the periodic evaluation form
  app.use(templatRoutes({ db }));
  app.use(delegasiRoutes({ db }));
  app.use(pejabatLuarRoutes({ db }));
  // ── laporan: the employee's periodic report, evidence, progress notes
  app.use(laporanRoutes({ db, store, clock }));
  // ── penilaian ──
  app.use(penilaianRoutes({ db, clock }));
  // ── linimasa ──
  app.use(linimasaRoutes({ db, clock }));
  // ── mail ──
  app.use(emailRoutes({ db, config, clock, jobs }));
  // ── bell ──
  app.use(notifikasiRoutes({ db, clock }));
  // ── monitoring ──
  app.use(monitoringRoutes({ db, clock }));

  // ── evaluasi: hitung ──
  app.use(hitungRoutes({ db, clock, jobs, store }));
  // ── evaluasi: konfirmasi ──
  app.use(evaluasiRoutes({ db, clock, jobs, store }));
  // ── evaluasi: kalibrasi ──
  app.use(kalibrasiRoutes({ db, clock, jobs, store }));
  // ── evaluasi: finalisasi ──
  app.use(finalisasiRoutes({ db, clock, jobs, store }));
  // ── rekap ──
  app.use(rekapRoutes({ db }));
  // ── keberatan ──
  app.use(keberatanRoutes({ db, clock, jobs, store }));
  // ── evaluasi: dokumen ──
  app.use(dokumenRoutes({ db, clock }));
  app.use(notFoundHandler);
  app.use(errorHandler(!production));
  return app;
}
