import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollectApp, formSpec, LoginLimiter, type SubmissionStore } from '../../../src/index.js';
import { addAccount, collectionBackends, fixtureApp, fixtureCodebook, TestClient } from '../../helpers/collect-fixture.js';
import { postgresAvailable } from '../../helpers/postgres.js';

const backends = collectionBackends('serve');

const SQL_TEXT = `'); DROP TABLE submissions; -- " ; SELECT 1`;
const GOOD = { area: '1', age: '30', hobby: ['1', '2'], hobby_sport_hours: '5', sat_income: '4', sat_family: '8', note: '<script>alert("answer")</script>' };

describe.each(backends)('collection server on $name', ({ name, open }) => {
  const skip = name === 'postgres' && !postgresAvailable();
  let store: SubmissionStore;
  beforeAll(async () => {
    if (skip) return;
    store = await open();
    await addAccount(store, 'boss', 'admin');
    await addAccount(store, '张三', 'enumerator');
    await addAccount(store, '李四', 'enumerator');
    await addAccount(store, 'viewer', 'viewer');
  });
  afterAll(async () => {
    if (!skip) await store.close();
  });
  const enumerator = async (who = '张三') => {
    const client = new TestClient(fixtureApp(store));
    expect((await client.login(who, 'correct horse battery')).status).toBe(303);
    return client;
  };

  it.skipIf(skip)('logs in with a session cookie that is HttpOnly and SameSite=Strict, and stores only its hash', async () => {
    const client = new TestClient(fixtureApp(store));
    await client.request('/login');
    const page = await (await client.request('/login')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] as string;
    const response = await client.post('/login', { name: '张三', password: 'correct horse battery' }, token);
    expect(response.status).toBe(303);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('survey_session=')) as string;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    const value = /survey_session=([^;]+)/.exec(cookie)?.[1] as string;
    const rows = await store.driver.all('SELECT token_hash FROM sessions');
    expect(rows.map((r) => r.token_hash)).not.toContain(value);
    expect((await client.request('/form')).status).toBe(200);
  });

  it.skipIf(skip)('refuses a wrong password, and after 5 failures refuses even the right one (rate limit)', async () => {
    const limiter = new LoginLimiter(5, 60_000);
    const client = new TestClient(fixtureApp(store, undefined, limiter));
    for (let i = 0; i < 5; i++) expect((await client.login('李四', 'wrong password')).status).toBe(401);
    expect((await client.login('李四', 'correct horse battery')).status).toBe(429);
    // Another account is not locked out by it.
    expect((await client.login('张三', 'correct horse battery')).status).toBe(303);
  });

  it.skipIf(skip)('refuses state-changing requests without the CSRF token, with a wrong one, or from another origin', async () => {
    const client = await enumerator();
    const body = { id: 'csrf-test-0001', answers: GOOD };
    expect((await client.json('/api/submissions', body, null)).status).toBe(403);
    expect((await client.json('/api/submissions', body, 'x'.repeat(43))).status).toBe(403);
    const crossSite = await client.request('/api/submissions', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf, origin: 'http://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect((await client.post('/logout', {}, null)).status).toBe(403);
    // The login form too: its token must match its cookie.
    const stranger = new TestClient(fixtureApp(store));
    await stranger.request('/login');
    expect((await stranger.post('/login', { name: '张三', password: 'correct horse battery' }, 'forged')).status).toBe(403);
    expect(await store.listSubmissions()).toHaveLength(0);
    expect((await client.json('/api/submissions', body)).status).toBe(201);
  });

  it.skipIf(skip)('checks answers on the server, whatever the browser did: skip logic, range, constraint, required, choices', async () => {
    const client = await enumerator();
    const send = (answers: Record<string, unknown>, id: string) => client.json('/api/submissions', { id, answers });
    const errors = async (answers: Record<string, unknown>, id: string) => {
      const response = await send(answers, id);
      expect(response.status).toBe(422);
      return ((await response.json()) as { errors: { variable: string; rule: string }[] }).errors.map((e) => `${e.variable}:${e.rule}`);
    };
    expect(await errors({ ...GOOD, farm_years: '3' }, 'check-0001')).toEqual(['farm_years:skip-logic']);
    expect(await errors({ ...GOOD, age: '17' }, 'check-0002')).toEqual(['age:out-of-range']);
    expect(await errors({ ...GOOD, area: '2', age: '30', farm_years: '25' }, 'check-0003')).toEqual(['farm_years:constraint']);
    expect(await errors({ ...GOOD, area: '2' }, 'check-0004')).toEqual(['farm_years:required-missing']);
    expect(await errors({ ...GOOD, area: '3' }, 'check-0005')).toContain('area:unknown-code');
    expect(await errors({ ...GOOD, hobby: ['2'], hobby_sport_hours: '5' }, 'check-0006')).toEqual(['hobby_sport_hours:skip-logic']);
    expect(await errors({ ...GOOD, income: '1' }, 'check-0007')).toEqual(['income:unknown-variable']);
    expect(await store.listSubmissions({ status: 'active' }).then((l) => l.filter((s) => s.id.startsWith('check-')))).toHaveLength(0);
    const ok = await send({ ...GOOD, area: '2', age: '19', farm_years: '9' }, 'check-0008');
    expect(ok.status).toBe(201);
    // The codebook's row check fails: a warning, the questionnaire is stored (cleaning flags it).
    expect(((await ok.json()) as { warnings: { variable: string }[] }).warnings.map((w) => w.variable)).toEqual(['young-farmer']);
  });

  it.skipIf(skip)('stores a retry once and says so', async () => {
    const client = await enumerator();
    const body = { id: 'retry-0000-0001', answers: GOOD, started_at: '2025-03-10T08:00:00Z', ended_at: '2025-03-10T08:09:30Z' };
    const first = await client.json('/api/submissions', body);
    const second = await client.json('/api/submissions', body);
    expect([first.status, second.status]).toEqual([201, 200]);
    const a = (await first.json()) as { seq: number };
    const b = (await second.json()) as { seq: number; created: boolean };
    expect(b).toMatchObject({ seq: a.seq, created: false });
    const stored = await store.getSubmission(a.seq);
    expect(stored).toMatchObject({ durationS: 570, answers: { area: 1, age: 30, hobby: [1, 2], sat_family: 8 } });
  });

  it.skipIf(skip)('shows an enumerator only their own submissions, and no dashboard', async () => {
    const zhang = await enumerator('张三');
    const li = await enumerator('李四');
    const mine = (await (await li.json('/api/submissions', { id: 'li-own-00000001', answers: GOOD })).json()) as { seq: number };
    const theirs = (await store.listSubmissions()).find((s) => s.enumerator === '张三') as { seq: number };
    expect((await li.request(`/submissions/${theirs.seq}`)).status).toBe(404);
    expect((await li.request(`/api/submissions/${theirs.seq}`)).status).toBe(404);
    expect((await li.request(`/submissions/${mine.seq}`)).status).toBe(200);
    const listed = (await (await li.request('/api/submissions')).json()) as { submissions: { enumerator: string }[] };
    expect(listed.submissions.map((s) => s.enumerator)).toEqual(['李四']);
    expect((await li.request('/dashboard')).status).toBe(403);
    expect((await li.post(`/submissions/${mine.seq}/withdraw`, { reason: 'mine' })).status).toBe(403);
    expect((await zhang.request(`/submissions/${mine.seq}`)).status).toBe(404);
    // A viewer reads everything, submits nothing.
    const viewer = new TestClient(fixtureApp(store));
    await viewer.login('viewer', 'correct horse battery');
    expect((await viewer.request(`/submissions/${theirs.seq}`)).status).toBe(200);
    expect((await viewer.request('/dashboard')).status).toBe(200);
    expect((await viewer.json('/api/submissions', { id: 'viewer-00000001', answers: GOOD })).status).toBe(403);
  });

  it.skipIf(skip)('renders labels and answers inert (escaped), under a CSP without inline script', async () => {
    const client = await enumerator();
    const form = await client.request('/form');
    expect(form.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    const page = await form.text();
    expect(page).not.toContain("<script>alert('title')");
    expect(page).toContain('&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<b>旅游</b>');
    // The spec travels as JSON that cannot close its script element.
    const json = /<script type="application\/json" id="form-spec">(.*?)<\/script>/s.exec(page)?.[1] as string;
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json).title).toBe("测试问卷 <script>alert('title')</script>");
    const { seq } = (await (await client.json('/api/submissions', { id: 'xss-0000-0001', answers: GOOD })).json()) as { seq: number };
    const shown = await (await client.request(`/submissions/${seq}`)).text();
    expect(shown).not.toContain('<script>alert("answer")');
    expect(shown).toContain('&lt;script&gt;alert(&quot;answer&quot;)&lt;/script&gt;');
  });

  it.skipIf(skip)('keeps SQL text in every field, through the API, as text', async () => {
    const client = await enumerator();
    const response = await client.json('/api/submissions', { id: 'sql-0000-0001', answers: { ...GOOD, note: SQL_TEXT } });
    expect(response.status).toBe(201);
    const { seq } = (await response.json()) as { seq: number };
    const admin = new TestClient(fixtureApp(store));
    await admin.login('boss', 'correct horse battery');
    expect((await admin.post(`/submissions/${seq}/withdraw`, { reason: SQL_TEXT })).status).toBe(303);
    expect(await store.getSubmission(seq)).toMatchObject({ answers: { note: SQL_TEXT }, statusReason: SQL_TEXT, status: 'withdrawn' });
    expect((await client.login(SQL_TEXT, SQL_TEXT)).status).toBe(401);
    expect((await store.listUsers()).length).toBe(4);
  });

  it.skipIf(skip)('serves only its own static files (no path traversal)', async () => {
    const client = new TestClient(fixtureApp(store));
    expect((await client.request('/static/form.js')).status).toBe(200);
    for (const path of ['/static/../package.json', '/static/..%2F..%2Fpackage.json', '/static/%2e%2e%2fpackage.json', '/static/..%5c..%5cpackage.json', '/static/constructor', '/static/__proto__', '/../../etc/passwd']) {
      const response = await client.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toMatch(/"name"|root:/);
    }
  });

  it.skipIf(skip)('answers 500 and stores nothing when the database fails (acknowledged only after commit)', async () => {
    const client = await enumerator();
    const before = (await store.listSubmissions()).length;
    const failing = store.driver.kind === 'sqlite'
      ? "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;"
      : "CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION survey_refuse('disk full')";
    await store.driver.exec(failing);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const response = await client.json('/api/submissions', { id: 'fail-0000-0001', answers: GOOD });
      expect(response.status).toBe(500);
      expect(await response.text()).not.toMatch(/disk full|audit_log/);
    } finally {
      console.error = original;
      await store.driver.exec(store.driver.kind === 'sqlite' ? 'DROP TRIGGER audit_fails' : 'DROP TRIGGER audit_fails ON audit_log');
    }
    expect((await store.listSubmissions()).length).toBe(before);
    expect((await client.json('/api/submissions', { id: 'fail-0000-0001', answers: GOOD })).status).toBe(201);
  });

  it.skipIf(skip)('makes a one-time password be changed before anything else', async () => {
    const user = await store.addUser('new', 'enumerator', (await store.findUser('张三'))!.passwordHash);
    expect(user.mustChangePassword).toBe(true);
    const client = new TestClient(fixtureApp(store));
    await client.login('new', 'correct horse battery');
    const form = await client.request('/form');
    expect(form.status).toBe(303);
    expect(form.headers.get('location')).toBe('/account/password');
    expect((await client.json('/api/submissions', { id: 'new-0000-0001', answers: GOOD })).status).toBe(403);
  });

  it.skipIf(skip)('renders the form in English with --lang en', async () => {
    const client = new TestClient(createCollectApp({ store, spec: formSpec(fixtureCodebook()), lang: 'en', assets: {} }));
    await client.login('张三', 'correct horse battery');
    const page = await (await client.request('/form')).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Where do you live?');
    expect(page).toContain('Submit questionnaire');
  });

  it.skipIf(skip)('shows the progress against the quotas to admins', async () => {
    const admin = new TestClient(fixtureApp(store));
    await admin.login('boss', 'correct horse battery');
    const page = await (await admin.request('/dashboard')).text();
    expect(page).toMatch(/<td>城市<\/td><td class="n">\d+<\/td><td class="n">3<\/td>/);
    expect(page).toContain('张三');
  });
});
