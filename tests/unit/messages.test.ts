import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Enums from '../../prisma/generated/enums.js';
import { LANGS, LANGUAGES } from '../../src/i18n/index.js';
import { LABELS } from '../../src/i18n/labels.js';
import { COLUMNS } from '../../src/modules/imports/service.js';

// Every message the app can ask for exists in every language, once: literal keys in the code and
// the views, the typed label tables for enum values (src/i18n/labels.ts), and nothing else — a
// key built from a string at run time cannot be checked, so building one fails this test.

const ROOT = join(import.meta.dirname, '..', '..');
const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const rel = (f: string) => relative(ROOT, f);

const reference = LANGUAGES.id.dictionary;
const keys = new Set(Object.keys(reference));
/** The first segments of the keys ("skp", "review", …): a string in code that starts with one and looks like a key is one. */
const namespaces = new Set([...keys].map((k) => k.split('.')[0]!));

const code = walk(join(ROOT, 'src')).filter(
  (f) =>
    f.endsWith('.ts') &&
    !rel(f).startsWith(join('src', 'i18n', 'messages')) &&
    // the map of renamed audit action names: every string in it is an action name, not a message
    rel(f) !== join('src', 'modules', 'audit', 'actions.ts'),
);
const views = walk(join(ROOT, 'views')).filter((f) => f.endsWith('.ejs'));
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;
const lineAt = (text: string, index: number) => text.slice(text.lastIndexOf('\n', index) + 1, text.indexOf('\n', index) === -1 ? undefined : text.indexOf('\n', index));

/** Dotted names in code that are identifiers of their own, not messages. */
const NOT_A_MESSAGE = [
  /\baksi\b/, // audit action names ("skp.submit"): stored in the log as they are, shown as they are
  /_JOB\b/, // background job kinds ("skp.buatDraft")
  /^\s*'[^']+': 'audit\.act\./, // the audit action label table (src/i18n/labels.ts): its keys are action names
];

type Use = { key: string; where: string };

