import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { hashPassword, parseCodebook } from '../../src/index.js';
import { browserServer } from '../helpers/browser-server.js';
import { chromiumAvailable } from '../helpers/chromium.js';
import { runCli } from '../helpers/run-cli.js';

// A real browser (Debian's chromium, driven by playwright-core; no browser download) fills the
// bundled study's questionnaire as an enumerator would, on a phone-sized screen.

const bazhou = fileURLToPath(new URL('../../data-samples/bazhou-2025/', import.meta.url));

/**
 * The bundled codebook with two questions the bundled 问卷星 export does not have: a follow-up
 * asked only of retired respondents (skip logic) and a multi-select, one of whose labels is markup.
 */
function extendedCodebook(): string {
  const doc = parseDocument(readFileSync(join(bazhou, 'codebook.yaml'), 'utf8'));
  const variables = doc.get('variables') as { items: unknown[] };
  const at = (name: string) => variables.items.findIndex((v) => (v as { get(k: string): unknown }).get('name') === name);
  variables.items.splice(at('occupation') + 1, 0, doc.createNode({ name: 'retire_year', label: '您哪一年退休？', label_en: 'Year of retirement', type: 'numeric', range: [1960, 2025], relevant: 'occupation == 6', required: true }));
  variables.items.splice(
    at('happiness') + 1,
    0,
    doc.createNode({ name: 'happy_sources', label: '您的幸福感主要来自哪些方面？（可多选）', type: 'multi', choices: { 1: '家庭', 2: '健康', 3: '收入', 4: '工作', 5: '<img src=x onerror=alert(1)>其他' } }),
  );
  return doc.toString();
}

describe.skipIf(!chromiumAvailable)('the questionnaire in a real browser', () => {
  const password = 'one-time-Pw7k';
  const at = browserServer(
    'survey-browser-',
    (dir) => {
      writeFileSync(join(dir, 'codebook.yaml'), extendedCodebook());
      writeFileSync(join(dir, 'plan.yaml'), 'codebook: codebook.yaml\nquotas: {area: {城市: 6000, 农村: 4000}}\n');
      return parseCodebook(readFileSync(join(dir, 'codebook.yaml'), 'utf8'), 'codebook.yaml');
    },
    async (store) => {
      await store.addUser('张三', 'enumerator', await hashPassword(password));
    },
  );

  it('fills the bundled questionnaire: skip logic, a corrected validation error, a multi-select and a grid; the row arrives in the database and in survey export', async () => {
    const context = await at.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const option = (name: string, label: string) => page.locator(`#q-${name} label.opt`, { hasText: label }).first();

    // First log-in with the one-time password, which must be changed.
    await page.goto(`${at.server.url}/`);
    await page.fill('input[name=name]', '张三');
    await page.fill('input[name=password]', password);
    await Promise.all([page.waitForURL('**/account/password'), page.click('button.primary')]);
    await page.fill('input[name=current]', password);
    await page.fill('input[name=password]', 'my own long password');
    await Promise.all([page.waitForURL('**/login'), page.click('button.primary')]);
    await page.fill('input[name=name]', '张三');
    await page.fill('input[name=password]', 'my own long password');
    await Promise.all([page.waitForURL('**/form'), page.click('button.primary')]);
    await page.waitForSelector('html[data-ready=true]', { state: 'attached' });

    await option('area', '农村').click();
    await option('sex', '女').click();
    // A validation error, then corrected.
    await page.fill('#q-age input', '15');
    await page.locator('#q-age input').blur();
    await expect.poll(() => page.textContent('#err-age')).toBe('应在 18 到 100 之间');
    await page.fill('#q-age input', '67');
    await page.locator('#q-age input').blur();
    await expect.poll(() => page.isHidden('#err-age')).toBe(true);
    await option('education', '小学及以下').click();
    // Skip logic: the follow-up appears only for the retired.
    await option('occupation', '务农').click();
    expect(await page.isHidden('#q-retire_year')).toBe(true);
    await option('occupation', '离退休').click();
    expect(await page.isVisible('#q-retire_year')).toBe(true);
    await page.fill('#q-retire_year input', '2015');
    await page.fill('#q-household_size input', '2');
    await page.fill('#q-income input', '9000');
    await option('happiness', '比较幸福').click();
    // A multi-select; the label with markup is shown as text and runs nothing.
    await option('happy_sources', '家庭').click();
    await option('happy_sources', '健康').click();
    expect(await option('happy_sources', '其他').textContent()).toBe('<img src=x onerror=alert(1)>其他');
    // The satisfaction grid: one answer per row, one of them 说不清.
    const grid = ['sat_income', 'sat_family', 'sat_basic_services', 'sat_work', 'sat_social_env', 'sat_food_safety', 'sat_public_services', 'sat_housing', 'sat_transport', 'sat_ecology', 'sat_health_cost'];
    const gridAnswers = [3, 5, 4, 4, 4, 3, 4, 4, 2, 5, 8];
    expect(await page.locator('section.grid').count()).toBe(2);
    for (let k = 0; k < grid.length; k++) await page.locator(`#q-${grid[k]} input[value="${gridAnswers[k]}"]`).click();
    await page.locator('#q-prog_care input[value="8"]').click();
    await page.screenshot({ path: join(at.dir, 'form.png'), fullPage: true });

    await page.click('button.primary');
    await expect.poll(() => page.textContent('#status'), { timeout: 10_000 }).toBe('已提交，问卷编号 1。可以开始下一份。');
    // The form is ready for the next respondent.
    expect(await page.inputValue('#q-age input')).toBe('');
    expect(problems).toEqual([]);

    const stored = await at.store.getSubmission(1);
    expect(stored?.enumerator).toBe('张三');
    expect(stored?.answers).toEqual({
      area: 2,
      sex: 2,
      age: 67,
      education: 1,
      occupation: 6,
      retire_year: 2015,
      household_size: 2,
      income: 9000,
      happiness: 4,
      happy_sources: [1, 2],
      ...Object.fromEntries(grid.map((g, k) => [g, gridAnswers[k]])),
      prog_care: 8,
    });
    expect(stored?.durationS).toBeGreaterThanOrEqual(0);
    expect(stored?.device).toContain('Chrome');

    const out = join(at.dir, 'responses.csv');
    const r = await runCli(['export', join(at.dir, 'plan.yaml'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(1);
    const cells = parsed.data[0];
    expect(cells).toMatchObject({
      _source_row: '1',
      id: '1',
      source: '张三',
      ip: '127.0.0.1',
      area: '2',
      age: '67',
      occupation: '6',
      retire_year: '2015',
      happiness: '4',
      happy_sources_1: '1',
      happy_sources_2: '1',
      happy_sources_3: '0',
      happy_sources_5: '0',
      sat_transport: '2',
      sat_health_cost: '8',
      prog_care: '8',
      prog_voice: '',
    });
    await context.close();
  });

  it('marks the required questions of an empty questionnaire and sends nothing', async () => {
    const page = await at.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${at.server.url}/login`);
    await page.fill('input[name=name]', '张三');
    await page.fill('input[name=password]', 'my own long password');
    await Promise.all([page.waitForURL('**/form'), page.click('button.primary')]);
    await page.waitForSelector('html[data-ready=true]', { state: 'attached' });
    await page.click('button.primary');
    await expect.poll(() => page.textContent('#err-area')).toBe('本题必答');
    expect(await page.textContent('#status')).toBe('请先更正标出的问题。');
    expect(await at.store.listSubmissions()).toHaveLength(1);
    await page.close();
  });
});
