import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

// The e-mail settings (docs/domain/email.md § Configuration; .env.example).
describe('config — SMTP and APP_URL', () => {
  it('without SMTP_HOST there is no SMTP (nothing is sent), and links lead to the local address', () => {
    const c = loadConfig({});
    expect(c.smtp).toBeNull();
    expect(c.appUrl).toBe('http://127.0.0.1:3000');
    expect(c.email).toEqual({ maxPercobaan: 5, backoffSeconds: 300 });
    expect(loadConfig({ SMTP_HOST: '' }).smtp).toBeNull();
  });
  it('reads the server, port 587 with STARTTLS by default, 465 with TLS from the start', () => {
    expect(loadConfig({ SMTP_HOST: 'mail.contoh.go.id', SMTP_FROM: 'SIKAP <sikap@contoh.go.id>' }).smtp).toEqual({ host: 'mail.contoh.go.id', port: 587, secure: false, from: 'SIKAP <sikap@contoh.go.id>' });
    expect(loadConfig({ SMTP_HOST: 'm', SMTP_FROM: 'a@b', SMTP_SECURE: 'true' }).smtp).toMatchObject({ port: 465, secure: true });
    expect(loadConfig({ SMTP_HOST: 'm', SMTP_FROM: 'a@b', SMTP_PORT: '465' }).smtp).toMatchObject({ port: 465, secure: true });
    expect(loadConfig({ SMTP_HOST: 'm', SMTP_FROM: 'a@b', SMTP_PORT: '25' }).smtp).toMatchObject({ port: 25, secure: false });
    expect(loadConfig({ SMTP_HOST: 'm', SMTP_FROM: 'a@b', SMTP_USER: 'u', SMTP_PASS: 'p' }).smtp).toMatchObject({ user: 'u', pass: 'p' });
    expect(loadConfig({ APP_URL: 'https://sikap.contoh.go.id/' }).appUrl).toBe('https://sikap.contoh.go.id');
    expect(loadConfig({ EMAIL_MAX_PERCOBAAN: '3', EMAIL_BACKOFF_SECONDS: '60' }).email).toEqual({ maxPercobaan: 3, backoffSeconds: 60 });
  });
  it('refuses an SMTP server without a sender, a login without a password, a bad APP_URL, production without APP_URL', () => {
    expect(() => loadConfig({ SMTP_HOST: 'm' })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ SMTP_HOST: 'm', SMTP_FROM: 'a@b', SMTP_USER: 'u' })).toThrow(/SMTP_PASS/);
    expect(() => loadConfig({ APP_URL: 'ftp://x' })).toThrow(/APP_URL/);
    expect(() => loadConfig({ APP_URL: 'bukan url' })).toThrow(/APP_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), SMTP_HOST: 'm', SMTP_FROM: 'a@b' })).toThrow(/APP_URL/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), SMTP_HOST: 'm', SMTP_FROM: 'a@b', APP_URL: 'https://s.go.id' }).smtp).not.toBeNull();
    expect(() => loadConfig({ EMAIL_MAX_PERCOBAAN: '0' })).toThrow(/EMAIL_MAX_PERCOBAAN/);
  });
});
