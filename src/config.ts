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
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'must be set to at least 32 characters in production' });
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
};

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
  };
}

function readProcessEnv(): NodeJS.ProcessEnv {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}
