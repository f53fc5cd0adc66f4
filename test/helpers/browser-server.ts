import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { collectAssets, formSpec, openStore, startServer, type Codebook, type RunningServer, type SubmissionStore } from '../../src/index.js';
import { launchChromium } from './chromium.js';
import { tempDir } from './run-cli.js';

/** What a browser test works with: its folder, the database, the running server and the browser. */
export interface BrowserServer {
  dir: string;
  store: SubmissionStore;
  server: RunningServer;
  browser: Browser;
}

/**
 * A collection server over a fresh SQLite file and a headless chromium for one test file, started
 * before its tests and closed after them (so each browser test does not repeat the set-up):
 * `codebook` gives the questionnaire (it may write files into the folder), `accounts` adds the users.
 * Call at the top of a `describe`; the fields are filled in once `beforeAll` has run.
 */
export function browserServer(prefix: string, codebook: (dir: string) => Codebook, accounts: (store: SubmissionStore) => Promise<void>): BrowserServer {
  const it = {} as BrowserServer;
  beforeAll(async () => {
    it.dir = tempDir(prefix);
    const book = codebook(it.dir);
    it.store = await openStore(join(it.dir, 'submissions.sqlite'), { formId: book.id });
    await accounts(it.store);
    it.server = await startServer({ store: it.store, spec: formSpec(book), assets: collectAssets(), port: 0 });
    it.browser = await launchChromium();
  });
  afterAll(async () => {
    await it.browser?.close();
    await it.server?.close();
    await it.store?.close();
  });
  return it;
}