/** Keys (dotted names) a call or a form rule names literally, whatever their namespace. */
const CALLS = [
  /\bt\(\s*(?:res,\s*)?['"]([a-zA-Z]\w*(?:\.\w+)+)['"]/g, // t('…') in views, t(res, '…') in routes
  /\bnew (?:HttpError\(\s*\d+,\s*|NotFound\(|Forbidden\(|Conflict\(|SubmitBlocked\(|Refused\()'([a-zA-Z]\w*(?:\.\w+)+)'/g, // errors services throw
  /\b(?:message|key|error):\s*'([a-zA-Z]\w*(?:\.\w+)+)'/g, // zod messages, problems, blockers, transitions
  /\.(?:min|max|regex|int|positive|email|date|length)\([^'()]*'([a-zA-Z]\w*(?:\.\w+)+)'\)/g, // zod checks with their message
];

function literalUses(): Use[] {
  const uses: Use[] = [];
  for (const f of [...code, ...views]) {
    const text = readFileSync(f, 'utf8');
    for (const re of CALLS) for (const m of text.matchAll(re)) uses.push({ key: m[1]!, where: `${rel(f)}:${lineOf(text, m.index)}` });
    // Any other string that looks like a key of a known namespace (e.g. a key a domain rule returns).
    for (const m of text.matchAll(/(['"`])([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9_]+)+)\1/g)) {
      const k = m[2]!;
      if (!namespaces.has(k.split('.')[0]!) || NOT_A_MESSAGE.some((re) => re.test(lineAt(text, m.index)))) continue;
      if (/\.(ejs|css|js|csv|xlsx|pdf|ts|json)$/.test(k)) continue; // file names
      uses.push({ key: k, where: `${rel(f)}:${lineOf(text, m.index)}` });
    }
  }
  return uses;
}

/** Every value of every label table, with its table's path ("review.aspek"). */
function labelKeys(node: object = LABELS, path = ''): Use[] {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? [{ key: v, where: `LABELS.${path}${k}` }] : labelKeys(v as object, `${path}${k}.`)));
}

describe('message keys', () => {
  it('finds the keys it checks (the scan sees the code and the views)', () => {
    const uses = literalUses();
    expect(uses.length).toBeGreaterThan(300);
    expect(uses.some((u) => u.where.startsWith('views') && u.key === 'common.save')).toBe(true);
    expect(uses.some((u) => u.where.includes('schemas.ts') && u.key === 'err.required')).toBe(true);
    expect(uses.some((u) => u.where.includes('service.ts') && u.key === 'conflict.changedBySomeoneElse')).toBe(true);
    expect(labelKeys().length).toBeGreaterThan(80);
  });

  it.each(LANGS)('every key the code, the views and the label tables use exists in %s', (lang) => {
    const dictionary = LANGUAGES[lang].dictionary;
    const missing = [...literalUses(), ...labelKeys()].filter((u) => !Object.hasOwn(dictionary, u.key)).map((u) => `${u.key} (${u.where})`);
    expect(missing).toEqual([]);
  });

  it.each(LANGS.filter((l) => l !== 'id'))('%s has exactly the keys of Indonesian (none missing, none stale)', (lang) => {
    const own = new Set(Object.keys(LANGUAGES[lang].dictionary));
    expect([...keys].filter((k) => !own.has(k))).toEqual([]);
    expect([...own].filter((k) => !keys.has(k))).toEqual([]);
  });

  it.each(LANGS)('no key is defined twice across the feature files of %s', async (lang) => {
    const mod = (await import(`../../src/i18n/messages/${lang}/index.ts`)) as Record<string, unknown>;
    const parts = Object.entries(mod).find(([name]) => name.endsWith('Parts'))?.[1] as Record<string, Record<string, string>> | undefined;
    expect(parts, `src/i18n/messages/${lang}/index.ts exports its feature files as …Parts`).toBeDefined();
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [file, messages] of Object.entries(parts!)) {
      for (const k of Object.keys(messages)) {
        if (seen.has(k)) twice.push(`${k} (${seen.get(k)} and ${file})`);
        else seen.set(k, file);
      }
    }
    expect(twice).toEqual([]);
    // and the merged dictionary is exactly the parts (a file not listed in the parts would be unchecked)
    expect(Object.keys(LANGUAGES[lang].dictionary).sort()).toEqual([...seen.keys()].sort());
  });

  it('builds no key from a string: values of a fixed set go through a label table', () => {
    const built: string[] = [];
    const dynamic = [
      /\bt\(\s*(?:res,\s*)?(['"])[^'"]*\1\s*\+/g, // t('status.' + s)
      /\bt\(\s*(?:res,\s*)?`[^`]*\$\{/g, // t(`fase.${f}`)
      /\bt\([^()]*\?[^()]*:\s*(['"])[^'"]*\1\s*\+/g, // t(x ? 'a' : 'b.' + y)
      /(['"])@[a-z][\w.]*\1\s*\+|`@[a-z][\w.]*\$\{/g, // a message parameter '@fase.' + f
    ];
    for (const f of [...code, ...views]) {
      const text = readFileSync(f, 'utf8');
      for (const re of dynamic) for (const m of text.matchAll(re)) built.push(`${rel(f)}:${lineOf(text, m.index)} ${m[0]}`);
    }
    expect(built).toEqual([]);
  });

  it('has a label for every value of each set it labels', () => {
    const values = (o: object) => Object.keys(o).sort();
    const byEnum: [object, object][] = [
      [LABELS.fase, Enums.FaseSiklus], [LABELS.status, Enums.StatusSkp], [LABELS.jenisJabatan, Enums.JenisJabatan], [LABELS.asn, Enums.JenisAsn],
      [LABELS.jenisPeriode, Enums.JenisPeriode], [LABELS.pendekatan, Enums.Pendekatan], [LABELS.jenisRhk, Enums.JenisRhk], [LABELS.perspektif, Enums.Perspektif],
      [LABELS.aspek, Enums.Aspek], [LABELS.lampiran, Enums.JenisLampiran], [LABELS.jenisTarget, Enums.JenisTarget],
      [LABELS.kategoriJf, Enums.KategoriJf], [LABELS.jenjangJf, Enums.JenjangJf], [LABELS.jenisDelegasi, Enums.JenisDelegasi], [LABELS.jenisDelegasiPanjang, Enums.JenisDelegasi], [LABELS.jenisKeputusan, Enums.JenisKeputusan],
      [LABELS.review.jenisRhk, Enums.JenisRhk], [LABELS.review.perspektif, Enums.Perspektif], [LABELS.review.aspek, Enums.Aspek], [LABELS.review.lampiran, Enums.JenisLampiran],
      [LABELS.review.pendekatan, Enums.Pendekatan], [LABELS.review.notWaiting, Enums.StatusSkp],
      [LABELS.templat.jenisRhk, Enums.JenisRhk], [LABELS.templat.perspektif, Enums.Perspektif], [LABELS.templat.aspek, Enums.Aspek], [LABELS.templat.lampiran, Enums.JenisLampiran],
      // ── linimasa ──
      [LABELS.linimasa.peristiwa, Enums.PeristiwaLaporan],
      [LABELS.skp.rhkTambah, Enums.JenisRhk], [LABELS.skp.rhkEmpty, Enums.JenisRhk], [LABELS.skp.lampiranPlaceholder, Enums.JenisLampiran], [LABELS.skp.jenisTargetHint, Enums.Pendekatan],
    ];
    for (const [table, e] of byEnum) expect(values(table)).toEqual(values(e));
    expect(values(LABELS.importColumn)).toEqual([...COLUMNS].sort());
  });
});
