// Notifications, the pure rules (docs/domain/notifikasi.md).

/** How many unread notifications the bell counts exactly; above it shows "99+" (the count stops reading there). */
export const BELL_MAX = 99;

/** The list's page size. */
export const HALAMAN_NOTIFIKASI = 20;

/**
 * Where opening a notification may lead: a path inside the app only ("/laporan/12"), never
 * another site ("//evil.example", "https://…", "/\evil") nor a script URL. Anything else leads
 * to the list.
 */
export function tautanAman(tautan: string): string {
  return /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/?%#]*$/.test(tautan) ? tautan : '/notifikasi';
}

/** The bell's text: the count, or "99+" above BELL_MAX. */
export const bellLabel = (n: number): string => (n > BELL_MAX ? `${BELL_MAX}+` : String(n));
