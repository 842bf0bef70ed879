import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('config — the environment is parsed once with zod', () => {
  it('has working defaults: embedded database and demo seed when DATABASE_URL is unset', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ env: 'development', port: 3000, databaseUrl: undefined, seedDemo: true, pgDataDir: '.data/pg', loginMaxFailures: 5 });
    expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });
  it('uses DATABASE_URL and does not seed by default', () => {
    const c = loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/sikap' });
    expect(c.databaseUrl).toBe('postgresql://u:p@db:5432/sikap');
    expect(c.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db/sikap', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });
  it('rejects bad values with one readable message naming each variable', () => {
    expect(() => loadConfig({ PORT: 'delapan', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'delapan', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL: must start with postgresql:\/\//);
    }
  });
  it('requires a long SESSION_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).env).toBe('production');
  });
});
