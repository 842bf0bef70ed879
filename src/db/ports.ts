import { createServer } from 'node:net';

// Ports on this machine, for the embedded PostgreSQL and the tests (docs/architecture.md § First run).

/** Whether `port` can be listened on at `host` right now. */
export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(port, host, () => s.close(() => res(true)));
  });
}

/** A port the system has just found free (the race with another process taking it is accepted). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, host, () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/** A start refused for a reason the message explains in full (printed without a stack trace). */
export class StartError extends Error {}

/**
 * The port to use at start: the configured one when free. When it is taken, a port chosen by
 * default gives way to a free one (said through `log`); one set in the environment (`fixed`)
 * stops the start with the exact setting to change. Messages in Indonesian, the UI's language.
 */
export async function choosePort(o: { port: number; fixed: boolean; setting: string; what: string; host?: string; log: (m: string) => void }): Promise<number> {
  const host = o.host ?? '127.0.0.1';
  if (o.port === 0 || (await portFree(o.port, host))) return o.port;
  const other = await freePort(host);
  if (o.fixed) throw new StartError(`Port ${o.port} untuk ${o.what} sudah dipakai program lain. Hentikan program itu, atau ubah ${o.setting} di berkas .env ke port yang bebas, misalnya ${o.setting}=${other}.`);
  o.log(`Port ${o.port} sudah dipakai program lain; ${o.what} memakai port ${other}. (Untuk port tetap, atur ${o.setting} di berkas .env.)`);
  return other;
}
