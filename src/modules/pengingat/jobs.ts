import { systemClock, type Clock } from '../../clock.js';
import type { TaskQueues } from '../../jobs/runner.js';
import { periksaPengingat } from './service.js';

// The reminders' task queue (docs/domain/pengingat.md § When the check runs). The queue is created
// by its migration with the singleton policy: one check runs at a time across all instances.

export const PERIKSA_PENGINGAT = 'pengingat.periksa';
/** Every 15 minutes (UTC; the deadlines are decided in each cycle's zone by the handler). */
export const CRON_PENGINGAT = '*/15 * * * *';

/** The task; off its cron under NODE_ENV=test, where tests run the check themselves (a tick must not land in another test). */
export const pengingatTasks = ({ clock = systemClock, config }: { clock?: Clock; config?: { env: string } } = {}): TaskQueues => ({
  [PERIKSA_PENGINGAT]: {
    ...(config?.env === 'test' ? {} : { cron: CRON_PENGINGAT }),
    handler: async (_data, { db }) => {
      await periksaPengingat(db, clock.now());
    },
  },
});
