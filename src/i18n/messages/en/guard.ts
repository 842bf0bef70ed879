import type { idGuard } from '../id/guard.js';

export const enGuard: Record<keyof typeof idGuard, string> = {
  'err.invalidChars': 'This field contains a character that cannot be stored (a NUL byte or text that is not UTF-8). Remove it and try again.',
  'err.invalidCharsQuery': 'Part of the page address contains characters that cannot be stored (a NUL byte or text that is not UTF-8) and was ignored.',
  'periode.outsideYear': 'The date must lie within the cycle’s year (1 January–31 December).',
  'periode.batasOutsideYear': 'A deadline must lie within the cycle’s year or by 31 January of the next year at the latest.',
  'periode.overlaps': 'This period overlaps another one (it may start at the earliest the day after the previous period ends).',
  'import.unpackedTooLarge': 'This XLSX file is too large once unpacked (more than {max} MB of content). Save only the employee sheet again, or split it into several files.',
  'err.staleForm': 'This form is not valid or has expired. Reload the page and try again.',
};
