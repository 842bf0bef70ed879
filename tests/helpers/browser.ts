// Shared set-up of the browser tests: playwright-core drives Debian's chromium (/usr/bin/chromium,
// installed by tests/setup/ensure-chromium.mjs — never a browser download) against the real app
// on a real HTTP server. Screenshots are saved under test-output/screenshots/.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestApp } from './app.js';

export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = resolve(import.meta.dirname, '../../test-output/screenshots');

export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Without the browser every test fails (counted as failed, never skipped) with this message. */
export function needChromium(): void {
  if (!HAVE_CHROMIUM) {
    throw new Error(
      `${CHROMIUM} is missing: the browser tests need Debian's chromium. Run "node tests/setup/ensure-chromium.mjs" as root ` +
        '(or "sudo apt-get install chromium"); npm test and .ci/run do this automatically. Never download a browser.',
    );
  }
}

/** A console error a test expects: a response with this status to a request for this path. */
export type ExpectedError = { status: number; path: string };

export type BrowserOptions = {
  /** Console errors that are expected (besides a 404 for /favicon.ico, which is always allowed). */
  expectedErrors?: ExpectedError[];
};

export type BrowserSession = {
  server: Server;
  /** http://127.0.0.1:<port>, also the context's baseURL. */
  base: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught page errors and CSP violations seen on any page. */
  problems: string[];
  /** A full-page screenshot saved as test-output/screenshots/<name>. */
  shot: (name: string) => Promise<Buffer>;
  /** Closes the browser and the HTTP server (not the app: whoever made the TestApp closes it). */
  close: () => Promise<void>;
};

// Allowed if it happens, never required: chromium asks for /favicon.ico when a page links no icon.
const FAVICON_404: ExpectedError = { status: 404, path: '/favicon.ico' };

/** Serves `t.app` on 127.0.0.1 (a free port) and opens one chromium page on it. */
export async function openBrowser(t: TestApp, opts: BrowserOptions = {}): Promise<BrowserSession> {
  mkdirSync(SHOTS, { recursive: true });
  const expected = [...(opts.expectedErrors ?? []), FAVICON_404];
  const problems: string[] = [];

  const server = await new Promise<Server>((res, rej) => {
    const s = t.app.listen(0, '127.0.0.1', (err?: Error) => (err ? rej(err) : res(s)));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await new Promise<void>((res) => server.close(() => res()));
  };

  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
    // CSP violations are reported to the page as events; forward them to the test.
    await context.exposeFunction('__reportCsp', (text: string) => problems.push(`CSP violation: ${text}`));
    // (Browser-side code is passed as strings: the project's tsconfig has no DOM types.)
    await context.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCsp(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' on ' + location.pathname));`,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const where = m.location().url;
      if (expected.some((e) => m.text().includes(`status of ${e.status}`) && where === `${base}${e.path}`)) return;
      problems.push(`console error on ${new URL(page.url()).pathname}: ${m.text()} [${where}]`);
    });
    page.on('pageerror', (e) => problems.push(`page error on ${new URL(page.url()).pathname}: ${e.message}`));

    const shot = (name: string) => page.screenshot({ path: resolve(SHOTS, name), fullPage: true });
    return { server, base, browser, context, page, problems, shot, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };
let axeSource: string | undefined;

/**
 * The accessibility check of the page as it stands: axe-core (the npm package) evaluated in the
 * page through the browser's debugging channel, so the app's CSP needs no exception for it. WCAG
 * 2.0/2.1 A and AA rules; returns the violations (empty: none).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  return page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))`) as Promise<AxeViolation[]>;
}

/** Logs in through the real login form and waits for the home page. */
export async function loginInBrowser(page: Page, who: { login: string; password: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('NIP atau nama pengguna').fill(who.login);
  await page.getByLabel('Kata sandi').fill(who.password);
  await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.getByRole('button', { name: 'Masuk' }).click()]);
}

/**
 * How far the page and the elements matching `selector` reach to the right (px), counting what
 * an element would scroll sideways to show (a wide table in an overflow box is still too wide).
 */
export const reachRight = (page: Page, selector: string): Promise<number> =>
  page.evaluate(`Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => Math.max(e.getBoundingClientRect().right, e.getBoundingClientRect().left + e.scrollWidth)))`) as Promise<number>;
