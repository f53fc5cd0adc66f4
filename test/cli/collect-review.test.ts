import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForm, formSpec, openStore, parseCodebook, reviewSubmission, setSupervisor, type SubmissionStore } from '../../src/index.js';
import { checkCorrection, correctionInput } from '../../src/collect/review/read-correction.js';
import { openPostgresDriver } from '../../src/collect/storage/postgres-driver.js';
import { openSqliteDriver } from '../../src/collect/storage/sqlite-driver.js';
import { addAccount, collectionBackends, fixtureApp, TestClient } from '../helpers/collect-fixture.js';
import { postgresAvailable } from '../helpers/postgres.js';

// Supervision on both databases: SQLite (a file) and PostgreSQL (a throwaway cluster).
const backends = collectionBackends('review').map(({ name, address }) => ({ name, location: address }));

const GOOD = { area: '1', age: '30', hobby: ['1', '2'], hobby_sport_hours: '5', sat_income: '4', sat_family: '8', note: 'first visit' };
const HOSTILE = `<script>alert("comment")</script><img src=x onerror=alert(1)>`;
const PASSWORD = 'correct horse battery';

/** The v1 schema script of a backend (test/cli/collect-schema-v1/), as an earlier survey wrote it. */
const v1Schema = (kind: 'sqlite' | 'postgres') => readFileSync(new URL(`./collect-schema-v1/${kind}.sql`, import.meta.url), 'utf8');

