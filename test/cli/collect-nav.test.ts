import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type SubmissionStore } from '../../src/index.js';
import { addAccount, fixtureApp, TestClient } from '../helpers/collect-fixture.js';
import { tempDir } from '../helpers/run-cli.js';

// The top navigation shows each role exactly the pages it may open: every link answers 200, and
// every page of the navigation it does not show answers 403.

const PAGES = ['/form', '/entry', '/submissions', '/dashboard', '/review', '/quality', '/entry/verify'];
const EXPECTED: Record<string, string[]> = {
  admin: ['/form', '/entry', '/submissions', '/dashboard', '/review', '/quality', '/entry/verify'],
  supervisor: ['/submissions', '/dashboard', '/review', '/quality'],
  enumerator: ['/form', '/entry', '/submissions'],
  viewer: ['/submissions', '/dashboard'],
};

describe('navigation by role', () => {
  let store: SubmissionStore;
  beforeAll(async () => {
    store = await openStore(join(tempDir('survey-nav-'), 'submissions.sqlite'), { formId: 'fixture-2025' });
    for (const role of Object.keys(EXPECTED)) await addAccount(store, role, role as 'admin');
  });
  afterAll(() => store.close());

  it.each(Object.keys(EXPECTED))('%s: the links shown are exactly the pages that open', async (role) => {
    const client = new TestClient(fixtureApp(store));
    expect((await client.login(role, 'correct horse battery')).status).toBe(303);
    const page = await (await client.request('/submissions')).text();
    const nav = /<nav class="top">([\s\S]*?)<\/nav>/.exec(page)?.[1] ?? '';
    const links = [...nav.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(EXPECTED[role]);
    for (const path of PAGES) expect([path, (await client.request(path)).status]).toEqual([path, links.includes(path) ? 200 : 403]);
  });

  it('names the role and labels the paper-entry links in Chinese', async () => {
    const client = new TestClient(fixtureApp(store));
    await client.login('admin', 'correct horse battery');
    const page = await (await client.request('/submissions')).text();
    expect(page).toContain('<span class="who">admin · 管理员</span>');
    expect(page).toContain('<a href="/entry">纸质录入</a>');
    expect(page).toContain('<a href="/entry/verify">双录入核查</a>');
  });
});
