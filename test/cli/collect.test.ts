import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvLine, formSpec, loadCodebook, openStore, parseCodebook, type Codebook, type NewSubmission } from '../../src/index.js';
import { FIXTURE_CODEBOOK } from '../helpers/collect-fixture.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const bazhou = fileURLToPath(new URL('../../data-samples/bazhou-2025/', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/survey.js', import.meta.url));

/** A local 问卷星 time (`2025/03/10 08:09:31`) for an ISO instant, in this process's zone as the CLI's. */
function wjxTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}/${p(d.getMonth() + 1)}/${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * The same questionnaires as a 问卷星 按文本 download would hold them: metadata columns, answer
 * labels, multi-selects joined with ┋, (跳过) for questions skipped by logic.
 */
function wjxTextExport(codebook: Codebook, rows: { seq: number; user: string; s: NewSubmission }[]): string {
  const questions = formSpec(codebook).questions;
  const header = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', ...questions.map((q) => q.name)];
  const lines = rows.map(({ seq, user, s }) => [
    seq,
    wjxTime(s.receivedAt),
    `${s.durationS}秒`,
    user,
    s.device,
    s.ip,
    ...questions.map((q) => {
      const answer = s.answers[q.name];
      if (answer === undefined || answer === null) return '(跳过)';
      const labelOf = (code: unknown) => q.choices.find((c) => String(c.code) === String(code))?.label ?? String(code);
      if (Array.isArray(answer)) return answer.map(labelOf).join('┋');
      return q.choices.length ? labelOf(answer) : answer;
    }),
  ]);
  return [header, ...lines].map((l) => csvLine(l)).join('');
}

async function seed(db: string, codebook: Codebook, answers: NewSubmission['answers'][]): Promise<{ seq: number; user: string; s: NewSubmission }[]> {
  const store = await openStore(db, { formId: codebook.id });
  const users = [await store.addUser('张三', 'enumerator', 'x'), await store.addUser('李四, "Li"', 'enumerator', 'x')];
  const out = [];
  for (let i = 0; i < answers.length; i++) {
    const user = users[i % 2];
    const s: NewSubmission = {
      id: `seed-${i}-0000000`,
      formId: codebook.id,
      enumeratorId: user.userId,
      answers: answers[i],
      startedAt: null,
      endedAt: null,
      receivedAt: new Date(Date.UTC(2025, 2, 10, 8, 9, 31) + i * 61_000).toISOString(),
      durationS: 570 + i,
      device: 'Mozilla/5.0 (Linux; Android 14) "Phone", =cmd',
      ip: `10.0.0.${i + 1}`,
      latitude: null,
      longitude: null,
    };
    const { submission } = await store.submit(s);
    out.push({ seq: submission.seq, user: user.name, s });
  }
  await store.close();
  return out;
}

describe('survey export', () => {
  it('writes the header of the coded table before the first submission: the columns ingest writes for the bundled 问卷星 export', async () => {
    const dir = tempDir();
    const ingest = await runCli(['ingest', join(bazhou, 'wjx-export.xlsx'), '--codebook', join(bazhou, 'codebook.yaml'), '--out', join(dir, 'coded.csv')]);
    expect(ingest.code).toBe(1); // the bundled export has 50 unknown answers on purpose
    await (await openStore(join(dir, 'empty.sqlite'))).close();
    const r = await runCli(['export', join(bazhou, 'plan.yaml'), '--db', join(dir, 'empty.sqlite'), '--out', join(dir, 'responses.csv'), '--json']);
    expect(r.stderr).toContain('0 submissions');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 0, columns: 35 });
    const header = readFileSync(join(dir, 'coded.csv'), 'utf8').split('\n')[0];
    expect(readFileSync(join(dir, 'responses.csv'), 'utf8')).toBe(`${header}\n`);
  });

  it('gives exactly the table survey ingest writes from a 问卷星 export of the same questionnaires (bundled study)', async () => {
    const dir = tempDir();
    const codebook = await loadCodebook(join(bazhou, 'codebook.yaml'));
    const answers: NewSubmission['answers'][] = [
      { area: 1, sex: 2, age: 34, education: 5, occupation: 2, household_size: 3, income: 52000, happiness: 4, sat_income: 3, sat_family: 5, sat_health_cost: 8, prog_care: 8 },
      { area: 2, sex: 1, age: 67, education: 1, occupation: 6, household_size: 2, income: 9000.5, happiness: 9 },
      { area: 1, sex: 1, happiness: 1 },
    ];
    const rows = await seed(join(dir, 'submissions.sqlite'), codebook, answers);
    writeFileSync(join(dir, 'wjx.csv'), wjxTextExport(codebook, rows));
    const ingest = await runCli(['ingest', join(dir, 'wjx.csv'), '--codebook', join(bazhou, 'codebook.yaml'), '--out', join(dir, 'ingested.csv')]);
    expect(ingest.code, ingest.stderr).toBe(0);
    copyFileSync(join(bazhou, 'plan.yaml'), join(dir, 'plan.yaml'));
    writeFileSync(join(dir, 'plan.yaml'), readFileSync(join(dir, 'plan.yaml'), 'utf8').replace('codebook: codebook.yaml', `codebook: ${join(bazhou, 'codebook.yaml')}`));
    const r = await runCli(['export', join(dir, 'plan.yaml'), '--out', join(dir, 'exported.csv')]);
    expect(r.code, r.stderr).toBe(0);
    const exported = readFileSync(join(dir, 'exported.csv'), 'utf8');
    expect(exported).toBe(readFileSync(join(dir, 'ingested.csv'), 'utf8'));
    expect(exported.split('\n')[1]).toMatch(/^1,1,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,570,张三,"Mozilla\/5.0 \(Linux; Android 14\) ""Phone"", =cmd",10\.0\.0\.1,,1,2,34,5,2,3,52000,4,3,5,/);
    // Clean reads it as it reads an ingested export.
    const clean = await runCli(['clean', join(dir, 'exported.csv'), '--codebook', join(bazhou, 'codebook.yaml'), '--json']);
    expect(JSON.parse(clean.stdout)).toMatchObject({ input_rows: 3 });
  });

  it('gives exactly the table survey ingest writes for multi-selects and skipped questions, and leaves withdrawn submissions out', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q.yaml'), FIXTURE_CODEBOOK);
    const codebook = parseCodebook(FIXTURE_CODEBOOK, 'q.yaml');
    const answers: NewSubmission['answers'][] = [
      { area: 2, age: 40, farm_years: 20, hobby: [1, 3], hobby_sport_hours: 4, sat_income: 4, sat_family: 8, note: '=1+1 "quoted", <script>' },
      { area: 1, age: 18, hobby: [2], sat_income: 1 },
      { area: 1, age: 50 },
    ];
    const rows = await seed(join(dir, 'submissions.sqlite'), codebook, answers);
    writeFileSync(join(dir, 'wjx.csv'), wjxTextExport(codebook, rows));
    const ingest = await runCli(['ingest', join(dir, 'wjx.csv'), '--codebook', join(dir, 'q.yaml'), '--out', join(dir, 'ingested.csv')]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const r = await runCli(['export', join(dir, 'q.yaml'), '--out', join(dir, 'exported.csv')]);
    expect(r.code, r.stderr).toBe(0);
    const exported = readFileSync(join(dir, 'exported.csv'), 'utf8');
    expect(exported).toBe(readFileSync(join(dir, 'ingested.csv'), 'utf8'));
    expect(exported.split('\n')[0]).toBe('_source_row,id,submitted_at,duration_s,source,source_detail,ip,ip_region,area,age,farm_years,hobby_1,hobby_2,hobby_3,hobby_sport_hours,sat_income,sat_family,note');
    // A withdrawn questionnaire stays in the database, out of the table.
    const store = await openStore(join(dir, 'submissions.sqlite'));
    await store.withdraw(rows[1].seq, 1, 'duplicate interview');
    await store.close();
    const again = await runCli(['export', join(dir, 'q.yaml'), '--out', join(dir, 'exported.csv'), '--force']);
    expect(again.stderr).toContain('1 withdrawn left out');
    expect(readFileSync(join(dir, 'exported.csv'), 'utf8').split('\n').map((l) => l.split(',')[0])).toEqual(['_source_row', '1', '3', '']);
  });

  it('refuses to overwrite without --force', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q.yaml'), FIXTURE_CODEBOOK);
    writeFileSync(join(dir, 'out.csv'), 'keep');
    const r = await runCli(['export', join(dir, 'q.yaml'), '--out', join(dir, 'out.csv')]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('keep');
  });
});

