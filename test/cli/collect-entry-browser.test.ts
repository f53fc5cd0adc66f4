import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserServer } from '../helpers/browser-server.js';
import { chromiumAvailable } from '../helpers/chromium.js';
import { addAccount, FIXTURE_CODEBOOK, fixtureCodebook } from '../helpers/collect-fixture.js';
import { runCli } from '../helpers/run-cli.js';

// Two operators key the same paper questionnaire by keyboard in a real browser (Debian's
// chromium through playwright-core), with one difference; the admin resolves it; the export has
// the verified row.
describe.skipIf(!chromiumAvailable)('paper entry in a real browser', () => {
  const at = browserServer(
    'survey-entry-browser-',
    (dir) => {
      writeFileSync(join(dir, 'codebook.yaml'), FIXTURE_CODEBOOK);
      return fixtureCodebook();
    },
    async (store) => {
      for (const [who, role] of [['王录入', 'enumerator'], ['李录入', 'enumerator'], ['管理员', 'admin']] as const) await addAccount(store, who, role);
    },
  );

  async function logIn(who: string, landing: string): Promise<Page> {
    const page = await at.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => {
      throw e;
    });
    await page.goto(`${at.server.url}/login`);
    await page.fill('input[name=name]', who);
    await page.fill('input[name=password]', 'correct horse battery');
    await Promise.all([page.waitForURL(/\/(form|dashboard)$/), page.click('button.primary')]);
    await page.goto(`${at.server.url}${landing}`);
    return page;
  }
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id);

  /** Keys questionnaire 3001 with the keyboard only; `age` is what this operator reads on the paper. */
  async function keyQuestionnaire(page: Page, age: string): Promise<void> {
    await page.waitForSelector('html[data-ready=true]', { state: 'attached' });
    expect(await focused(page)).toBe('f-_form_no');
    await page.keyboard.type('3001');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('f-area');
    // A complete code moves on by itself.
    await page.keyboard.type('2');
    expect(await focused(page)).toBe('f-age');
    // Out of range as typed: the field says so and does not move on.
    await page.keyboard.type('150');
    expect(await page.textContent('#ee-age')).toBe('超出范围');
    expect(await focused(page)).toBe('f-age');
    for (let k = 0; k < 3; k++) await page.keyboard.press('Backspace');
    await page.keyboard.type(age);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('f-farm_years');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1 3');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('f-hobby_sport_hours');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await page.keyboard.type('4'); // sat_income: auto-advance
    await page.keyboard.type('8'); // sat_family (说不清): auto-advance
    expect(await focused(page)).toBe('f-note');
    await page.keyboard.type('无');
    await page.keyboard.press('Enter'); // after the last question: saved
  }

  it('two operators key one questionnaire (one difference), the admin resolves it, the export has the verified row', async () => {
    const wang = await logIn('王录入', '/entry');
    // Skip logic: 城市 (1) skips 务农年数, which is disabled and jumped over.
    await wang.waitForSelector('html[data-ready=true]', { state: 'attached' });
    await wang.keyboard.type('3000');
    await wang.keyboard.press('Enter');
    await expect.poll(() => focused(wang)).toBe('f-area');
    await wang.keyboard.type('1');
    expect(await wang.isDisabled('#f-farm_years')).toBe(true);
    await wang.keyboard.type('30');
    await wang.keyboard.press('Enter');
    expect(await focused(wang)).toBe('f-hobby');
    await wang.goto(`${at.server.url}/entry`);

    await keyQuestionnaire(wang, '45');
    await expect.poll(() => wang.textContent('#status')).toBe('问卷 3001 第 1 遍已保存。等待另一名录入员录入第二遍。请录入下一份。');
    expect(await focused(wang)).toBe('f-_form_no');
    // The same operator cannot key the second pass.
    await wang.keyboard.type('3001');
    await wang.keyboard.press('Enter');
    await expect.poll(() => wang.textContent('#ee-_form_no')).toBe('你已录入过这份问卷，另一遍须由其他录入员录入');
    await wang.close();

    const li = await logIn('李录入', '/entry');
    await keyQuestionnaire(li, '54');
    await expect.poll(() => li.textContent('#status')).toBe('问卷 3001 第 2 遍已保存。两遍有不一致之处，待核查。请录入下一份。');
    await li.screenshot({ path: join(at.dir, 'entry.png'), fullPage: true });
    await li.close();

    const verify = (await runCli(['verify', join(at.dir, 'codebook.yaml'), '--db', join(at.dir, 'submissions.sqlite')]));
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('3001\tage\t45\t54\t');

    const admin = await logIn('管理员', '/entry/verify');
    expect(await admin.textContent('#disagreements tbody')).toContain('3001age您的年龄是（周岁）？4554');
    await admin.click('#disagreements a');
    await admin.check('input[name="c:age"][value="first"]');
    await Promise.all([admin.waitForURL('**/entry/verify/3001'), admin.click('button.primary')]);
    expect(await admin.textContent('#history tbody')).toContain('管理员age45');
    await admin.screenshot({ path: join(at.dir, 'verify.png'), fullPage: true });
    await admin.close();

    const out = join(at.dir, 'responses.csv');
    const exported = (await runCli(['export', join(at.dir, 'codebook.yaml'), '--db', join(at.dir, 'submissions.sqlite'), '--out', out]));
    expect(exported.code, exported.stderr).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ area: '2', age: '45', farm_years: '20', hobby_1: '1', hobby_2: '0', hobby_3: '1', hobby_sport_hours: '4', sat_income: '4', sat_family: '8', note: '无', source: '王录入' });
    expect(rows[0].source_detail).toBe('paper 3001; double entry: 王录入, 李录入; 1 adjudicated');
  });
});
