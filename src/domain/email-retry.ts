// The outbox's retry rule (docs/domain/email.md § Retries). Pure: the sender passes the time.

/** The longest wait between two attempts, whatever the setting and the count. */
export const JEDA_MAKS_DETIK = 6 * 60 * 60;

export type AturanUlang = { maxPercobaan: number; backoffSeconds: number };

export type HasilGagal =
  | { status: 'ANTRI'; percobaan: number; cobaLagiAt: Date }
  | { status: 'GAGAL'; percobaan: number; cobaLagiAt: Date };

/**
 * After a failed attempt: the attempt is counted; below the limit the e-mail waits
 * backoff × 2^(attempts − 1) (capped at six hours) and is tried again, at the limit it is failed.
 */
export function setelahGagal(percobaanSebelum: number, now: Date, aturan: AturanUlang): HasilGagal {
  const percobaan = percobaanSebelum + 1;
  if (percobaan >= aturan.maxPercobaan) return { status: 'GAGAL', percobaan, cobaLagiAt: now };
  return { status: 'ANTRI', percobaan, cobaLagiAt: new Date(now.getTime() + jedaDetik(percobaan, aturan) * 1000) };
}

/** The wait after the `percobaan`-th failed attempt, in seconds. */
export function jedaDetik(percobaan: number, aturan: Pick<AturanUlang, 'backoffSeconds'>): number {
  return Math.min(JEDA_MAKS_DETIK, aturan.backoffSeconds * 2 ** Math.max(0, percobaan - 1));
}

/**
 * The link of a notification as an absolute address on this app: only a path inside the app
 * ("/laporan/12"); anything else (another host, "//host", a scheme) leads to the home page.
 */
export function tautanAbsolut(appUrl: string, tautan: string): string {
  const base = appUrl.replace(/\/+$/, '');
  const inside = /^\/(?![/\\])[^\s]*$/.test(tautan) ? tautan : '/';
  return `${base}${inside}`;
}
