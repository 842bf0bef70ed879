import { describe, expect, it } from 'vitest';
import ejs from 'ejs';
import ts from 'typescript';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EJS_OPTIONS, VIEWS_DIR } from '../../src/web/views.js';

// Every view under views/, compiled with the options the app uses. HTTP and browser tests
// render most pages, but not every branch of every view; this catches the rest before a user does.

const views = readdirSync(VIEWS_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ejs'))
  .sort();

/** Node globals the views may use beyond the ECMAScript library. */
const NODE_GLOBALS = 'declare const URLSearchParams: any; declare const URL: any;\n';

const read = (file: string): string => readFileSync(join(VIEWS_DIR, file), 'utf8');

/** The JavaScript EJS generates for a template (without the line bookkeeping, which declares `__line` outside it). */
function source(text: string, filename?: string): string {
  const template = new ejs.Template(text, { ...EJS_OPTIONS, compileDebug: false, filename });
  template.compile();
  return template.source;
}

/**
 * Names a view uses without declaring them. With `strict` (no `with (locals)`) each one is a
 * ReferenceError at render time, or, inside `typeof`, a variable that is silently never set.
 * TypeScript finds them: the compiled view becomes a function body, checked against the
 * ECMAScript library only (no DOM, whose globals `name`, `status`, `top`… would hide mistakes).
 */
function undeclaredNames(templates: Record<string, string>): Record<string, string[]> {
  const sources = new Map(
    Object.entries(templates).map(([file, text]) => [`/views/${file}.ts`, `${NODE_GLOBALS}export function view(locals: any, escapeFn: any, include: any, rethrow: any) {\n${source(text)}\n}\n`]),
  );
  const options: ts.CompilerOptions = { lib: ['lib.es2023.d.ts'], types: [], noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => {
    const text = sources.get(name);
    return text === undefined ? getSourceFile(name, version) : ts.createSourceFile(name, text, version, true);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => sources.has(name) || fileExists(name);
  const program = ts.createProgram([...sources.keys()], options, host);
  const found: Record<string, string[]> = {};
  for (const [name, text] of sources) {
    const names = new Set<string>();
    for (const d of program.getSemanticDiagnostics(program.getSourceFile(name))) {
      // 2304 cannot find name, 2552 … did you mean, 18004 shorthand property without a value
      if (d.start !== undefined && [2304, 2552, 18004].includes(d.code)) names.add(text.slice(d.start, d.start + (d.length ?? 0)));
    }
    if (names.size) found[name.slice('/views/'.length, -'.ts'.length)] = [...names].sort();
  }
  return found;
}

describe('views: every template compiles as the app compiles it (src/web/views.ts)', () => {
  it('finds the views', () => {
    expect(views.length).toBeGreaterThan(30);
    expect(views).toContain('partials/top.ejs');
  });

  it('uses strict mode (no `with`)', () => {
    expect(EJS_OPTIONS.strict).toBe(true);
  });

  it.each(views)('%s compiles', (file) => {
    expect(() => ejs.compile(read(file), { ...EJS_OPTIONS, filename: join(VIEWS_DIR, file) })).not.toThrow();
  });

  it('every name a view uses is declared in it (its `const { … } = locals` line) or is a global', () => {
    expect(undeclaredNames(Object.fromEntries(views.map((f) => [f, read(f)])))).toEqual({});
  });

  it('every include names an existing view', () => {
    const missing: string[] = [];
    for (const file of views) {
      for (const m of source(read(file)).matchAll(/\binclude\(\s*(['"])([^'"]+)\1/g)) {
        const target = resolve(dirname(join(VIEWS_DIR, file)), m[2]!);
        if (!existsSync(target.endsWith('.ejs') ? target : `${target}.ejs`)) missing.push(`${file} → ${m[2]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the check itself sees an undeclared name and a syntax error', () => {
    // Guards the guard: a view that forgets a name, and one that does not parse.
    const forgets = '<% const { t } = locals; -%>\n<p><%= t(title) %></p>\n<% if (typeof hint !== "undefined") { %><%= hint %><% } %>';
    const declares = '<% const { t, title, hint } = locals; -%>\n<p><%= t(title) %></p>\n<% if (typeof hint !== "undefined") { %><%= hint %><% } %>';
    expect(undeclaredNames({ forgets, declares })).toEqual({ forgets: ['hint', 'title'] });
    expect(() => ejs.compile('<% if (x) { %>', EJS_OPTIONS)).toThrow();
  });
});
