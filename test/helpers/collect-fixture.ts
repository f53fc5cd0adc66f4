import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll } from 'vitest';
import { createCollectApp, formSpec, hashPassword, LoginLimiter, openStore, parseCodebook, type Codebook, type Role, type SubmissionStore } from '../../src/index.js';
import { postgresAvailable, startPostgres, type TestPostgres } from './postgres.js';
import { tempDir } from './run-cli.js';

/** A small questionnaire with every form feature: skip logic, a multi-select, a grid, range, constraint, text — and hostile labels. */
export const FIXTURE_CODEBOOK = `
id: fixture-2025
title: 测试问卷 <script>alert('title')</script>
variables:
  - {name: area, label: 您目前的居住地是？, label_en: Where do you live?, type: single, choices: {1: 城市, 2: 农村}, required: true}
  - name: age
    label: 您的年龄是（周岁）？
    type: numeric
    range: [18, 100]
    required: true
  - name: farm_years
    label: 您务农多少年了？
    type: numeric
    relevant: area == 2
    constraint: ". <= age - 10"
    constraint_message: 务农年数不能超过年龄减10
    required: true
  - name: hobby
    label: 您的爱好（可多选）<img src=x onerror="alert('label')">
    type: multi
    choices: {1: 运动, 2: 阅读, 3: <b>旅游</b>}
  - {name: hobby_sport_hours, label: 每周运动几小时？, type: numeric, relevant: "selected(hobby, 1)", range: [0, 80]}
  - {name: sat_income, label: 收入, type: single, group: satisfaction, choices: {1: 很不满意, 2: 不太满意, 3: 一般, 4: 比较满意, 5: 非常满意}, missing: {8: 说不清}}
  - {name: sat_family, label: 家庭生活, type: single, group: satisfaction, choices: {1: 很不满意, 2: 不太满意, 3: 一般, 4: 比较满意, 5: 非常满意}, missing: {8: 说不清}}
  - {name: note, label: 备注, type: text}
checks:
  - {name: young-farmer, check: "not (area == 2 and age < 20)", message: 农村受访者小于20岁}
`;

export function fixtureCodebook(): Codebook {
  return parseCodebook(FIXTURE_CODEBOOK, 'fixture.yaml');
}

/** A browser-like client for the app in-process: keeps cookies, sends the CSRF token it was given. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly app: Hono<any>) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('host', 'survey.test');
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await this.app.request(`http://survey.test${path}`, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Posts a form as a browser does (urlencoded), with the page's CSRF token unless told otherwise. */
  post(path: string, fields: Record<string, string>, csrf: string | null = this.csrf): Promise<Response> {
    const body = new URLSearchParams({ ...(csrf === null ? {} : { _csrf: csrf }), ...fields });
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Posts JSON to the API with the session's CSRF header. */
  json(path: string, value: unknown, csrf: string | null = this.csrf): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (csrf !== null) headers['x-csrf-token'] = csrf;
    return this.request(path, { method: 'POST', body: JSON.stringify(value), headers });
  }

  /** Logs in through the login page (reading its CSRF token), then reads the session's token from a page. */
  async login(name: string, password: string): Promise<Response> {
    const page = await (await this.request('/login')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const response = await this.post('/login', { name, password }, token);
    if (response.status === 303) {
      const next = await (await this.request('/submissions')).text();
      this.csrf = /name="csrf-token" content="([^"]+)"/.exec(next)?.[1] ?? /name="_csrf" value="([^"]+)"/.exec(next)?.[1] ?? '';
    }
    return response;
  }
}

/** Adds an account whose password needs no change (as after the first log-in). */
export async function addAccount(store: SubmissionStore, name: string, role: Role, password = 'correct horse battery'): Promise<void> {
  const user = await store.addUser(name, role, await hashPassword(password));
  await store.setPassword(user.userId, user.passwordHash, false);
}

/** The collection app over a store, with the fixture questionnaire (or another codebook). */
export function fixtureApp(store: SubmissionStore, codebook: Codebook = fixtureCodebook(), limiter?: LoginLimiter) {
  return createCollectApp({
    store,
    spec: formSpec(codebook),
    quotas: { area: { 城市: 3, 农村: 2 } },
    assets: { 'form.js': { type: 'text/javascript', body: '/* form */' }, 'form.css': { type: 'text/css', body: '/* css */' } },
    limiter,
  });
}

/**
 * The two collection databases for `describe.each`: a fresh SQLite file, or a fresh database on a
 * throwaway PostgreSQL cluster started for the test file (skipped where PostgreSQL is not installed;
 * required in CI). Call at the top level of a test file. `address()` names a fresh database;
 * `open()` opens one.
 */
export function collectionBackends(prefix: string, formId = 'fixture-2025') {
  let pg: TestPostgres | null = null;
  let databases = 0;
  beforeAll(async () => {
    if (postgresAvailable()) pg = await startPostgres();
    else if (process.env.CI) throw new Error('PostgreSQL is needed for these tests in CI (apt-get install postgresql)');
  });
  afterAll(() => pg?.stop());
  const sqlite = () => join(tempDir(`survey-${prefix}-`), 'submissions.sqlite');
  const postgres = () => (pg as TestPostgres).database(`${prefix}_${++databases}`);
  return [
    { name: 'sqlite' as const, available: () => true, address: sqlite, open: (id = formId) => openStore(sqlite(), { formId: id }) },
    { name: 'postgres' as const, available: () => pg !== null, address: postgres, open: (id = formId) => openStore(postgres(), { formId: id }) },
  ];
}
