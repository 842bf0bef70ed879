import nodemailer from 'nodemailer';
import type { Config, SmtpConfig } from '../../config.js';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/client.js';
import { setelahGagal, tautanAbsolut } from '../../domain/email-retry.js';
import { isLang, translate, type Lang } from '../../i18n/index.js';
import { notifikasiText } from '../notifikasi/render.js';
import { catatGagal, catatTerkirim, klaimEmail, type Gagal, type Klaim } from './queries.js';
import { sql, type Sql } from '../../db/sql.js';
import { notify } from '../notifikasi/notify.js';

// Sending the outbox (docs/domain/email.md). A run claims the due e-mails in batches, renders
// each in its recipient's language, sends it over SMTP and records the outcome. Nothing here
// holds a transaction open while talking to the SMTP server: the claim is a lease (the row's
// next-try time pushed out), so another instance skips the row, and one left by a crash comes back.

/** One e-mail as it goes out. */
export type Surat = { to: string; subject: string; text: string; messageId: string };
/** How e-mails leave: SMTP in the app, anything with the same shape in a test. */
export type Pengirim = { send: (s: Surat) => Promise<void>; close: () => void };

/** The claim's lease: a run that has not recorded a claimed e-mail's outcome by then is taken to have died. */
export const SEWA_DETIK = 15 * 60;
/** E-mails claimed at once, and sent at once within a batch. */
export const BATCH = 50;
export const SERENTAK = 5;
/** A run stops claiming after this long (the next tick goes on), so it ends well within its lease and its job's expiry. */
export const LAMA_PUTARAN_MS = 50_000;

/** nodemailer's codes for "the server could not be reached or dropped the line": no point trying the rest of the queue now. */
const TIDAK_TERHUBUNG = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'EAUTH', 'ETLS', 'EPROTOCOL']);

/** SMTP through nodemailer: a small pool of connections, with timeouts well inside the lease. */
export function smtpPengirim(smtp: SmtpConfig): Pengirim {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
    pool: true,
    maxConnections: SERENTAK,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (s) => {
      await transport.sendMail({ from: smtp.from, to: s.to, subject: s.subject, text: s.text, messageId: s.messageId, headers: { 'Auto-Submitted': 'auto-generated' } });
    },
    close: () => transport.close(),
  };
}

/** The e-mail of one claimed row, in its recipient's language. */
export function suratOf(k: Klaim, appUrl: string): Surat {
  const lang: Lang = isLang(k.bahasa) ? k.bahasa : 'id';
  // One line: names and periods come from people, and a header holds no line break.
  const subject = notifikasiText(lang, k.jenis, k.params).replace(/[\r\n]+/g, ' ').slice(0, 200);
  const host = new URL(appUrl).hostname || 'sikap';
  const text = [
    k.nama ? translate(lang, 'email.surat.salam', { nama: k.nama }) : translate(lang, 'email.surat.salamUmum'),
    '',
    subject,
    '',
    translate(lang, 'email.surat.buka', { url: tautanAbsolut(appUrl, k.tautan) }),
    '',
    '-- ',
    translate(lang, 'email.surat.kaki', { url: tautanAbsolut(appUrl, '/akun/notifikasi') }),
    '',
  ].join('\n');
  // One id per outbox row: a receiving server that sees it twice (a resend after a crash) can tell.
  return { to: k.kepada, subject, text, messageId: `<email-keluar-${k.id}@${host}>` };
}

const galatOf = (e: unknown): string => {
  const x = e as { code?: string; responseCode?: number; response?: string; message?: string };
  return [x.code, x.responseCode, x.response ?? x.message ?? String(e)].filter((v) => v !== undefined && v !== '').join(' ').slice(0, 1000);
};

export type HasilKirim = { terkirim: number; gagal: number; diulang: number; tanpaSmtp: boolean };
export type KirimDeps = {
  config: Pick<Config, 'smtp' | 'appUrl' | 'email'>;
  clock: Clock;
  /** How e-mails leave (SMTP from the config by default). */
  pengirim?: Pengirim;
  batch?: number;
  lamaPutaranMs?: number;
};

