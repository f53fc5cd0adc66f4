// 50 concurrent enumerators × 200 questionnaires (10,000, the founding study's size) against
// `survey serve` as a child process, SIGKILLed at random moments and restarted; clients retry with
// the same submission id as the form's queue does. Prints throughput, p50/p99 and the checks
// (every acknowledged submission stored exactly once; integrity_check / amcheck). SQLite always;
// PostgreSQL when SURVEY_BENCH_PG=postgres://… names an empty database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFaultCampaign } from './collect-faults-run.js';

const codebookFile = fileURLToPath(new URL('../data-samples/bazhou-2025/codebook.yaml', import.meta.url));
const clients = Number(process.env.SURVEY_BENCH_CLIENTS ?? 50);
const perClient = Number(process.env.SURVEY_BENCH_N ?? 200);
const kills = Number(process.env.SURVEY_BENCH_KILLS ?? 10);
const databases = [join(mkdtempSync(join(tmpdir(), 'survey-faults-')), 'submissions.sqlite'), ...(process.env.SURVEY_BENCH_PG ? [process.env.SURVEY_BENCH_PG] : [])];
for (const db of databases) {
  const result = await runFaultCampaign({ db, codebookFile, clients, perClient, kills });
  console.log(JSON.stringify({ bench: 'collect-faults', ...result }));
  if (result.missing || result.doubled || result.wrong || result.stored !== result.submissions || !result.integrity.startsWith('ok')) process.exitCode = 1;
}
