import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAssets, createCollectApp, formSpec, openStore, type SubmissionStore } from '../../src/index.js';
import { addAccount, fixtureCodebook } from '../helpers/collect-fixture.js';
import { tempDir } from '../helpers/run-cli.js';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.js';

/**
 * The collection server on a fixed loopback port that the test stops and starts (the enumerator's
 * signal coming and going), optionally dropping the connection of the n-th submission after the
 * server committed it (the answer lost on the way back).
 */
function collectServer(store: SubmissionStore, port: number, dropAfterCommit: number[] = []) {
  const app = createCollectApp({ store, spec: formSpec(fixtureCodebook()), assets: collectAssets() });
  const statuses: number[] = [];
  return new Promise<{ server: ServerType; port: number; statuses: number[] }>((resolve) => {
    const server = serve(
      {
        hostname: '127.0.0.1',
        port,
        fetch: async (request, env: { incoming: { socket: { destroy(): void } } }) => {
          const response = await app.fetch(request, env);
          if (request.method === 'POST' && new URL(request.url).pathname === '/api/submissions') {
            statuses.push(response.status);
            if (dropAfterCommit.includes(statuses.length)) env.incoming.socket.destroy();
          }
          return response;
        },
      },
      (info) => resolve({ server, port: info.port, statuses }),
    );
  });
}
const stop = (server: ServerType) =>
  new Promise<void>((done) => {
    server.close(() => done());
    (server as unknown as { closeAllConnections(): void }).closeAllConnections();
  });

describe.skipIf(!chromiumAvailable)('offline capture in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  async function loggedIn(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${url}/login`);
    await page.fill('input[name=name]', '张三');
    await page.fill('input[name=password]', 'correct horse battery');
    await Promise.all([page.waitForURL('**/form'), page.click('button.primary')]);
    await page.waitForSelector('html[data-ready=true]', { state: 'attached' });
    return page;
  }
  /** Fills and submits one questionnaire (城市, the given age). */
  async function fillOne(page: Page, age: number): Promise<void> {
    await page.locator('#q-area label.opt', { hasText: '城市' }).click();
    await page.fill('#q-age input', String(age));
    await page.click('button.primary');
  }
  const waiting = (page: Page) => page.getAttribute('#queue', 'data-waiting');

  it('keeps three questionnaires filled offline through closing and reopening the page, then sends exactly three, in order, with GPS', async () => {
    const dir = tempDir('survey-offline-');
    const store = await openStore(join(dir, 'submissions.sqlite'), { formId: 'fixture-2025' });
    await addAccount(store, '张三', 'enumerator');
    let running = await collectServer(store, 0);
    const url = `http://127.0.0.1:${running.port}`;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, permissions: ['geolocation'], geolocation: { latitude: 31.868, longitude: 106.747, accuracy: 12 } });
    try {
      let page = await loggedIn(context, url);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.check('#use-gps');
      await expect.poll(() => page.textContent('#gps-status')).toContain('已取得位置');

      // The signal goes: the browser is offline and the server out of reach.
      await stop(running.server);
      await context.setOffline(true);
      for (const [k, age] of [31, 32, 33].entries()) {
        await fillOne(page, age);
        await expect.poll(() => waiting(page)).toBe(String(k + 1));
        expect(await page.inputValue('#q-age input')).toBe('');
      }
      expect(await page.textContent('#status')).toContain('已保存在本机（3 份待同步）');
      expect(await store.listSubmissions()).toHaveLength(0);

      // The page is closed and opened again, still offline: the service worker serves the form.
      await page.close();
      page = await context.newPage();
      await page.goto(`${url}/form`);
      await page.waitForSelector('html[data-ready=true]', { state: 'attached' });
      expect(await waiting(page)).toBe('3');
      expect(await page.textContent('#queue-text')).toContain('本机有 3 份问卷等待同步');

      // The signal returns.
      running = await collectServer(store, running.port);
      await context.setOffline(false);
      await expect.poll(() => waiting(page), { timeout: 15_000 }).toBe('0');
      const rows = await store.listSubmissions();
      expect(rows.map((r) => r.answers.age)).toEqual([31, 32, 33]);
      expect(new Set(rows.map((r) => r.id)).size).toBe(3);
      expect(rows.every((r) => r.enumerator === '张三' && Math.abs((r.latitude ?? 0) - 31.868) < 1e-6 && Math.abs((r.longitude ?? 0) - 106.747) < 1e-6)).toBe(true);
      expect(await page.isHidden('#queue')).toBe(true);
    } finally {
      await context.close();
      await stop(running.server);
      await store.close();
    }
  });

  it('loses and doubles nothing when the server drops the connection mid-sync, and keeps the queue through an expired session until the enumerator logs in', async () => {
    const dir = tempDir('survey-offline-');
    const store = await openStore(join(dir, 'submissions.sqlite'), { formId: 'fixture-2025' });
    await addAccount(store, '张三', 'enumerator');
    let running = await collectServer(store, 0);
    const url = `http://127.0.0.1:${running.port}`;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await loggedIn(context, url);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await stop(running.server);
      await context.setOffline(true);
      for (const age of [41, 42, 43, 44]) await fillOne(page, age);
      await expect.poll(() => waiting(page)).toBe('4');

      // Back online, but the session expired meanwhile: the queue stays and asks for a log-in.
      await store.driver.run('DELETE FROM sessions');
      running = await collectServer(store, running.port, [2]);
      await context.setOffline(false);
      await page.click('#sync-now');
      await expect.poll(() => page.isVisible('#queue-login')).toBe(true);
      expect(await page.textContent('#queue-text')).toContain('登录已过期');
      expect(await waiting(page)).toBe('4');

      // The enumerator logs in; the form page syncs — and the server drops its answer to the second after committing it.
      await page.click('#queue-login');
      await page.fill('input[name=name]', '张三');
      await page.fill('input[name=password]', 'correct horse battery');
      await Promise.all([page.waitForURL('**/form'), page.click('button.primary')]);
      await page.waitForSelector('html[data-ready=true]', { state: 'attached' });
      // The dropped answer is resent with the same id, by the browser itself (a reset on a reused
      // connection) or by the queue's next round; its replay gets the original acknowledgement.
      await expect
        .poll(
          async () => {
            if ((await waiting(page)) !== '0') await page.click('#sync-now');
            return waiting(page);
          },
          { timeout: 15_000 },
        )
        .toBe('0');
      expect(running.statuses).toEqual([201, 201, 200, 201, 201]);
      const rows = await store.listSubmissions();
      expect(rows.map((r) => [r.seq, r.answers.age])).toEqual([
        [1, 41],
        [2, 42],
        [3, 43],
        [4, 44],
      ]);
    } finally {
      await context.close();
      await stop(running.server);
      await store.close();
    }
  });
});

