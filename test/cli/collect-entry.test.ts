import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type SubmissionStore } from '../../src/index.js';
import { addAccount, collectionBackends, FIXTURE_CODEBOOK, fixtureApp, fixtureCodebook, TestClient } from '../helpers/collect-fixture.js';
import { postgresAvailable } from '../helpers/postgres.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

// Paper double data entry on both databases: two operators key each questionnaire, the second
// blind to the first; the admin adjudicates; only verified questionnaires reach the export.
const backends = collectionBackends('entry').map(({ name, address }) => ({ name, db: address }));

const PAPER = { area: 2, age: 45, farm_years: 20, hobby: [1, 3], hobby_sport_hours: 4, sat_income: 4, sat_family: 8, note: '<script>alert(1)</script>' };

describe.each(backends)('double data entry on $name', ({ name, db }) => {
  const skip = name === 'postgres' && !postgresAvailable();
  let store: SubmissionStore;
  let address: string;
  const clients: Record<string, TestClient> = {};
  beforeAll(async () => {
    if (skip) return;
    address = db();
    store = await openStore(address, { formId: fixtureCodebook().id });
    for (const [who, role] of [['王录入', 'enumerator'], ['李录入', 'enumerator'], ['管理员', 'admin'], ['看客', 'viewer']] as const) await addAccount(store, who, role);
    const app = fixtureApp(store);
    for (const who of ['王录入', '李录入', '管理员', '看客']) {
      clients[who] = new TestClient(app);
      await clients[who].login(who, 'correct horse battery');
    }
  });
  afterAll(() => store?.close());

  it.skipIf(skip)('keys each number twice by two operators, blind, and refuses a third pass, the same operator twice and bad values', async () => {
    const wang = clients['王录入'];
    const li = clients['李录入'];
    const key = (c: TestClient, no: string, answers: Record<string, unknown>, csrf?: string | null) => c.json('/api/entry', { form_no: no, answers, started_at: new Date().toISOString() }, csrf);
    expect((await key(wang, '1001', PAPER, null)).status).toBe(403); // no CSRF token
    expect((await key(wang, '1001', { ...PAPER, age: 150 })).status).toBe(422); // range
    expect((await key(wang, '1001', { ...PAPER, area: 1 })).status).toBe(422); // farm_years keyed although skipped
    expect((await key(wang, '10 01', PAPER)).status).toBe(400);
    const first = await key(wang, '1001', PAPER);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ pass: 1, state: 'keyed-once' });
    expect((await key(wang, '1001', PAPER)).status).toBe(200); // a retry stores nothing new
    // The second operator learns only that one pass exists: never its answers.
    const status = await li.request('/api/entry/status?no=1001');
    expect(await status.json()).toEqual({ count: 1, own: false });
    const screen = await (await li.request('/entry')).text();
    expect(screen).not.toContain('alert(1)');
    expect(await (await wang.request('/api/entry/status?no=1001')).json()).toEqual({ count: 1, own: true });
    expect((await key(wang, '1001', { ...PAPER, age: 46 })).status).toBe(409); // the same operator cannot key the second pass
    const second = await key(li, '1001', { ...PAPER, age: 54, note: '<img src=x onerror=alert(2)>' });
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ pass: 2, state: 'disputed' });
    expect((await key(clients['管理员'], '1001', PAPER)).status).toBe(409); // a third pass
    // A questionnaire keyed alike twice is verified at once; one keyed once waits.
    expect(await (await key(wang, '1002', { area: 1, age: 30 })).json()).toMatchObject({ state: 'keyed-once' });
    expect(await (await key(li, '1002', { area: 1, age: 30 })).json()).toMatchObject({ state: 'verified' });
    expect((await key(li, '1003', { area: 1, age: 31 })).status).toBe(201);
  });

  it.skipIf(skip)('lets only operators key and only the admin adjudicate', async () => {
    expect((await clients['看客'].request('/entry')).status).toBe(403);
    expect((await clients['看客'].json('/api/entry', { form_no: '9', answers: {} })).status).toBe(403);
    expect((await clients['王录入'].request('/entry/verify')).status).toBe(403);
    expect((await clients['王录入'].post('/entry/verify/1001', { 'c:age': 'first' })).status).toBe(403);
    expect((await new TestClient(fixtureApp(store)).request('/entry')).status).toBe(303);
  });

  it.skipIf(skip)('lists the disagreement, resolves it with a logged choice, and exports only verified questionnaires, marked as paper', async () => {
    const admin = clients['管理员'];
    const overview = await (await admin.request('/entry/verify')).text();
    expect(overview).toMatch(/<td><a href="\/entry\/verify\/1001">1001<\/a><\/td><td>age<\/td><td>[^<]*<\/td><td>45<\/td><td>54<\/td><td><\/td>/);
    expect(overview).toContain('录入 1 份一遍、1 份待核查、1 份已核实');
    // Before adjudication: only 1002 is a submission.
    let rows = (await store.listSubmissions()).map((s) => s.id);
    expect(rows).toEqual(['paper-1002']);
    // Keyed text is shown as text, never markup.
    const page = await (await admin.request('/entry/verify/1001')).text();
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(page).not.toContain('<img src=x');
    expect((await admin.post('/entry/verify/1001', { 'c:age': 'first' }, null)).status).toBe(403); // CSRF
    expect((await admin.post('/entry/verify/1001', { 'c:age': 'other', 'o:age': '200' })).status).toBe(422); // out of range
    const resolved = await admin.post('/entry/verify/1001', { 'c:age': 'other', 'o:age': '47', 'c:note': 'first' });
    expect(resolved.status).toBe(303);
    const after = await (await admin.request('/entry/verify/1001')).text();
    expect(after).toMatch(/<td>[^<]+<\/td><td>管理员<\/td><td>age<\/td><td>47<\/td>/);
    rows = (await store.listSubmissions()).map((s) => s.id);
    expect(rows).toEqual(['paper-1002', 'paper-1001']);
    const paper = (await store.listSubmissions()).find((s) => s.id === 'paper-1001');
    expect(paper).toMatchObject({ answers: { ...PAPER, age: 47 }, durationS: null, device: 'paper 1001; double entry: 王录入, 李录入; 2 adjudicated' });
    // A verified questionnaire takes no more resolutions; the log is append-only.
    expect((await admin.post('/entry/verify/1001', { 'c:age': 'first' })).status).toBe(409);
    await expect(store.driver.run("UPDATE entry_resolutions SET chosen = '1'")).rejects.toThrow(/append-only/);
    await expect(store.driver.run('DELETE FROM entry_passes')).rejects.toThrow(/append-only/);
  });

  it.skipIf(skip)('survey verify lists disagreements and per-operator rates; survey export has the verified rows', async () => {
    const dir = tempDir('survey-entry-cli-');
    const plan = join(dir, 'codebook.yaml');
    writeFileSync(plan, FIXTURE_CODEBOOK);
    const verify = (await runCli(['verify', plan, '--db', address, '--json']));
    expect(verify.code, verify.stderr).toBe(0);
    const report = JSON.parse(verify.stdout);
    expect(report.questionnaires).toEqual({ keyed_once: 1, disputed: 0, verified: 2 });
    expect(report.disagreements).toEqual([
      expect.objectContaining({ questionnaire: '1001', variable: 'age', first_entry: 45, second_entry: 54, resolved: true, chosen: 47, resolved_by: '管理员' }),
      expect.objectContaining({ questionnaire: '1001', variable: 'note', first_entry: PAPER.note, second_entry: '<img src=x onerror=alert(2)>', chosen: PAPER.note }),
    ]);
    const fields = 8 * 2;
    expect(report.operators).toEqual([
      // 李录入 keyed the age and the note wrong; 王录入 the age (the adjudicator found 47 on the paper).
      { operator: '李录入', passes: 3, compared: 2, fields, disagreements: 2, discrepancy_rate: 2 / fields, errors: 2, error_rate: 2 / fields },
      { operator: '王录入', passes: 2, compared: 2, fields, disagreements: 2, discrepancy_rate: 2 / fields, errors: 1, error_rate: 1 / fields },
    ]);
    const out = join(dir, 'responses.csv');
    expect((await runCli(['export', plan, '--db', address, '--out', out])).code).toBe(0);
    const table = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(table.map((r) => [r.age, r.source, r.source_detail.slice(0, 10)])).toEqual([
      ['30', '王录入', 'paper 1002'],
      ['47', '王录入', 'paper 1001'],
    ]);
  });
});