describe('survey run on the collection database', () => {
  it('reads the submissions when the plan names the database as data:', async () => {
    const dir = tempDir();
    const codebook = await loadCodebook(join(bazhou, 'codebook.yaml'));
    // Complete questionnaires (cleaning sets break-offs aside), no two alike, no straight lines.
    const items = codebook.variables.filter((v) => v.group).map((v) => v.name);
    const answers = Array.from({ length: 40 }, (_, i) => ({
      area: 1 + (i % 2),
      sex: 1 + ((i >> 1) % 2),
      age: 20 + i,
      education: 1 + (i % 5),
      occupation: 1 + (i % 4),
      household_size: 1 + (i % 6),
      income: 10000 + 997 * i,
      happiness: 1 + (i % 5),
      ...Object.fromEntries(items.map((name, k) => [name, 1 + ((i * 7 + k * 3) % 5)])),
    }));
    await seed(join(dir, 'submissions.sqlite'), codebook, answers);
    writeFileSync(
      join(dir, 'plan.yaml'),
      `name: collected\ntitle: 回收测试\ndata: submissions.sqlite\ncodebook: ${join(bazhou, 'codebook.yaml')}\noutputs: [md]\nanalyses:\n  - {command: shares, var: happiness, top: 2, by: area}\n  - {command: means, var: income, by: area}\n`,
    );
    const r = await runCli(['run', join(dir, 'plan.yaml'), '--out', join(dir, 'reports'), '--json']);
    expect(r.code, r.stderr).toBeLessThanOrEqual(1);
    expect(r.stderr).toContain('40 submissions from');
    const results = JSON.parse(readFileSync(join(dir, 'reports', 'collected', 'results.json'), 'utf8'));
    expect(JSON.stringify(results)).toContain('"n":40');
    // A plan naming a database that is not there: one line, and neither an empty database nor a report.
    writeFileSync(join(dir, 'missing.yaml'), readFileSync(join(dir, 'plan.yaml'), 'utf8').replace('data: submissions.sqlite', 'data: nowhere.sqlite').replace('name: collected', 'name: nowhere'));
    const missing = await runCli(['run', join(dir, 'missing.yaml'), '--out', join(dir, 'reports')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`data: no such file: ${join(dir, 'nowhere.sqlite')}`);
    expect(existsSync(join(dir, 'nowhere.sqlite'))).toBe(false);
    expect(existsSync(join(dir, 'reports', 'nowhere'))).toBe(false);
  });
});

describe('survey users', () => {
  it('adds an account and prints its one-time password once; the database keeps only a scrypt hash', async () => {
    const dir = tempDir();
    const db = join(dir, 's.sqlite');
    const r = await runCli(['users', 'add', '张三', '--role', 'enumerator', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const password = r.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(r.stderr).toContain('one-time password');
    const store = await openStore(db);
    const user = await store.findUser('张三');
    await store.close();
    expect(user).toMatchObject({ role: 'enumerator', mustChangePassword: true });
    expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(user?.passwordHash).not.toContain(password);
    expect((await runCli(['users', 'add', '张三', '--role', 'enumerator', '--db', db])).code).toBe(2);
    expect((await runCli(['users', 'add', 'x', '--role', 'root', '--db', db])).code).toBe(2);
    const list = await runCli(['users', 'list', '--db', db, '--json']);
    expect(JSON.parse(list.stdout).users).toEqual([expect.objectContaining({ name: '张三', role: 'enumerator', must_change_password: true })]);
    expect(list.stdout).not.toContain('scrypt');
  });

  it('has --help with examples on every collection command', async () => {
    for (const args of [['serve'], ['users'], ['users', 'add'], ['export']]) {
      const r = await runCli([...args, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Examples:');
    }
  });
});

describe('survey serve', () => {
  it('listens on 127.0.0.1 unless --host says otherwise, and serves the form (in English with --lang en) and its service worker', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'q.yaml'), FIXTURE_CODEBOOK);
    const child = spawn(process.execPath, [bin, 'serve', join(dir, 'q.yaml'), '--port', '0', '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /survey serve: (http:\/\/\S+)/.exec(err);
          if (m) resolve(m[1]);
        });
        child.on('exit', () => reject(new Error(err)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const login = await fetch(`${url}/login`);
      expect(login.status).toBe(200);
      const page = await login.text();
      expect(page).toContain('name="_csrf"');
      expect(page).toContain('<h1>Log in</h1>');
      expect((await fetch(`${url}/static/form.js`)).status).toBe(200);
      const worker = await fetch(`${url}/sw.js`);
      expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(await worker.text()).toContain('/static/form.js');
      expect((await fetch(`${url}/form`, { redirect: 'manual' })).headers.get('location')).toBe('/login');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expect(child.exitCode).toBe(0);
  });
});
