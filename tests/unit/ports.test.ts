import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choosePort, freePort, StartError } from '../../src/db/ports.js';

// Issue 9 § 10, the first run: a taken port is said in Indonesian and, unless it was set on
// purpose, another free one is used; a port set in PORT / PG_PORT names the exact setting to change.

let taken: Server;
let port: number;
beforeAll(async () => {
  port = await freePort();
  taken = createServer();
  await new Promise<void>((res) => taken.listen(port, '127.0.0.1', () => res()));
});
afterAll(() => new Promise<void>((res) => taken.close(() => res())));

describe('choosing a port at start', () => {
  it('keeps a free port as it is, saying nothing', async () => {
    const free = await freePort();
    const said: string[] = [];
    expect(await choosePort({ port: free, fixed: true, setting: 'PG_PORT', what: 'PostgreSQL tertanam', log: (m) => said.push(m) })).toBe(free);
    expect(said).toEqual([]);
  });

  it('a default port that is taken gives way to a free one, and says so', async () => {
    const said: string[] = [];
    const got = await choosePort({ port, fixed: false, setting: 'PG_PORT', what: 'PostgreSQL tertanam', log: (m) => said.push(m) });
    expect(got).not.toBe(port);
    expect(said).toEqual([`Port ${port} sudah dipakai program lain; PostgreSQL tertanam memakai port ${got}. (Untuk port tetap, atur PG_PORT di berkas .env.)`]);
  });

  it('a port set on purpose that is taken stops the start, naming the setting and a free value', async () => {
    const err = await choosePort({ port, fixed: true, setting: 'PORT', what: 'SIKAP', log: () => undefined }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartError);
    expect((err as Error).message).toMatch(new RegExp(`^Port ${port} untuk SIKAP sudah dipakai program lain\\. .* ubah PORT di berkas \\.env .* PORT=\\d+\\.$`));
  });
});
