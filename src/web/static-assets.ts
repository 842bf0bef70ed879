import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { RequestHandler } from 'express';

// The files under public/ (CSS, JS, icons), served at /static compressed and cacheable.
// They are few and small, so each is read and compressed once (brotli and gzip at their best
// levels) and kept in memory: no compression work per request. Pages link to them through
// `asset('/css/app.css')`, which adds `?v=<content hash>`. A URL with the current hash is
// cached for a year (`immutable`); a new release changes the hash and so the URL. Any other
// URL (no or an old `v`) must be revalidated, so a browser never keeps a stale file.

type Asset = { type: string; hash: string; mtimeMs: number; identity: Buffer; br?: Buffer; gzip?: Buffer };

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.css', '.js', '.mjs', '.json', '.map', '.svg', '.txt', '.ico']);
const YEAR = 'public, max-age=31536000, immutable';

function load(file: string, mtimeMs: number): Asset {
  const identity = readFileSync(file);
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 12);
  const asset: Asset = { type: TYPES[extname(file)] ?? 'application/octet-stream', hash, mtimeMs, identity };
  if (COMPRESSIBLE.has(extname(file))) {
    // Kept only when clearly smaller: a tiny file can grow when compressed.
    const br = brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length } });
    const gzip = gzipSync(identity, { level: 9 });
    if (br.length < identity.length * 0.9) asset.br = br;
    if (gzip.length < identity.length * 0.9) asset.gzip = gzip;
  }
  return asset;
}

/**
 * The codings a client accepts (q > 0). Ours is the choice among them: brotli is smaller, and
 * browsers list it after gzip, so their order is not a preference.
 */
function acceptedCodings(header: string | undefined): Set<string> {
  const codings = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) codings.add(name === '*' ? 'gzip' : name);
  }
  return codings;
}

export type StaticAssets = {
  /** `/static/<path>?v=<hash>` for a file under public/, e.g. `asset('/css/app.css')`. */
  url: (path: string) => string;
  /** Serves GET and HEAD under the mount point; anything else falls through to the 404. */
  handler: RequestHandler;
};

/**
 * `watch`: re-read a file when it changes on disk and pick up new files (development). Without
 * it the files are read once, at start-up. `vendor`: files of installed packages served beside
 * public/'s, by the path they get under the mount (`{ '/vendor/chart.umd.min.js': <file in
 * node_modules> }`), so a library comes from the package that npm installed and no copy of it is
 * kept in public/ (no CDN either: the CSP allows scripts from this origin only).
 */
export function staticAssets(dir: string, mount: string, { watch, vendor = {} }: { watch: boolean; vendor?: Record<string, string> }): StaticAssets {
  const assets = new Map<string, Asset>();
  const scan = () => {
    for (const [key, file] of Object.entries(vendor)) {
      const stat = statSync(file);
      const known = assets.get(key);
      if (!known || known.mtimeMs !== stat.mtimeMs) assets.set(key, load(file, stat.mtimeMs));
    }
    for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      const file = join(dir, rel);
      const stat = statSync(file);
      if (!stat.isFile()) continue;
      const key = '/' + rel.split(sep).join('/');
      const known = assets.get(key);
      if (!known || known.mtimeMs !== stat.mtimeMs) assets.set(key, load(file, stat.mtimeMs));
    }
  };
  scan();
  const get = (key: string): Asset | undefined => {
    if (!watch) return assets.get(key);
    try {
      scan();
    } catch {
      // a file removed while scanning: the next request scans again
    }
    return assets.get(key);
  };

  const url = (path: string): string => {
    const asset = get(path);
    if (!asset) throw new Error(`no static asset ${path} in public/`);
    return `${mount}${path}?v=${asset.hash}`;
  };

  const handler: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const asset = get(req.path);
    if (!asset) return next();
    const accepted = acceptedCodings(req.headers['accept-encoding']);
    const coding = asset.br && accepted.has('br') ? 'br' : asset.gzip && accepted.has('gzip') ? 'gzip' : 'identity';
    const encoded = coding === 'br' || coding === 'gzip';
    const body = coding === 'br' ? asset.br! : coding === 'gzip' ? asset.gzip! : asset.identity;
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', !watch && req.query.v === asset.hash ? YEAR : 'no-cache');
    // Each coding is its own byte sequence, so each has its own strong ETag.
    res.setHeader('ETag', encoded ? `"${asset.hash}-${coding}"` : `"${asset.hash}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    if (encoded) res.setHeader('Content-Encoding', coding);
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Content-Length', body.length);
    res.status(200).end(req.method === 'HEAD' ? undefined : body);
  };

  return { url, handler };
}
