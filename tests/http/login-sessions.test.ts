import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { csrf, DEMO_PASSWORD, LOGINS, loginAs, postForm, testApp, type Agent, type TestApp } from '../helpers/app.js';
import { normalizeLogin } from '../../src/modules/auth/login-name.js';

// The login and its throttle read the identifier through one normalisation
// (src/modules/auth/login-name.ts); a password change or reset ends the person's other sessions.

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t.close(); });

const attempt = async (agent: Agent, login: string, password: string) => {
  const token = await csrf(agent, '/login'); // before the request is built: it takes the cookie then
  return agent.post('/login').type('form').send({ _csrf: token, login, password });
};

/** The same account written the ways people write it. */
const spellings = (nip: string) => [
  nip,
  ` ${nip} `,
  `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`,
  `${nip.slice(0, 8)}.${nip.slice(8, 14)}.${nip.slice(14, 15)}.${nip.slice(15)}`,
  `${nip.slice(0, 8)}-${nip.slice(8, 14)}-${nip.slice(14)}`,
  nip.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // full-width digits
];

describe('one normalisation of the login identifier', () => {
  it.each([
    ['19830722 200804 1 847', '198307222008041847'],
    ['19830722.200804.1.847', '198307222008041847'],
    ['\t198307222008041847\n', '198307222008041847'],
    ['ADMIN', 'admin'],
    ['  Admin ', 'admin'],
    ['admin.dinas', 'admin.dinas'], // a username keeps its dots
  ])('%j → %j', (raw, key) => expect(normalizeLogin(raw)).toBe(key));

  it('a NIP written differently logs in as the same account', async () => {
    for (const login of spellings(LOGINS.penilai).slice(1)) {
      expect((await attempt(request.agent(t.app), login, DEMO_PASSWORD)).status, JSON.stringify(login)).toBe(303);
    }
    for (const login of ['ADMIN', ' Admin ']) expect((await attempt(request.agent(t.app), login, DEMO_PASSWORD)).status).toBe(303);
  });

  it('failures with differently written forms of one NIP add up and lock that account', async () => {
    const max = t.config.loginMaxFailures;
    const forms = spellings(LOGINS.pimpinan);
    const agent = request.agent(t.app);
    for (let i = 0; i < max - 1; i++) expect((await attempt(agent, forms[i % forms.length]!, 'tebak-tebakan')).status).toBe(401);
    // one below the limit: still open (a fresh database per run, so the counts are only ours)
    const open = await attempt(request.agent(t.app), forms[2]!, DEMO_PASSWORD);
    expect(open.status).toBe(303);
    // the success cleared the count: fail `max` times again, each written another way
    for (let i = 0; i < max; i++) expect((await attempt(agent, forms[(i + 1) % forms.length]!, 'tebak-tebakan')).status).toBe(401);
    for (const login of forms) {
      const locked = await attempt(request.agent(t.app), login, DEMO_PASSWORD);
      expect(locked.status, JSON.stringify(login)).toBe(429);
      expect(locked.text).toMatch(/Terlalu banyak percobaan masuk yang gagal/);
    }
  });

  it('the admin account: the case of the name does not reset the count', async () => {
    const max = t.config.loginMaxFailures;
    const forms = ['admin', 'ADMIN', ' Admin', 'aDmIn ', 'Admin'];
    for (let i = 0; i < max; i++) expect((await attempt(request.agent(t.app), forms[i % forms.length]!, 'salah-salah')).status).toBe(401);
    expect((await attempt(request.agent(t.app), 'admin', DEMO_PASSWORD)).status).toBe(429);
    await t.db.pool.query("DELETE FROM rate_limit WHERE key LIKE 'acct:%'");
  });
});

describe('a password change or reset ends the other sessions', () => {
  const signedIn = async (agent: Agent) => (await agent.get('/')).status === 200;

  it('changing one’s own password: the other session is logged out, this one stays (with a new session id)', async () => {
    const who = { login: LOGINS.kepalaDinas, password: DEMO_PASSWORD };
    const [here, there] = await Promise.all([loginAs(t.app, who), loginAs(t.app, who)]);
    const bystander = await loginAs(t.app, 'penilai');
    const { id: userId } = await t.db.prisma.user.findFirstOrThrow({ where: { pegawai: { nip: LOGINS.kepalaDinas } } });
    const sessionsOf = async () => (await t.db.pool.query<{ sid: string }>("SELECT sid FROM session WHERE sess->'passport'->>'user' = $1", [String(userId)])).rows.map((r) => r.sid);
    const before = await sessionsOf();
    expect(before).toHaveLength(2);
    const res = await postForm(here, '/akun/password', { current: DEMO_PASSWORD, next: 'sandi-baru-yang-panjang', confirm: 'sandi-baru-yang-panjang' }, '/akun/password');
    expect(res.status).toBe(303);
    const home = await here.get('/');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Kata sandi berhasil diubah');
    expect(await signedIn(there)).toBe(false);
    expect((await there.get('/')).headers.location).toBe('/login');
    expect(await signedIn(bystander)).toBe(true);
    // the session id the changer had before is gone too (regenerated)
    const after = await sessionsOf();
    expect(after).toHaveLength(1);
    expect(before).not.toContain(after[0]);
  });

  it('an admin’s reset: every session of that person ends, the admin’s and others’ stay', async () => {
    const person = await t.db.prisma.pegawai.findFirstOrThrow({ where: { nip: LOGINS.pegawai } });
    const [a, b] = await Promise.all([loginAs(t.app, 'pegawai'), loginAs(t.app, 'pegawai')]);
    const admin = await loginAs(t.app, 'admin');
    const bystander = await loginAs(t.app, 'penilai');
    expect(await signedIn(a)).toBe(true);
    const res = await postForm(admin, `/pegawai/${person.id}/reset-password`, {}, `/pegawai/${person.id}`);
    expect(res.status).toBe(303);
    expect(await signedIn(a)).toBe(false);
    expect(await signedIn(b)).toBe(false);
    expect(await signedIn(admin)).toBe(true);
    expect(await signedIn(bystander)).toBe(true);
  });
});