/**
 * The task of KIRIM_EMAIL_JOB (jobs.ts): sends the due e-mails of the outbox. Without SMTP configured it does
 * nothing (the e-mails keep waiting). Safe to run on several instances at once: each e-mail is
 * claimed by one run only.
 */
export async function kirimEmailKeluar(db: Db, deps: KirimDeps): Promise<HasilKirim> {
  const hasil: HasilKirim = { terkirim: 0, gagal: 0, diulang: 0, tanpaSmtp: false };
  const smtp = deps.config.smtp;
  if (!smtp && !deps.pengirim) return { ...hasil, tanpaSmtp: true };
  const pengirim = deps.pengirim ?? smtpPengirim(smtp!);
  const mulai = Date.now();
  try {
    while (Date.now() - mulai < (deps.lamaPutaranMs ?? LAMA_PUTARAN_MS)) {
      const now = deps.clock.now();
      const klaim = await klaimEmail(db.sql, now, new Date(now.getTime() + SEWA_DETIK * 1000), deps.batch ?? BATCH);
      if (klaim.length === 0) break;
      const terkirim: Klaim[] = [];
      const gagal: Gagal[] = [];
      let putus = false;
      const kirimSatu = async (k: Klaim) => {
        try {
          await pengirim.send(suratOf(k, deps.config.appUrl));
          terkirim.push(k);
        } catch (e) {
          if (TIDAK_TERHUBUNG.has((e as { code?: string }).code ?? '')) putus = true;
          const next = setelahGagal(k.percobaan, deps.clock.now(), deps.config.email);
          gagal.push({ id: k.id, version: k.version, ...next, galat: galatOf(e) });
        }
      };
      let i = 0;
      for (; i < klaim.length && !putus; i += SERENTAK) await Promise.all(klaim.slice(i, i + SERENTAK).map(kirimSatu));
      // Claimed but not tried (the server went away): back to waiting, no attempt counted, due
      // when the failed ones are.
      const sisa = klaim.slice(i);
      if (sisa.length) {
        const waktu = gagal.reduce((m, g) => (g.cobaLagiAt > m ? g.cobaLagiAt : m), deps.clock.now());
        const galat = gagal[gagal.length - 1]?.galat ?? '';
        for (const k of sisa) gagal.push({ id: k.id, version: k.version, status: 'ANTRI', percobaan: k.percobaan, cobaLagiAt: waktu, galat });
      }
      const selesai = deps.clock.now();
      await catatTerkirim(db.sql, terkirim, selesai);
      await catatGagal(db.sql, gagal);
      await beritahuHrEmailGagal(db.sql, gagal.filter((g) => g.status === 'GAGAL').length);
      hasil.terkirim += terkirim.length;
      hasil.gagal += gagal.filter((g) => g.status === 'GAGAL').length;
      hasil.diulang += gagal.filter((g) => g.status === 'ANTRI').length - sisa.length;
      // The server cannot be reached: the rest of the queue waits for the next tick rather than
      // each e-mail spending an attempt on the same outage.
      if (putus) break;
    }
  } finally {
    if (!deps.pengirim) pengirim.close();
  }
  return hasil;
}

/**
 * HR is told in the app (never by e-mail: that could fail too) when e-mails failed after all their
 * attempts, with how many, linking to the outbox page where they are resent.
 */
export async function beritahuHrEmailGagal(q: Sql, jumlah: number): Promise<void> {
  if (jumlah <= 0) return;
  const hr = await q.rows<{ id: number }>(sql`SELECT id FROM app_user WHERE aktif AND 'ADMIN' = ANY(peran) ORDER BY id`);
  await notify(q, hr.map((u) => ({ userId: u.id, jenis: 'EMAIL_GAGAL' as const, params: { jumlah }, tautan: '/email-keluar' })), { email: false });
}
