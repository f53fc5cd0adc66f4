// Submissions per second and latency of `survey serve` with 50 concurrent enumerators over loopback:
// each logs in (a session made directly in the store), then posts bundled-study questionnaires as
// fast as the server acknowledges them (each acknowledged only after its commit). SQLite always;
// PostgreSQL when SURVEY_BENCH_PG=postgres://… names an empty database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectAssets, formSpec, hashToken, loadCodebook, openStore, startServer } from '../dist/index.js';

const ENUMERATORS = 50;
const PER_ENUMERATOR = Number(process.env.SURVEY_BENCH_N ?? 40);
const codebook = await loadCodebook(new URL('../data-samples/bazhou-2025/codebook.yaml', import.meta.url).pathname);
const grid = codebook.variables.filter((v) => v.group).map((v) => v.name);

function answers(i) {
  return { area: String(1 + (i % 2)), sex: String(1 + (i % 2)), age: String(20 + (i % 70)), education: '3', occupation: '2', household_size: '3', income: String(20000 + i), happiness: String(1 + (i % 5)), ...Object.fromEntries(grid.map((g, k) => [g, String(1 + ((i + k) % 5))])) };
}

async function measure(db, label) {
  const store = await openStore(db, { formId: codebook.id, poolSize: 20 });
  const server = await startServer({ store, spec: formSpec(codebook), assets: collectAssets(), port: 0 });
  const clients = [];
  for (let e = 0; e < ENUMERATORS; e++) {
    const user = await store.addUser(`enumerator${e}`, 'enumerator', 'x');
    await store.setPassword(user.userId, 'x', false);
    const token = `bench-token-${e}-${Math.random()}`;
    const csrf = `csrf-${e}`;
    const now = new Date();
    await store.createSession({ tokenHash: hashToken(token), userId: user.userId, csrfToken: csrf, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3600e3).toISOString() });
    clients.push({ token, csrf });
  }
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async ({ token, csrf }, e) => {
      for (let k = 0; k < PER_ENUMERATOR; k++) {
        const i = e * PER_ENUMERATOR + k;
        const t = performance.now();
        const response = await fetch(`${server.url}/api/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `survey_session=${token}` },
          body: JSON.stringify({ id: `bench-${e}-${k}-xxxxxxxx`, answers: answers(i) }),
        });
        if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  const stored = (await store.listSubmissions()).length;
  await server.close();
  await store.close();
  console.log(JSON.stringify({ bench: 'collect', database: label, enumerators: ENUMERATORS, submissions: latencies.length, stored, seconds: +seconds.toFixed(2), per_second: Math.round(latencies.length / seconds), p50_ms: +q(0.5).toFixed(1), p99_ms: +q(0.99).toFixed(1) }));
}

await measure(join(mkdtempSync(join(tmpdir(), 'survey-bench-')), 'submissions.sqlite'), 'sqlite');
if (process.env.SURVEY_BENCH_PG) await measure(process.env.SURVEY_BENCH_PG, 'postgres');
