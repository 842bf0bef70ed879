import { id as idCore } from './messages/id.js';
import { en as enCore } from './messages/en.js';
import { idSiklus } from './messages/id-siklus.js';
import { enSiklus } from './messages/en-siklus.js';
import { idSkp } from './messages/id-skp.js';
import { enSkp } from './messages/en-skp.js';
import { idReview } from './messages/id-review.js';
import { enReview } from './messages/en-review.js';
import { idCetak } from './messages/id-cetak.js';
import { enCetak } from './messages/en-cetak.js';
import { idGuard } from './messages/id-guard.js';
import { enGuard } from './messages/en-guard.js';

// One dictionary per feature area, merged; every Indonesian key must exist in English (typed).
const id: Record<string, string> = { ...idCore, ...idSiklus, ...idSkp, ...idReview, ...idCetak, ...idGuard };
const en: Record<string, string> = { ...enCore, ...enSiklus, ...enSkp, ...enReview, ...enCetak, ...enGuard };

export type Lang = 'id' | 'en';
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<string, string>> = { id, en };

export const isLang = (v: unknown): v is Lang => v === 'id' || v === 'en';

/** Looks a key up in the language's dictionary (falling back to Indonesian, then the key). */
export function translate(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const text = dictionaries[lang][key] ?? id[key] ?? key;
  if (!params) return text;
  // A parameter written "@key" is itself a message (e.g. a phase name from a service that has no translator).
  const value = (v: string | number) => (typeof v === 'string' && v.startsWith('@') ? translate(lang, v.slice(1)) : String(v));
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? value(params[name]!) : m));
}

export const translator = (lang: Lang): Translate => (key, params) => translate(lang, key, params);

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const dateFmt = new Map<Lang, Intl.DateTimeFormat>();
const dateTimeFmt = new Map<Lang, Intl.DateTimeFormat>();
const numberFmt = new Map<Lang, Intl.NumberFormat>();
for (const l of ['id', 'en'] as Lang[]) {
  dateFmt.set(l, new Intl.DateTimeFormat(locales[l], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }));
  dateTimeFmt.set(l, new Intl.DateTimeFormat(locales[l], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }));
  // Numbers stay in id-ID style (1.234,5) in both languages: they are Indonesian records.
  numberFmt.set(l, new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }));
}

export type Formatters = { date: (d: Date | null | undefined) => string; dateTime: (d: Date | null | undefined) => string; number: (n: number | bigint | null | undefined) => string };

export function formatters(lang: Lang): Formatters {
  return {
    date: (d) => (d ? dateFmt.get(lang)!.format(d) : '—'),
    dateTime: (d) => (d ? dateTimeFmt.get(lang)!.format(d) : '—'),
    number: (n) => (n === null || n === undefined ? '—' : numberFmt.get(lang)!.format(n)),
  };
}
