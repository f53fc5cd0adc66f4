import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { defaultRules } from '../../src/clean/clean-rules.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollectApp, exportSubmissions, formSpec, openStore, validSubmissions, validSubmissionsCache, type SubmissionStore } from '../../src/index.js';
import { FIXTURE_CODEBOOK, addAccount, collectionBackends, fixtureApp, fixtureCodebook, TestClient } from '../helpers/collect-fixture.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const backends = collectionBackends('amend');

describe.each(backends)('correcting a submission on $name', ({ available, open }) => {
  let store: SubmissionStore;
  let skip = false;
  beforeAll(async () => {
    skip = !available();
    if (skip) return;
    store = await open();
    await addAccount(store, 'boss', 'admin');
    await addAccount(store, '张三', 'enumerator');
  });
  afterAll(async () => {
    if (!skip) await store.close();
  });

  it('gives the offline queue the session\'s CSRF token only when logged in', async () => {
    if (skip) return;
    const client = new TestClient(fixtureApp(store));
    expect((await client.request('/api/session')).status).toBe(401);
    await client.login('张三', 'correct horse battery');
    expect(await (await client.request('/api/session')).json()).toEqual({ user: '张三', role: 'enumerator', csrf: client.csrf });
  });

  it('checks a correction with the server-side validation, logs before and after with the reason, and lets only an admin make it', async () => {
    if (skip) return;
    const enumerator = new TestClient(fixtureApp(store));
    await enumerator.login('张三', 'correct horse battery');
    const sent = await enumerator.json('/api/submissions', { id: 'amend-test-0001', answers: { area: '2', age: '40', farm_years: '20', hobby: ['1'] } });
    expect(sent.status).toBe(201);
    const { seq } = (await sent.json()) as { seq: number };
    // An enumerator can neither open nor post a correction.
    expect((await enumerator.request(`/submissions/${seq}/amend`)).status).toBe(403);
    expect((await enumerator.post(`/submissions/${seq}/amend`, { 'a.area': '2', 'a.age': '41', reason: 'x' })).status).toBe(403);

    const admin = new TestClient(fixtureApp(store));
    await admin.login('boss', 'correct horse battery');
    const form = await (await admin.request(`/submissions/${seq}/amend`)).text();
    expect(form).toContain('name="a.age" value="40"');
    expect(form).toContain('name="a.hobby" value="1"');
    const fields = { 'a.area': '2', 'a.age': '41', 'a.farm_years': '20', 'a.hobby': '1,2', 'a.note': '<script>alert(1)</script>' };
    // Without the CSRF token, refused.
    expect((await admin.post(`/submissions/${seq}/amend`, { ...fields, reason: '核对录音' }, null)).status).toBe(403);
    // A value the questionnaire refuses (farm years above age − 10) is refused here too, and nothing changes.
    const bad = await admin.post(`/submissions/${seq}/amend`, { ...fields, 'a.farm_years': '35', reason: '核对录音' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('务农年数不能超过年龄减10');
    // No reason, no correction.
    expect((await admin.post(`/submissions/${seq}/amend`, { ...fields, reason: '' })).status).toBe(422);
    expect((await store.getSubmission(seq))?.version).toBe(1);

    const good = await admin.post(`/submissions/${seq}/amend`, { ...fields, reason: '核对录音' });
    expect(good.status).toBe(303);
    const stored = await store.getSubmission(seq);
    expect(stored).toMatchObject({ version: 2, answers: { area: 2, age: 41, farm_years: 20, hobby: [1, 2], note: '<script>alert(1)</script>' } });
    const log = await store.auditLog(seq);
    expect(log.map((e) => e.action)).toEqual(['submit', 'amend']);
    expect(log[1]).toMatchObject({ user: 'boss', reason: '核对录音', before: { answers: { area: 2, age: 40, farm_years: 20, hobby: [1] } }, after: { answers: { age: 41, hobby: [1, 2] } } });
    const shown = await (await admin.request(`/submissions/${seq}`)).text();
    expect(shown).toContain('您的年龄是（周岁）？: 40 → 41');
    expect(shown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(shown).not.toContain('<script>alert(1)');
  });
});

describe('the dashboard', () => {
  it('shows 有效 as the plan\'s cleaning counts it: the rows survey clean keeps from the export', async () => {
    const dir = tempDir('survey-valid-');
    const store = await openStore(join(dir, 'submissions.sqlite'), { formId: 'fixture-2025' });
    await addAccount(store, 'boss', 'admin');
    await addAccount(store, '张三', 'enumerator');
    const enumerator = new TestClient(fixtureApp(store));
    await enumerator.login('张三', 'correct horse battery');
    const complete = (i: number) => ({ area: String(1 + (i % 2)), age: String(30 + i), ...(i % 2 ? { farm_years: String(5 + i) } : {}), hobby: [String(1 + (i % 3))], sat_income: String(1 + (i % 5)), sat_family: String(1 + ((i + 2) % 5)), note: `n${i}` });
    for (let i = 0; i < 8; i++) {
      const answers = i >= 6 ? { area: '1', age: String(60 + i) } : complete(i); // two break-offs
      const started = new Date(Date.UTC(2025, 2, 10, 8, i * 20)).toISOString();
      const ended = new Date(Date.UTC(2025, 2, 10, 8, i * 20 + 9)).toISOString();
      expect((await enumerator.json('/api/submissions', { id: `valid-test-${i}-000`, answers, started_at: started, ended_at: ended })).status).toBe(201);
    }
    const codebook = fixtureCodebook();
    writeFileSync(join(dir, 'q.yaml'), FIXTURE_CODEBOOK);
    await exportSubmissions(store, codebook, join(dir, 'export.csv'));
    const clean = (await runCli(['clean', join(dir, 'export.csv'), '--codebook', join(dir, 'q.yaml'), '--json']));
    const kept = (JSON.parse(clean.stdout) as { kept_rows: number }).kept_rows;
    expect(kept).toBeLessThan(8);
    const valid = await validSubmissions(codebook, defaultRules(), await store.listSubmissions());
    expect(valid.size).toBe(kept);

    // The server's cache: the same answer object while nothing changes, a new cleaning after a change.
    const cached = validSubmissionsCache(codebook, defaultRules());
    const first = await cached(await store.listSubmissions());
    expect(first).toEqual(valid);
    expect(await cached(await store.listSubmissions())).toBe(first);
    const changed = (await store.listSubmissions()).map((s, i) => (i === 0 ? { ...s, version: s.version + 1 } : s));
    expect(await cached(changed)).not.toBe(first);

    const app = createCollectApp({
      store,
      spec: formSpec(codebook),
      quotas: { area: { 城市: 5, 农村: 5 } },
      assets: {},
      validSubmissions: cached,
    });
    const admin = new TestClient(app);
    await admin.login('boss', 'correct horse battery');
    const page = await (await admin.request('/dashboard')).text();
    expect(page).toContain(`回收 8 · 有效 ${kept}</h1>`);
    expect(page).toContain('<th class="n">有效</th>');
    await store.close();
  });
});
