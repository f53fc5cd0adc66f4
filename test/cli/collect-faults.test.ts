import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The campaign the bench runs at full size (bench/collect-faults.bench.js: 50 × 200), here small.
import { runFaultCampaign } from '../../bench/collect-faults-run.js';
import { postgresAvailable, startPostgres, type TestPostgres } from '../helpers/postgres.js';
import { tempDir } from '../helpers/run-cli.js';

const codebookFile = fileURLToPath(new URL('../../data-samples/bazhou-2025/codebook.yaml', import.meta.url));

let pg: TestPostgres | null = null;
beforeAll(async () => {
  if (postgresAvailable()) pg = await startPostgres();
  else if (process.env.CI) throw new Error('PostgreSQL is needed for these tests in CI (apt-get install postgresql)');
});
afterAll(() => pg?.stop());

describe('survey serve under load, SIGKILLed and restarted', () => {
  const backends = [
    { name: 'sqlite', db: () => join(tempDir('survey-faults-'), 'submissions.sqlite') },
    { name: 'postgres', db: () => (pg as TestPostgres).database('faults') },
  ];
  it.each(backends)('keeps every acknowledged submission exactly once on $name, and the database intact', async ({ name, db }) => {
    if (name === 'postgres' && !pg) return;
    const result = await runFaultCampaign({ db: db(), codebookFile, clients: 12, perClient: 25, kills: 3, deadlineMs: 90_000 });
    expect(result.kills).toBe(3);
    expect(result).toMatchObject({ submissions: 300, acknowledged: 300, stored: 300, missing: 0, doubled: 0, wrong: 0, audit_submits: 300 });
    expect(result.integrity).toMatch(/^ok/);
    if (name === 'postgres') expect(result.integrity).not.toMatch(/amcheck: /);
  }, 120_000);
});
