import { afterAll, beforeAll, expect, it } from 'vitest';
import * as given from '../helpers/given.js';
import { loginAs, testApp, type TestApp } from '../helpers/app.js';

// Each app has its own passport: with the package's one instance per process, a second app in
// the same process (the tests run several, each on its own database) looked its users up in the
// first app's database, so they were logged out or, worse, shown as someone else.

/** The signed-in person the page frame names. */
const who = (html: string) => /class="who">([^<]*)</.exec(html)?.[1];

let first: TestApp;
let second: TestApp;
beforeAll(async () => {
  first = await testApp();
  second = await testApp(); // created last: with one passport per process its lookup won
});
afterAll(async () => { await Promise.all([first.close(), second.close()]); });

it('a user of the first app stays logged in after a second app is created', async () => {
  const me = await given.pegawai(first);
  const agent = await loginAs(first.app, me.login);
  const page = await agent.get('/').expect(200);
  expect(who(page.text)).toBe(`${me.nama} (${me.nip})`);
});

it('and a user of the second app in the second', async () => {
  const me = await given.pegawai(second);
  const page = await (await loginAs(second.app, me.login)).get('/').expect(200);
  expect(who(page.text)).toBe(`${me.nama} (${me.nip})`);
});
