// One autocannon run inside a worker thread of the benchmark process, so the load generator has
// its own event loop and does not queue behind the app's (they still share the machine's CPUs).
// Plain JavaScript: autocannon ships no types, and a worker needs no TypeScript loader this way.
//
// workerData: { url, cookies: string[], paths: string[], pathsByConnection?: string[][], connections, seconds, timeoutSeconds, expect, acceptEncoding }
// Each connection gets its own session cookie (cookies[i % cookies.length]) and cycles through
// `paths`, starting at a different offset, so the connections do not request in lockstep; with
// pathsByConnection, connection i cycles through its own list pathsByConnection[i % length] instead
// (each session requests what its own login may see).
// Posts back: counts, rps, and p50/p95/p99 computed from every 2xx response time.

import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, cookies, paths: sharedPaths, pathsByConnection, connections, seconds, timeoutSeconds, expect, acceptEncoding } = workerData;

let nextClient = 0;
const times = [];
const statusCounts = {};
const errorSamples = [];

const instance = autocannon({
  url,
  connections,
  duration: seconds,
  timeout: timeoutSeconds,
  pipelining: 1,
  setupClient(client) {
    const i = nextClient++;
    const cookie = cookies[i % cookies.length];
    const paths = pathsByConnection ? pathsByConnection[i % pathsByConnection.length] : sharedPaths;
    const start = (i * 7) % paths.length;
    const headers = acceptEncoding ? { cookie, 'accept-encoding': acceptEncoding } : { cookie };
    client.setRequests(paths.map((_, k) => ({ method: 'GET', path: paths[(start + k) % paths.length], headers })));
  },
  verifyBody: expect ? (body) => typeof body === 'string' && body.includes(expect) : undefined,
});

instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
  if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
});
instance.on('reqError', (e) => {
  if (errorSamples.length < 5) errorSamples.push(String(e?.message ?? e));
});

// In a worker thread autocannon returns its raw (unaggregated) result; the latency figures below
// come from our own list of every 2xx response time, so no histogram decoding is needed.
const r = await instance;
times.sort((a, b) => a - b);
const pct = (p) => (times.length ? times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] : null);
const round = (v) => (v === null ? null : Math.round(v * 100) / 100);

parentPort.postMessage({
  durationSeconds: r.duration,
  requests: r.totalCompletedRequests,
  rps: round(r.totalCompletedRequests / r.duration),
  latencyMs: {
    mean: round(times.length ? times.reduce((a, b) => a + b, 0) / times.length : null),
    p50: round(pct(50)),
    p95: round(pct(95)),
    p99: round(pct(99)),
    max: round(times.length ? times[times.length - 1] : null),
  },
  errors: r.errors,
  timeouts: r.timeouts,
  non2xx: r.non2xx,
  mismatches: r.mismatches,
  resets: r.resets,
  statusCounts,
  errorSamples,
  bytesPerResponse: r.totalCompletedRequests ? Math.round(r.totalBytes / r.totalCompletedRequests) : 0,
});
