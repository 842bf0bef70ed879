// A reason in words: a message key with its parameters (src/i18n/messages/<lang>/scoring.ts).
// A parameter written "@key" is itself a message; numbers are left as numbers and printed the
// Indonesian way by formatReason.

import { formatIngat } from '../angka-format.js';

export type ReasonParams = Record<string, string | number>;
export type Reason = { key: string; params: ReasonParams };

export const reason = (key: string, params: ReasonParams = {}): Reason => ({ key, params });

/** The three levels of 6/2022 for an RHK, an indicator and both ratings. */
export const EKSPEKTASI = ['DI_BAWAH', 'SESUAI', 'DI_ATAS'] as const;
export type Ekspektasi = (typeof EKSPEKTASI)[number];

/** The message key of each level's label. */
export const EKSPEKTASI_KEY = {
  DI_ATAS: 'scoring.ekspektasi.DI_ATAS',
  SESUAI: 'scoring.ekspektasi.SESUAI',
  DI_BAWAH: 'scoring.ekspektasi.DI_BAWAH',
} as const satisfies Record<Ekspektasi, string>;

/** A message key as a parameter that is itself translated ("@key", src/i18n/index.ts). */
export const asParam = (key: string) => '@' + key;
/** The label of a level, as a message parameter. */
export const EKSPEKTASI_LABEL = Object.fromEntries(Object.entries(EKSPEKTASI_KEY).map(([k, v]) => [k, asParam(v)])) as Record<Ekspektasi, string>;

// Numbers stay in id-ID style in every language (src/i18n/index.ts), with every decimal a
// realisasi may have: 49,995 must not print as 50 beside 99,99%.
const NUMBER = formatIngat(new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 }));

/** The reason as text: numbers printed the Indonesian way, the rest through `translate` (which also translates "@key" parameters). */
export function formatReason(r: Reason, translate: (key: string, params: ReasonParams) => string): string {
  const params: ReasonParams = {};
  for (const [k, v] of Object.entries(r.params)) params[k] = typeof v === 'number' ? NUMBER(v) : v;
  return translate(r.key, params);
}