describe.each(backends)('supervision on $name', ({ name, location }) => {
  const skip = name === 'postgres' && !postgresAvailable();

  it.skipIf(skip)('upgrades a version-1 database in place: roles, review columns and audit actions added, rows, keys and append-only triggers kept', async () => {
    const db = location();
    const driver = name === 'sqlite' ? openSqliteDriver(db) : openPostgresDriver(db);
    await driver.exec(v1Schema(name));
    await driver.run("INSERT INTO meta (key, value) VALUES ('schema_version', '1'), ('form_id', 'fixture-2025')");
    await driver.run("INSERT INTO users (name, role, password_hash, must_change_password, disabled, created_at) VALUES ('boss', 'admin', 'h', 0, 0, '2025-03-01T00:00:00Z'), ('张三', 'enumerator', 'h', 0, 0, '2025-03-01T00:00:00Z')");
    await driver.run(
      "INSERT INTO submissions (id, form_id, enumerator_id, answers, received_at, duration_s, status, version, updated_at) VALUES ('old-0000-0001', 'fixture-2025', 2, '{\"area\":1,\"age\":40}', '2025-03-02T08:00:00Z', 600, 'active', 1, '2025-03-02T08:00:00Z')",
    );
    await driver.run("INSERT INTO audit_log (submission_seq, user_id, at, action, after) VALUES (1, 2, '2025-03-02T08:00:00Z', 'submit', '{\"area\":1,\"age\":40}')");
    await expect(driver.run("INSERT INTO users (name, role, password_hash, created_at) VALUES ('x', 'supervisor', 'h', 'now')")).rejects.toThrow();
    await driver.close();

    const store = await openStore(db, { formId: 'fixture-2025' });
    try {
      expect((await store.driver.all("SELECT value FROM meta WHERE key = 'schema_version'"))[0].value).toBe('2');
      const old = await store.getSubmission(1);
      expect(old).toMatchObject({ seq: 1, enumerator: '张三', answers: { area: 1, age: 40 }, reviewStatus: 'pending', reviewComment: null, version: 1 });
      expect((await store.auditLog(1)).map((e) => [e.entryId, e.action, e.user])).toEqual([[1, 'submit', '张三']]);
      const supervisor = await store.addUser('李四', 'supervisor', 'h');
      expect(supervisor).toMatchObject({ role: 'supervisor', supervisorId: null });
      const approved = await reviewSubmission(store, 1, supervisor, 'approve', '');
      expect(approved).toMatchObject({ reviewStatus: 'approved', version: 2 });
      expect((await store.auditLog(1)).map((e) => e.action)).toEqual(['submit', 'approve']);
      // Still append-only and never deleted after the rebuild.
      await expect(store.driver.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(store.driver.run('UPDATE audit_log SET reason = ?', ['x'])).rejects.toThrow(/append-only/);
      await expect(store.driver.run('DELETE FROM submissions')).rejects.toThrow(/never deleted/);
      await expect(store.driver.run("UPDATE users SET role = 'root' WHERE user_id = 1")).rejects.toThrow();
      await expect(store.driver.run("INSERT INTO audit_log (submission_seq, user_id, at, action) VALUES (1, 1, 'now', 'erase')")).rejects.toThrow();
      // A new account gets a new key, never one of the copied ones (PostgreSQL's sequence may have skipped one on the refused insert).
      expect((await store.addUser('王五', 'enumerator', 'h')).userId).toBeGreaterThan(3);
    } finally {
      await store.close();
    }
    // Opening it again changes nothing; a database of a newer survey is refused.
    const again = await openStore(db, { formId: 'fixture-2025' });
    expect(await again.listUsers()).toHaveLength(4);
    await again.driver.run("UPDATE meta SET value = '3' WHERE key = 'schema_version'");
    await again.close();
    await expect(openStore(db)).rejects.toThrow(/schema version 3, newer than this survey's 2/);
  });

  describe('review in the app', () => {
    let store: SubmissionStore;
    beforeAll(async () => {
      if (skip) return;
      store = await openStore(location(), { formId: 'fixture-2025' });
      await addAccount(store, 'boss', 'admin');
      await addAccount(store, '李四', 'supervisor');
      await addAccount(store, '赵六', 'supervisor');
      await addAccount(store, '张三', 'enumerator');
      await addAccount(store, '王五', 'enumerator');
      const find = async (n: string) => (await store.findUser(n))!;
      // 张三 is in 李四's team; 王五 in no team (every supervisor reviews him).
      await setSupervisor(store, await find('张三'), await find('李四'));
    });
    afterAll(async () => {
      if (!skip) await store.close();
    });
    const as = async (who: string) => {
      const client = new TestClient(fixtureApp(store));
      expect((await client.login(who, PASSWORD)).status).toBe(303);
      return client;
    };
    const submit = async (client: TestClient, id: string, answers: Record<string, unknown> = GOOD) => {
      const response = await client.json('/api/submissions', { id, answers, started_at: '2025-03-10T08:00:00Z', ended_at: '2025-03-10T08:20:00Z' });
      expect(response.status).toBe(201);
      return ((await response.json()) as { seq: number }).seq;
    };

    it.skipIf(skip)('rejects with a comment, the enumerator sees it, corrects and resubmits; approval follows; every version is in the audit log', async () => {
      const zhang = await as('张三');
      const seq = await submit(zhang, 'review-0000-0001');
      const li = await as('李四');
      expect(await (await li.request('/')).headers.get('location')).toBe('/review');
      const queue = await (await li.request('/review')).text();
      expect(queue).toContain(`href="/review/${seq}"`);
      const page = await (await li.request(`/review/${seq}`)).text();
      expect(page).toContain('name="decision" value="reject"');
      // A rejection needs a comment.
      expect((await li.post(`/review/${seq}`, { decision: 'reject', comment: ' ' })).status).toBe(422);
      expect((await li.post(`/review/${seq}`, { decision: 'reject', comment: '年龄与户口簿不符，请核实：应为45岁' })).status).toBe(303);
      expect(await store.getSubmission(seq)).toMatchObject({ reviewStatus: 'rejected', reviewComment: '年龄与户口簿不符，请核实：应为45岁' });
      // Rejecting twice is refused (already rejected).
      expect((await li.post(`/review/${seq}`, { decision: 'reject', comment: 'again' })).status).toBe(409);

      const list = await (await zhang.request('/submissions')).text();
      expect(list).toContain('已退回');
      expect(list).toContain('年龄与户口簿不符，请核实：应为45岁');
      expect(list).toContain(`href="/review/${seq}/correct"`);
      const form = await (await zhang.request(`/review/${seq}/correct`)).text();
      expect(form).toMatch(/name="age" value="30"/);
      expect(form).toMatch(/name="hobby" value="2" checked/);
      // A wrong correction is refused with the form's own checks, nothing changes.
      const fields = (age: string) => {
        const body = new URLSearchParams({ _csrf: zhang.csrf, area: '1', age, hobby_sport_hours: '5', sat_income: '4', sat_family: '8', note: 'first visit', _note: '核实户口簿' });
        body.append('hobby', '1');
        body.append('hobby', '2');
        return zhang.request(`/review/${seq}/correct`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      };
      const bad = await fields('17');
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain('class="err"');
      expect((await store.getSubmission(seq))?.answers.age).toBe(30);
      expect((await fields('45')).status).toBe(303);
      const corrected = await store.getSubmission(seq);
      expect(corrected).toMatchObject({ reviewStatus: 'pending', reviewComment: null, version: 3, answers: { age: 45, hobby: [1, 2] } });
      // Resubmitting what is no longer rejected is refused.
      expect((await zhang.json(`/api/submissions/${seq}/resubmit`, { answers: GOOD })).status).toBe(404);

      const approve = await li.json(`/api/submissions/${seq}/review`, { decision: 'approve', comment: '已核实' });
      expect(approve.status).toBe(200);
      expect(await approve.json()).toMatchObject({ review_status: 'approved', version: 4 });
      const log = await store.auditLog(seq);
      expect(log.map((e) => [e.action, e.user])).toEqual([
        ['submit', '张三'],
        ['reject', '李四'],
        ['resubmit', '张三'],
        ['approve', '李四'],
      ]);
      expect(log[2]).toMatchObject({ reason: '核实户口簿', before: { answers: { age: 30 }, review_status: 'rejected' }, after: { answers: { age: 45 }, review_status: 'pending' } });
      expect(log[1].after).toEqual({ review_status: 'rejected', review_comment: '年龄与户口簿不符，请核实：应为45岁' });
      // The submission's page words the history in Chinese: 提交, 退回, 更正后重新提交, 审核通过.
      const history = await (await li.request(`/submissions/${seq}`)).text();
      for (const word of ['<td>提交</td>', '<td>退回</td>', '<td>更正后重新提交</td>', '<td>审核通过</td>']) expect(history).toContain(word);
    });

    it.skipIf(skip)('renders a comment inert in the enumerator\'s list, the correction page and the queue', async () => {
      const zhang = await as('张三');
      const seq = await submit(zhang, 'review-0000-0002');
      const li = await as('李四');
      expect((await li.json(`/api/submissions/${seq}/review`, { decision: 'reject', comment: HOSTILE })).status).toBe(200);
      for (const [client, path] of [
        [zhang, '/submissions'],
        [zhang, `/review/${seq}/correct`],
        [li, '/review?status=rejected'],
        [li, `/review/${seq}`],
      ] as const) {
        const page = await (await client.request(path)).text();
        expect(page, path).toContain('&lt;script&gt;alert(&quot;comment&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
        expect(page, path).not.toContain('<script>alert');
        expect(page, path).not.toContain('<img src=x');
      }
    });

    it.skipIf(skip)('refuses every review and correction POST without the session\'s CSRF token', async () => {
      const zhang = await as('张三');
      const seq = await submit(zhang, 'review-0000-0003');
      const li = await as('李四');
      for (const csrf of [null, 'forged'.repeat(7)]) {
        expect((await li.post(`/review/${seq}`, { decision: 'approve', comment: '' }, csrf)).status).toBe(403);
        expect((await li.json(`/api/submissions/${seq}/review`, { decision: 'approve' }, csrf)).status).toBe(403);
      }
      expect((await store.getSubmission(seq))?.reviewStatus).toBe('pending');
      expect((await li.json(`/api/submissions/${seq}/review`, { decision: 'reject', comment: '请补充' })).status).toBe(200);
      for (const csrf of [null, 'forged'.repeat(7)]) {
        expect((await zhang.post(`/review/${seq}/correct`, { area: '1', age: '50' }, csrf)).status).toBe(403);
        expect((await zhang.json(`/api/submissions/${seq}/resubmit`, { answers: { ...GOOD, age: '50' } }, csrf)).status).toBe(403);
      }
      expect((await store.getSubmission(seq))?.answers.age).toBe(30);
    });

    it.skipIf(skip)('answers a review or resubmission body that is not a JSON object as the submission API does: 400 and what is wrong', async () => {
      const zhang = await as('张三');
      const seq = await submit(zhang, 'review-0000-0006');
      const li = await as('李四');
      const raw = (client: TestClient, path: string, body: string) => client.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf } });
      for (const [client, path] of [[li, `/api/submissions/${seq}/review`], [zhang, '/api/submissions']] as const) {
        const broken = await raw(client, path, '{"decision": ');
        expect([broken.status, await broken.json()], path).toEqual([400, { error: 'the body is not JSON' }]);
        const list = await raw(client, path, '["approve"]');
        expect([list.status, await list.json()], path).toEqual([400, { error: 'expected a JSON object' }]);
      }
      expect((await store.getSubmission(seq))?.reviewStatus).toBe('pending');
    });

    it.skipIf(skip)('lets no enumerator approve, no supervisor act as admin, and no supervisor review another team', async () => {
      const zhang = await as('张三');
      const wang = await as('王五');
      const seq = await submit(zhang, 'review-0000-0004');
      const own = await submit(wang, 'review-0000-0005');
      for (const client of [zhang, wang]) {
        expect((await client.post(`/review/${seq}`, { decision: 'approve', comment: '' })).status).toBe(403);
        expect((await client.json(`/api/submissions/${own}/review`, { decision: 'approve' })).status).toBe(403);
        expect((await client.request('/review')).status).toBe(403);
        expect((await client.request('/quality')).status).toBe(403);
      }
      const li = await as('李四');
      // Admin pages stay the admin's: withdrawing; accounts are made only with `survey users` (no web route).
      expect((await li.post(`/submissions/${seq}/withdraw`, { reason: 'x' })).status).toBe(403);
      expect((await li.post('/users', { name: 'evil', role: 'admin' })).status).toBe(404);
      expect((await li.json('/api/users', { name: 'evil', role: 'admin' })).status).toBe(404);
      expect(await store.findUser('evil')).toBeNull();
      // 赵六 is not 张三's supervisor: he neither sees nor decides on 张三's work; 王五 (no team) he reviews.
      const zhao = await as('赵六');
      expect(await (await zhao.request('/review?status=all')).text()).not.toContain(`href="/review/${seq}"`);
      expect((await zhao.request(`/review/${seq}`)).status).toBe(404);
      expect((await zhao.json(`/api/submissions/${seq}/review`, { decision: 'approve' })).status).toBe(404);
      expect((await zhao.json(`/api/submissions/${own}/review`, { decision: 'approve' })).status).toBe(200);
      // An enumerator corrects only their own rejected submissions.
      expect((await li.json(`/api/submissions/${seq}/review`, { decision: 'reject', comment: '请核实' })).status).toBe(200);
      expect((await wang.request(`/review/${seq}/correct`)).status).toBe(404);
      expect((await wang.json(`/api/submissions/${seq}/resubmit`, { answers: GOOD })).status).toBe(404);
      expect((await store.getSubmission(seq))?.reviewStatus).toBe('rejected');
      expect((await store.getSubmission(own))?.reviewStatus).toBe('approved');
      // The quality view is the supervisors' and the admin's.
      // A reviewer following the list's correction link lands on the review page.
      expect((await li.request(`/review/${seq}/correct`)).headers.get('location')).toBe(`/review/${seq}`);
      expect(((await (await wang.request('/api/submissions')).json()) as { submissions: { seq: number; review_status: string }[] }).submissions.find((s) => s.seq === own)).toMatchObject({ review_status: 'approved' });
      const quality = await (await li.request('/quality')).text();
      expect(quality).toContain('调查员质量');
      expect(quality).toContain('王五');
    });
  });
});

describe('the correction form', () => {
  it('reads ranks, multi-selects and cleared answers as the form script sends them, and drops answers the skip logic no longer asks', () => {
    const form = compileForm(
      formSpec(
        parseCodebook(
          `id: rank-form
variables:
  - {name: area, type: single, choices: {1: 城市, 2: 农村}, required: true}
  - {name: farm_years, type: numeric, relevant: area == 2}
  - {name: top, type: rank, choices: {1: 教育, 2: 医疗, 3: 就业}}
  - {name: hobby, type: multi, choices: {1: 运动, 2: 阅读}}
  - {name: note, type: text}
`,
          'q.yaml',
        ),
      ),
    );
    const fields = new FormData();
    for (const [k, v] of [['area', '1'], ['farm_years', '12'], ['top.1', '2'], ['top.2', '1'], ['top.3', ''], ['hobby', '1'], ['hobby', '2'], ['note', '  ']]) fields.append(k, v);
    const input = correctionInput(form, fields);
    expect(input).toEqual({ area: '1', farm_years: '12', top: ['2', '1'], hobby: ['1', '2'] });
    const checked = checkCorrection(form, input);
    expect(checked.errors).toEqual([]);
    expect(checked.answers).toEqual({ area: 1, top: [2, 1], hobby: [1, 2] });
  });
});
