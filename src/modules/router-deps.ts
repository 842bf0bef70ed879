import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { JobRunner } from '../jobs/runner.js';
import type { BerkasStore } from '../storage/berkas-store.js';
import type { Clock } from '../clock.js';

/**
 * What a feature router is given. `db` is an opaque handle that routes pass on to their use-case
 * functions; a route file never queries it itself (tests/unit/architecture.test.ts checks that
 * route files import nothing from db/ and call no database API).
 */
export type RouterDeps = { db: Db; jobs: JobRunner; config: Config; /** where stored files keep their bytes */ store: BerkasStore; /** the one source of "now" (src/clock.ts) */ clock: Clock };
