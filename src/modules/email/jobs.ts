import type { TaskQueues } from '../../jobs/runner.js';
import type { Config } from '../../config.js';
import type { Clock } from '../../clock.js';
import { kirimEmailKeluar } from './kirim.js';

// The e-mail task on the job queue (docs/domain/email.md § Sending): every minute, one run
// across all instances sends what is due. Without SMTP configured there is no schedule: the
// e-mails wait in the outbox, and the first start with SMTP sends them.

export const KIRIM_EMAIL_JOB = 'email.kirim';
/** Every minute (UTC; pg-boss's cron). */
export const JADWAL_EMAIL = '* * * * *';

export function emailTasks({ config, clock }: { config: Pick<Config, 'smtp' | 'appUrl' | 'email'>; clock: Clock }): TaskQueues {
  return {
    [KIRIM_EMAIL_JOB]: {
      handler: async (_data, { db }) => {
        await kirimEmailKeluar(db, { config, clock });
      },
      ...(config.smtp ? { cron: JADWAL_EMAIL } : {}),
    },
  };
}
