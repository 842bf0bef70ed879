import { describe, expect, it } from 'vitest';
import { validateNip } from '../../src/domain/nip.js';

const today = new Date(Date.UTC(2026, 10, 25));

describe('NIP — 18 digits: birth date (yyyymmdd) + appointment (yyyymm) + sex (1|2) + serial (docs/domain/nip.md)', () => {
  it('accepts a valid PNS NIP and reads its parts', () => {
    const r = validateNip('198307222008041847', today);
    expect(r).toEqual({ ok: true, nip: '198307222008041847', parts: { birthDate: '1983-07-22', appointment: '2008-04', sex: 'L', serial: '847', pppk: false } });
  });
  it('accepts a PPPK number with 21 in the month position', () => {
    const r = validateNip('199203152022212003', today);
    expect(r.ok && r.parts.pppk).toBe(true);
  });
  it('ignores spaces and dots typed between the groups', () => {
    expect(validateNip('19830722 200804 1 847', today).ok).toBe(true);
  });
  it.each([
    ['', 'nip.empty'],
    ['19830722200804184A', 'nip.notDigits'],
    ['1983072220080418', 'nip.length'],
    ['1983072220080418470', 'nip.length'],
    ['198302302008041847', 'nip.birthDate'],
    ['198313222008041847', 'nip.birthDate'],
    ['193001012000011001', 'nip.birthYear'],
    ['198307222008131847', 'nip.appointment'],
    ['198307222008001847', 'nip.appointment'],
    ['198307221990041847', 'nip.appointmentBeforeAge'],
    ['198307222027041847', 'nip.appointmentFuture'],
    ['198307222008043847', 'nip.sex'],
    ['198307222008041000', 'nip.serial'],
  ])('%s → %s', (nip, code) => {
    const r = validateNip(nip, today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });
});
