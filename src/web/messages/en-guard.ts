import type { idGuard } from './id-guard.js';

export const enGuard: Record<keyof typeof idGuard, string> = {
  'err.invalidChars': 'This field contains a character that cannot be stored (a NUL byte or text that is not UTF-8). Remove it and try again.',
  'err.invalidCharsQuery': 'Part of the page address contains characters that cannot be stored (a NUL byte or text that is not UTF-8) and was ignored.',
  'err.staleForm': 'This form is not valid or has expired. Reload the page and try again.',
};
