// NIP (Nomor Induk Pegawai): 18 digits = birth date (yyyymmdd) + appointment (yyyymm) + sex (1|2)
// + serial (3). PPPK numbers carry the code 21 where a PNS number has the appointment month.
// Every rule returns a message key so the UI can say which part is wrong.

export type NipErrorCode =
  | 'nip.empty'
  | 'nip.notDigits'
  | 'nip.length'
  | 'nip.birthDate'
  | 'nip.birthYear'
  | 'nip.appointment'
  | 'nip.appointmentBeforeAge'
  | 'nip.appointmentFuture'
  | 'nip.sex'
  | 'nip.serial';

export type NipParts = { birthDate: string; appointment: string; sex: 'L' | 'P'; serial: string; pppk: boolean };
export type NipResult = { ok: true; nip: string; parts: NipParts } | { ok: false; code: NipErrorCode };

const MIN_AGE_AT_APPOINTMENT = 16;

function isCalendarDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function validateNip(raw: string, today: Date = new Date()): NipResult {
  const nip = raw.replace(/[\s.-]/g, '');
  if (nip.length === 0) return { ok: false, code: 'nip.empty' };
  if (!/^\d+$/.test(nip)) return { ok: false, code: 'nip.notDigits' };
  if (nip.length !== 18) return { ok: false, code: 'nip.length' };

  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (!isCalendarDate(by, bm, bd)) return { ok: false, code: 'nip.birthDate' };
  if (by < 1940 || by > today.getUTCFullYear() - MIN_AGE_AT_APPOINTMENT) return { ok: false, code: 'nip.birthYear' };

  const ay = Number(nip.slice(8, 12));
  const am = Number(nip.slice(12, 14));
  const pppk = am === 21;
  if (!pppk && (am < 1 || am > 12)) return { ok: false, code: 'nip.appointment' };
  if (ay < by + MIN_AGE_AT_APPOINTMENT) return { ok: false, code: 'nip.appointmentBeforeAge' };
  const ym = ay * 100 + (pppk ? 1 : am);
  if (ym > today.getUTCFullYear() * 100 + today.getUTCMonth() + 1) return { ok: false, code: 'nip.appointmentFuture' };

  const sex = nip[14];
  if (sex !== '1' && sex !== '2') return { ok: false, code: 'nip.sex' };
  const serial = nip.slice(15);
  if (serial === '000') return { ok: false, code: 'nip.serial' };

  return {
    ok: true,
    nip,
    parts: { birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`, appointment: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`, sex: sex === '1' ? 'L' : 'P', serial, pppk },
  };
}
