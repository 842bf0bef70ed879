// The one normalisation of what people type in the login field, used both to find the account
// and to count its failed logins, so a NIP written another way is still the same account:
// - a NIP is 18 digits; spaces, dots and dashes people put between its parts are removed
//   ("19830722 200804 1 847", "19830722.200804.1.847");
// - any other login is a username (admins): surrounding and inner whitespace removed, and
//   compared without regard to case ("ADMIN", " Admin ").
// Unicode compatibility forms are folded first, so full-width digits count as digits.

export function normalizeLogin(raw: string): string {
  const s = raw.normalize('NFKC').replace(/\s/g, '');
  const digits = s.replace(/[.-]/g, '');
  if (/^\d+$/.test(digits)) return digits;
  return s.toLowerCase();
}
