import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { testApp, type TestApp } from '../helpers/app.js';

// /static: CSS and JS compressed (precomputed brotli and gzip), cached for a year under a URL
// that carries the file's content hash, and revalidated under any other URL. Pages compressed.

let t: TestApp;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await testApp();
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await t.close();
});

type Raw = { status: number; headers: IncomingHttpHeaders; body: Buffer };
/** A request without any client-side decompression, so the bytes on the wire are visible. */
const raw = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> =>
  new Promise((ok, fail) => {
    const req = get(base + path, { headers, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
  });

const css = readFileSync(resolve(import.meta.dirname, '../../public/css/app.css'));
const linked = async (): Promise<{ css: string; js: string }> => {
  const page = (await raw('/login')).body.toString();
  const cssUrl = /<link rel="stylesheet" href="([^"]+)">/.exec(page)?.[1];
  const jsUrl = /<script src="([^"]+)" defer><\/script>/.exec(page)?.[1];
  if (!cssUrl || !jsUrl) throw new Error('no stylesheet or script on /login');
  return { css: cssUrl, js: jsUrl };
};

describe('static assets', () => {
  it('pages link CSS and JS with a content-hash version', async () => {
    const urls = await linked();
    expect(urls.css).toMatch(/^\/static\/css\/app\.css\?v=[\w-]{12}$/);
    expect(urls.js).toMatch(/^\/static\/js\/app\.js\?v=[\w-]{12}$/);
  });

  it('the versioned URL is cached for a year; brotli when accepted, gzip otherwise, plain without either', async () => {
    const { css: url } = await linked();
    const br = await raw(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(css.length / 3);
    expect(brotliDecompressSync(br.body).equals(css)).toBe(true);

    const gz = await raw(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(css)).toBe(true);

    const plain = await raw(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(css)).toBe(true);

    const refused = await raw(url, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.equals(css)).toBe(true);
  });

  it('without the version, or with an old one, the file is revalidated every time', async () => {
    for (const path of ['/static/css/app.css', '/static/css/app.css?v=old000000000']) {
      const res = await raw(path, { 'accept-encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(res.body).equals(css)).toBe(true);
    }
  });

  it('answers a revalidation with 304 for the same coding, and with the file for another', async () => {
    const { js: url } = await linked();
    const first = await raw(url, { 'accept-encoding': 'gzip' });
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[\w-]{12}-gzip"$/);
    const again = await raw(url, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const other = await raw(url, { 'if-none-match': etag });
    expect(other.status).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
  });

  it('HEAD gives the headers without a body', async () => {
    const res = await raw('/static/css/app.css', { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0);
    expect(res.body.length).toBe(0);
  });

  it('pages (HTML) go out compressed when the browser accepts it, and plain otherwise', async () => {
    const br = await raw('/login', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(br.body).toString()).toContain('name="_csrf"');
    const gz = await raw('/login', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toContain('name="_csrf"');
    const plain = await raw('/login');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('name="_csrf"');
  });

  it('a file that is not under public/ is a 404, also through ../', async () => {
    expect((await raw('/static/css/nope.css')).status).toBe(404);
    expect((await raw('/static/../package.json')).status).toBe(404);
    expect((await raw('/static/%2e%2e/package.json')).status).toBe(404);
    expect((await raw('/static/')).status).toBe(404);
  });
});
