import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserServer } from '../helpers/browser-server.js';
import { chromiumAvailable } from '../helpers/chromium.js';
import { addAccount, fixtureCodebook } from '../helpers/collect-fixture.js';

// Supervision in a real browser on a phone-sized screen: an enumerator submits, a supervisor
// rejects with a comment, the enumerator reads it, corrects and resubmits, the supervisor approves.

const PASSWORD = 'correct horse battery';
const COMMENT = '年龄与户口簿不符，请核实：应为45岁';

describe.skipIf(!chromiumAvailable)('supervision in a real browser', () => {
  const at = browserServer('survey-review-browser-', fixtureCodebook, async (store) => {
    await addAccount(store, '张三', 'enumerator', PASSWORD);
    await addAccount(store, '李四', 'supervisor', PASSWORD);
  });

  /** A phone-sized page logged in as one account, failing the test on any script error. */
  const phone = async (name: string, landing: string, problems: string[]): Promise<Page> => {
    const context = await at.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`${name} pageerror: ${e.message}`));
    await page.goto(`${at.server.url}/login`);
    await page.fill('input[name=name]', name);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForURL(`**${landing}`), page.click('button.primary')]);
    return page;
  };

  it('rejects with a comment, the enumerator corrects and resubmits, the supervisor approves: version 3+, every step in the audit log', async () => {
    const problems: string[] = [];
    const zhang = await phone('张三', '/form', problems);
    await zhang.waitForSelector('html[data-ready=true]', { state: 'attached' });
    await zhang.locator('#q-area label.opt', { hasText: '城市' }).click();
    await zhang.fill('#q-age input', '30');
    await zhang.locator('#q-sat_income input[value="4"]').click();
    await zhang.locator('#q-sat_family input[value="8"]').click();
    await zhang.click('button.primary');
    await expect.poll(() => zhang.textContent('#status'), { timeout: 10_000 }).toBe('已提交，问卷编号 1。可以开始下一份。');
    // The enumerator's navigation: the form, paper entry and their submissions, nothing that answers 403.
    expect(await zhang.locator('nav.top a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/form', '/entry', '/submissions']);

    const li = await phone('李四', '/review', problems);
    expect(await li.locator('nav.top a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['/submissions', '/dashboard', '/review', '/quality']);
    await li.screenshot({ path: join(at.dir, 'review-phone.png'), fullPage: true });
    await Promise.all([li.waitForURL('**/review/1'), li.click('a[href="/review/1"]')]);
    // The decision buttons are large enough to tap (44 px, the usual guideline).
    for (const button of ['approve', 'reject']) expect((await li.locator(`button[value=${button}]`).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await li.screenshot({ path: join(at.dir, 'decision-phone.png'), fullPage: true });
    await li.fill('textarea[name=comment]', COMMENT);
    await Promise.all([li.waitForURL('**/review?status=pending'), li.click('button[value=reject]')]);
    expect(await at.store.getSubmission(1)).toMatchObject({ reviewStatus: 'rejected', reviewComment: COMMENT });

    await zhang.goto(`${at.server.url}/submissions`);
    expect(await zhang.textContent('main')).toContain(COMMENT);
    await Promise.all([zhang.waitForURL('**/review/1/correct'), zhang.click('a[href="/review/1/correct"]')]);
    expect(await zhang.textContent('p.notice')).toBe(COMMENT);
    await zhang.screenshot({ path: join(at.dir, 'correct-phone.png'), fullPage: true });
    await zhang.fill('input[name=age]', '45');
    await zhang.fill('input[name=_note]', '已核实户口簿');
    await Promise.all([zhang.waitForURL('**/submissions'), zhang.click('button.primary')]);
    expect(await at.store.getSubmission(1)).toMatchObject({ reviewStatus: 'pending', answers: { age: 45 } });

    await li.goto(`${at.server.url}/review/1`);
    await Promise.all([li.waitForURL('**/review?status=pending'), li.click('button[value=approve]')]);
    await li.goto(`${at.server.url}/quality`);
    await li.screenshot({ path: join(at.dir, 'quality-phone.png'), fullPage: true });
    // On a phone the quality table scrolls sideways inside itself; the page does not.
    expect(await li.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await li.locator('table.quality').evaluate((t) => t.scrollWidth > t.clientWidth)).toBe(true);

    // The paper-entry screen on a phone: the code fields fit the screen and are large enough to tap.
    await zhang.goto(`${at.server.url}/entry`);
    await zhang.waitForSelector('#f-age');
    await zhang.screenshot({ path: join(at.dir, 'entry-phone.png'), fullPage: true });
    expect(await zhang.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect((await zhang.locator('#f-age').boundingBox())!.height).toBeGreaterThanOrEqual(44);

    const final = await at.store.getSubmission(1);
    expect(final).toMatchObject({ reviewStatus: 'approved', answers: { age: 45 } });
    expect(final!.version).toBeGreaterThanOrEqual(3);
    expect((await at.store.auditLog(1)).map((e) => e.action)).toEqual(['submit', 'reject', 'resubmit', 'approve']);
    expect(problems).toEqual([]);
  }, 30_000);
});
