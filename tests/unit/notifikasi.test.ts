import { describe, expect, it } from 'vitest';
import { bellLabel, tautanAman } from '../../src/domain/notifikasi.js';

// The pure rules of notifications (docs/domain/notifikasi.md § The bell and the list).

describe('where opening a notification may lead: a path of this app only', () => {
  it.each([
    ['/laporan/12', '/laporan/12'],
    ['/skp/3/tinjau', '/skp/3/tinjau'],
    ['/penilaian?periodeId=4#antrian', '/penilaian?periodeId=4#antrian'],
    ['/', '/'],
    ['//evil.example/x', '/notifikasi'],
    ['/\\evil.example', '/notifikasi'],
    ['https://evil.example/', '/notifikasi'],
    ['javascript:alert(1)', '/notifikasi'],
    ['laporan/12', '/notifikasi'],
    ['/laporan/12\r\nSet-Cookie: x=1', '/notifikasi'],
    ['/ spasi', '/notifikasi'],
    ['', '/notifikasi'],
  ])('%j → %s', (tautan, expected) => {
    expect(tautanAman(tautan)).toBe(expected);
  });
});

describe('the bell\'s number', () => {
  it.each([[0, '0'], [1, '1'], [99, '99'], [100, '99+'], [5000, '99+']])('%i unread → %s', (n, label) => {
    expect(bellLabel(n)).toBe(label);
  });
});
