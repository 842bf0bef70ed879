import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering rules of docs/architecture.md, checked on the source text.

const ROOT = join(import.meta.dirname, '../..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const src = files(join(ROOT, 'src'));
const rel = (p: string) => relative(ROOT, p).replaceAll('\\', '/');
const imports = (p: string) => [...readFileSync(p, 'utf8').matchAll(/^\s*(?:import|export)\s(?:[^'"]*?from\s+)?'([^']+)'|\bimport\('([^']+)'\)/gm)].map((m) => (m[1] ?? m[2])!);
const isRoute = (p: string) => /\/routes\.ts$/.test(p);

describe('layering (docs/architecture.md)', () => {
  it('finds the route files it checks', () => {
    expect(src.filter(isRoute).length).toBeGreaterThanOrEqual(10);
  });

  it.each(src.filter(isRoute).map(rel))('%s imports nothing from db/ and calls no database API', (f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    expect(imports(join(ROOT, f)).filter((s) => /(^|\/)db\//.test(s))).toEqual([]);
    expect(text.match(/\bdb\.(prisma|pool|sql)\b|\$queryRaw|\$executeRaw|\.query\(/g) ?? []).toEqual([]);
  });

  it.each(src.filter((p) => !rel(p).startsWith('src/web/') && !isRoute(p) && rel(p) !== 'src/app.ts').map(rel))('%s does not import from web/', (f) => {
    expect(imports(join(ROOT, f)).filter((s) => /(^|\/)web\//.test(s) || (f.startsWith('src/web') && s.startsWith('./')))).toEqual([]);
  });

  it.each(src.filter((p) => rel(p).startsWith('src/jobs/')).map(rel))('%s knows no feature (imports nothing from modules/)', (f) => {
    expect(imports(join(ROOT, f)).filter((s) => /(^|\/)modules\//.test(s))).toEqual([]);
  });

  it.each(src.filter((p) => rel(p).startsWith('src/domain/')).map(rel))('%s is pure: no db/, web/ or modules/ import', (f) => {
    expect(imports(join(ROOT, f)).filter((s) => /(^|\/)(db|web|modules)\//.test(s))).toEqual([]);
  });

  it.each(src.filter((p) => !rel(p).startsWith('src/web/') && rel(p) !== 'src/errors.ts').map(rel))('%s throws no HTTP status (web/errors.ts is the only mapping)', (f) => {
    expect(readFileSync(join(ROOT, f), 'utf8').match(/new HttpError\(/g) ?? []).toEqual([]);
  });
});

describe('test files leave no module state behind (docs/architecture.md § Tests: a worker keeps its modules for the next file)', () => {
  const tests = files(join(ROOT, 'tests')).filter((p) => !rel(p).startsWith('tests/unit/architecture.test.ts'));
  it('finds the test files it checks', () => {
    expect(tests.filter((p) => p.endsWith('.test.ts')).length).toBeGreaterThanOrEqual(100);
  });
  it.each(tests.map(rel))('%s swaps no module out and sets no process.env', (f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    expect(text.match(/\bvi\.(mock|doMock|stubEnv|stubGlobal|resetModules)\(|process\.env(\.\w+|\[[^\]]+\])\s*(=(?!=)|\+=)|delete\s+process\.env|Object\.assign\(\s*process\.env/g) ?? []).toEqual([]);
  });
});

describe('the benches run with the server\'s heap setting (src/heap.ts, docs/architecture.md § Memory)', () => {
  it.each(['src/server.ts', 'bench/harness.ts'])('%s calls limitHeapGrowth before anything else starts', (f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const start = text.indexOf(f === 'src/server.ts' ? 'async function main(): Promise<void> {' : 'export async function startStack(');
    expect(start).toBeGreaterThan(0);
    // the first statement of the function
    expect(text.slice(text.indexOf('{', text.indexOf(')', start)) + 1).trimStart().startsWith('limitHeapGrowth();')).toBe(true);
  });
});
