/** The year-end computation's job kind (= its pg-boss queue, created in a migration); the cycle's phase guards read its last run. */
export const HITUNG_JOB = 'evaluasi.hitung';
