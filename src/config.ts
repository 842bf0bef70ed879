import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

// The one place that reads the environment. Everything else receives a Config.

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => (v === '' ? undefined : ['true', '1', 'yes'].includes(v)));

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgresql://')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    PG_DATA_DIR: z.string().min(1).default('.data/pg'),
    PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
    SESSION_SECRET: z.string().optional(),
    SEED_DEMO: bool.optional(),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    TRUST_PROXY: bool.optional(),
    UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
    BERKAS_DIR: z.string().min(1).default('.data/berkas'),
    // ── mail ── (docs/domain/email.md)
    APP_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional().or(z.literal('').transform(() => undefined)),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional().or(z.literal('').transform(() => undefined)),
    SMTP_SECURE: bool.optional(),
    SMTP_USER: z.string().optional(),
    SMTP_PASS: z.string().optional(),
    SMTP_FROM: z.string().optional(),
    EMAIL_MAX_PERCOBAAN: z.coerce.number().int().min(1).max(50).default(5),
    EMAIL_BACKOFF_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'must be set to at least 32 characters in production' });
    }
    // ── mail ── an e-mail needs a sender and, in production, links that lead to this server
    if (env.SMTP_HOST) {
      if (!env.SMTP_FROM) ctx.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: 'must be set when SMTP_HOST is (the sender of the e-mails)' });
      if (env.NODE_ENV === 'production' && !env.APP_URL) ctx.addIssue({ code: 'custom', path: ['APP_URL'], message: 'must be set in production when SMTP_HOST is (the links in the e-mails)' });
      if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASS)) ctx.addIssue({ code: 'custom', path: ['SMTP_PASS'], message: 'SMTP_USER and SMTP_PASS go together' });
    }
  });

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  pgDataDir: string;
  pgPort: number;
  /** PORT / PG_PORT were set (in the environment or .env): a taken port is then an error, not a reason to pick another. */
  portFixed: boolean;
  pgPortFixed: boolean;
  sessionSecret: string;
  seedDemo: boolean;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  trustProxy: boolean;
  uploadMaxBytes: number;
  /** The folder of the local file store (src/storage/berkas-store.ts). */
  berkasDir: string;
  // ── mail ──
  /** The address people reach this app at, for the links in e-mails (no trailing slash). */
  appUrl: string;
  /** The SMTP server e-mails go out through; null: none configured, nothing is sent (docs/domain/email.md). */
  smtp: SmtpConfig | null;
  /** The outbox's retry rule: attempts before an e-mail is marked failed, and the first wait. */
  email: { maxPercobaan: number; backoffSeconds: number };
};

// ── mail ──
export type SmtpConfig = { host: string; port: number; secure: boolean; user?: string; pass?: string; from: string };

export class ConfigError extends Error {}

/** Parses an environment (process.env by default) into a Config, or throws one readable error. */
export function loadConfig(source: NodeJS.ProcessEnv = readProcessEnv()): Config {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    pgDataDir: e.PG_DATA_DIR,
    pgPort: e.PG_PORT,
    portFixed: (source.PORT ?? '') !== '',
    pgPortFixed: (source.PG_PORT ?? '') !== '',
    sessionSecret: e.SESSION_SECRET && e.SESSION_SECRET.length > 0 ? e.SESSION_SECRET : randomBytes(32).toString('hex'),
    seedDemo: e.SEED_DEMO ?? !e.DATABASE_URL,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    trustProxy: e.TRUST_PROXY ?? false,
    uploadMaxBytes: e.UPLOAD_MAX_MB * 1024 * 1024,
    berkasDir: e.BERKAS_DIR,
    // ── mail ──
    appUrl: (e.APP_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT ?? (e.SMTP_SECURE ? 465 : 587),
          // implicit TLS on 465; on other ports STARTTLS when the server offers it
          secure: e.SMTP_SECURE ?? (e.SMTP_PORT === 465),
          ...(e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASS } : {}),
          from: e.SMTP_FROM!,
        }
      : null,
    email: { maxPercobaan: e.EMAIL_MAX_PERCOBAAN, backoffSeconds: e.EMAIL_BACKOFF_SECONDS },
  };
}

function readProcessEnv(): NodeJS.ProcessEnv {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}
