import { id } from './messages/id/index.js';
import { en } from './messages/en/index.js';
import { formatIngat } from '../domain/angka-format.js';

/**
 * The languages of the UI: the one list to extend for a third language (add its folder under
 * messages/ and one entry here). `label` is the language's own name, shown in the switch.
 * Numbers stay in id-ID style (1.234,5) in every language: they are Indonesian records.
 */
export const LANGUAGES = {
  id: { label: 'Bahasa Indonesia', locale: 'id-ID', dictionary: id as Record<string, string> },
  en: { label: 'English', locale: 'en-GB', dictionary: en as Record<string, string> },
} as const;

export type Lang = keyof typeof LANGUAGES;
export const LANGS = Object.keys(LANGUAGES) as Lang[];
export const DEFAULT_LANG: Lang = 'id';
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && Object.hasOwn(LANGUAGES, v);

// A message with parameters, split once into its text and its "{name}" slots (each with the full
// stop that may follow it): every page translates a few hundred messages, and matching the pattern
// on each call was most of their cost. Only dictionary texts are kept (a fixed set).
type Slot = { name: string; stop: boolean; raw: string };
const SLOT = /\{(\w+)\}(\.?)/g;
const compiled = new Map<string, (string | Slot)[]>();
function split(text: string): (string | Slot)[] {
  const parts: (string | Slot)[] = [];
  let last = 0;
  for (const m of text.matchAll(SLOT)) {
    parts.push(text.slice(last, m.index), { name: m[1]!, stop: m[2] === '.', raw: m[0] });
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/** Looks a key up in the language's dictionary (falling back to Indonesian, then the key). */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const found = LANGUAGES[lang].dictionary[key] ?? LANGUAGES[DEFAULT_LANG].dictionary[key];
  const text = found ?? key;
  if (!params) return text;
  let parts = found === undefined ? undefined : compiled.get(found);
  if (!parts) {
    parts = split(text);
    if (found !== undefined) compiled.set(found, parts);
  }
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if (!(part.name in params)) {
      out += part.raw;
      continue;
    }
    // A parameter written "@key" is itself a message (e.g. a phase name from a service that has no translator).
    const given = params[part.name]!;
    const v = typeof given === 'string' && given.startsWith('@') ? translate(lang, given.slice(1)) : String(given);
    // A value that ends with a full stop (a name with its academic title, "Fajar, S.T.") before the
    // sentence's own full stop gives one full stop, not two.
    out += part.stop && !v.endsWith('.') ? v + '.' : v;
  }
  return out;
}

export const translator = (lang: Lang): Translate => (key, params) => translate(lang, key, params);

const dateFmt = new Map<Lang, Intl.DateTimeFormat>();
const dateTimeFmt = new Map<Lang, Intl.DateTimeFormat>();
const numberFmt = new Map<Lang, Intl.NumberFormat>();
for (const l of LANGS) {
  dateFmt.set(l, new Intl.DateTimeFormat(LANGUAGES[l].locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }));
  dateTimeFmt.set(l, new Intl.DateTimeFormat(LANGUAGES[l].locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }));
  numberFmt.set(l, new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }));
}

export type Formatters = { date: (d: Date | null | undefined) => string; dateTime: (d: Date | null | undefined) => string; number: (n: number | bigint | null | undefined) => string };

// every language prints numbers in id-ID style (see LANGUAGES), with one remembered formatter
const angka = formatIngat(new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }));

export function formatters(lang: Lang): Formatters {
  return {
    date: (d) => (d ? dateFmt.get(lang)!.format(d) : '—'),
    dateTime: (d) => (d ? dateTimeFmt.get(lang)!.format(d) : '—'),
    number: (n) => (n === null || n === undefined ? '—' : typeof n === 'number' ? angka(n) : numberFmt.get(lang)!.format(n)),
  };
}
