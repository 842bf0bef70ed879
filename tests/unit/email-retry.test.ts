import { describe, expect, it } from 'vitest';
import { JEDA_MAKS_DETIK, jedaDetik, setelahGagal, tautanAbsolut } from '../../src/domain/email-retry.js';

// docs/domain/email.md § Retries: backoff × 2^(n−1), capped; failed at the limit.
const aturan = { maxPercobaan: 5, backoffSeconds: 300 };
const now = new Date('2026-03-02T01:00:00Z');

describe('E-mail retries — docs/domain/email.md § Retries', () => {
  it.each([
    [0, 'ANTRI', 1, 300],
    [1, 'ANTRI', 2, 600],
    [2, 'ANTRI', 3, 1200],
    [3, 'ANTRI', 4, 2400],
    [4, 'GAGAL', 5, 0], // the fifth failed attempt is the last
  ] as const)('after %i earlier attempts a failure → %s, attempt %i, next try in %i s', (before, status, percobaan, wait) => {
    const r = setelahGagal(before, now, aturan);
    expect(r.status).toBe(status);
    expect(r.percobaan).toBe(percobaan);
    expect((r.cobaLagiAt.getTime() - now.getTime()) / 1000).toBe(wait);
  });

  it('a limit of one fails at the first failure', () => {
    expect(setelahGagal(0, now, { maxPercobaan: 1, backoffSeconds: 60 }).status).toBe('GAGAL');
  });

  it('never waits more than six hours', () => {
    expect(jedaDetik(20, aturan)).toBe(JEDA_MAKS_DETIK);
    expect(jedaDetik(7, aturan)).toBe(19_200); // 300 × 2^6, below the cap
    expect(jedaDetik(8, aturan)).toBe(JEDA_MAKS_DETIK); // 300 × 2^7 = 38 400, capped at 21 600
  });
});

describe('The link in an e-mail leads into the app only', () => {
  it.each([
    ['/laporan/12', 'https://sikap.contoh.go.id/laporan/12'],
    ['/notifikasi?x=1', 'https://sikap.contoh.go.id/notifikasi?x=1'],
    ['//evil.example/x', 'https://sikap.contoh.go.id/'],
    ['/\\evil.example', 'https://sikap.contoh.go.id/'],
    ['https://evil.example/', 'https://sikap.contoh.go.id/'],
    ['javascript:alert(1)', 'https://sikap.contoh.go.id/'],
    ['/a b', 'https://sikap.contoh.go.id/'],
  ])('%s → %s', (tautan, url) => {
    expect(tautanAbsolut('https://sikap.contoh.go.id/', tautan)).toBe(url);
  });
});
