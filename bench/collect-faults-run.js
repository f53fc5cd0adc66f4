// The load-and-faults campaign of `survey serve` (issue #19.2), shared by the bench
// (bench/collect-faults.bench.js: 50 enumerators × 200 = 10,000) and the test
// (test/cli/collect-faults.test.ts, smaller): concurrent enumerator clients post questionnaires to
// `survey serve` running as a child process, which is SIGKILLed at random moments and restarted;
// each client retries as the form's queue does — the same submission id until acknowledged. Then
// every acknowledged submission must be in the database exactly once, with its answers, and the
// database must pass its integrity checks. Loopback only; bounded by `deadlineMs`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { hashToken, loadCodebook, openStore } from '../dist/index.js';

const BIN = fileURLToPath(new URL('../bin/survey.js', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts `survey serve` and resolves once it listens; rejects if it exits first. */
function startServe(codebookFile, db, port) {
  const child = spawn(process.execPath, [BIN, 'serve', codebookFile, '--db', db, '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let err = '';
    const onExit = () => reject(new Error(`survey serve exited before listening: ${err}`));
    child.stderr.on('data', (d) => {
      err += d.toString();
      if (/survey serve: http:\/\//.test(err)) {
        child.off('exit', onExit);
        resolve(child);
      }
    });
    child.once('exit', onExit);
  });
}

function killHard(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The bundled study's questionnaire number `i` (answers vary, all valid). */
function answersOf(codebook, i) {
  const grid = codebook.variables.filter((v) => v.group).map((v) => v.name);
  return { area: 1 + (i % 2), sex: 1 + ((i >> 1) % 2), age: 20 + (i % 70), education: 1 + (i % 5), occupation: 1 + (i % 5), household_size: 1 + (i % 6), income: 20000 + i, happiness: 1 + (i % 5), ...Object.fromEntries(grid.map((g, k) => [g, 1 + ((i + k) % 5)])) };
}

const quantile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : null);

/**
 * Runs the campaign. `kills` SIGKILLs happen at random points of the progress (so each lands mid-run).
 * @returns counts, timings, latencies (of acknowledged requests, and from the first attempt) and the checks.
 */
export async function runFaultCampaign({ db, codebookFile, clients, perClient, kills, deadlineMs = 600_000, random = Math.random }) {
  const codebook = await loadCodebook(codebookFile);
  const setup = await openStore(db, { formId: codebook.id });
  const sessions = [];
  for (let e = 0; e < clients; e++) {
    const user = await setup.addUser(`enumerator${e}`, 'enumerator', 'x');
    await setup.setPassword(user.userId, 'x', false);
    const token = `faults-${e}-${random().toString(36).slice(2)}`;
    const now = new Date();
    await setup.createSession({ tokenHash: hashToken(token), userId: user.userId, csrfToken: `csrf-${e}-${token}`, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 24 * 3600e3).toISOString() });
    sessions.push({ token, csrf: `csrf-${e}-${token}` });
  }
  await setup.close();

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const total = clients * perClient;
  const deadline = Date.now() + deadlineMs;
  let server = await startServe(codebookFile, db, port);
  const acks = new Map(); // id → {seq, answers}
  const latencies = [];
  const endToEnd = [];
  let attempts = 0;
  let replays = 0;
  let finished = false;
  // The kill points, in acknowledged submissions; clients that reach a point wait until its kill has
  // happened, so that every kill lands mid-run however fast the run goes (requests already sent stay in flight).
  const points = Array.from({ length: kills }, () => Math.floor((0.05 + 0.9 * random()) * total)).sort((a, b) => a - b);
  let killed = 0;
  const killDue = () => killed < points.length && acks.size >= points[killed];

  const client = async ({ token, csrf }, e) => {
    for (let k = 0; k < perClient; k++) {
      const id = `faults-${e}-${k}-${token.slice(-8)}`;
      const answers = answersOf(codebook, e * perClient + k);
      const first = performance.now();
      for (;;) {
        if (Date.now() > deadline) throw new Error(`the campaign ran past its ${deadlineMs} ms bound`);
        while (killDue()) await sleep(2);
        attempts++;
        const t = performance.now();
        try {
          const response = await fetch(`${url}/api/submissions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `survey_session=${token}` },
            body: JSON.stringify({ id, answers }),
            signal: AbortSignal.timeout(15_000),
          });
          const body = await response.json().catch(() => ({}));
          if (response.status === 201 || response.status === 200) {
            if (response.status === 200) replays++;
            acks.set(id, { seq: body.seq, answers });
            latencies.push(performance.now() - t);
            endToEnd.push(performance.now() - first);
            break;
          }
          if (response.status < 500) throw new Error(`refused: ${response.status} ${JSON.stringify(body)}`);
        } catch (err) {
          if (String(err).includes('refused:')) throw err;
        }
        // The server is down or restarting: wait a little, send the same id again.
        await sleep(20 + random() * 80);
      }
    }
  };

  const killer = async () => {
    for (const point of points) {
      while (!finished && acks.size < point) await sleep(5);
      if (finished) break;
      await killHard(server);
      killed++;
      server = await startServe(codebookFile, db, port);
    }
  };

  const started = performance.now();
  const killing = killer();
  try {
    await Promise.all(sessions.map((s, e) => client(s, e)));
  } finally {
    finished = true;
  }
  const seconds = (performance.now() - started) / 1000;
  await killing;
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));

  // The checks: every acknowledged submission exactly once, as sent; the database intact.
  const store = await openStore(db);
  const stored = await store.listSubmissions();
  const byId = new Map();
  for (const s of stored) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
  const missing = [...acks.keys()].filter((id) => !byId.has(id));
  const doubled = [...byId.values()].filter((list) => list.length > 1).length;
  const wrong = [...acks].filter(([id, a]) => {
    const s = byId.get(id)?.[0];
    return !s || s.seq !== a.seq || JSON.stringify(Object.entries(s.answers).sort()) !== JSON.stringify(Object.entries(a.answers).sort());
  }).length;
  const audit = Number((await store.driver.all("SELECT count(*) AS n FROM audit_log WHERE action = 'submit'"))[0].n);
  let integrity;
  if (store.driver.kind === 'sqlite') {
    integrity = (await store.driver.all('PRAGMA integrity_check')).map((r) => Object.values(r)[0]).join('; ');
  } else {
    const [counts] = await store.driver.all('SELECT count(*) AS n, count(DISTINCT id) AS ids, count(DISTINCT seq) AS seqs FROM submissions');
    const consistent = Number(counts.n) === Number(counts.ids) && Number(counts.n) === Number(counts.seqs);
    let amcheck = 'amcheck not installed';
    try {
      await store.driver.exec('CREATE EXTENSION IF NOT EXISTS amcheck');
      const indexes = await store.driver.all("SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid JOIN pg_am a ON a.oid = c.relam WHERE t.relname IN ('submissions', 'audit_log', 'users', 'sessions') AND a.amname = 'btree'");
      for (const { name } of indexes) await store.driver.all('SELECT bt_index_check(?::regclass, true)', [name]);
      amcheck = `amcheck ok on ${indexes.length} indexes`;
    } catch (err) {
      amcheck = /amcheck/.test(String(err)) && /not available|could not open/.test(String(err)) ? 'amcheck not installed' : `amcheck: ${err.message}`;
    }
    integrity = `${consistent ? 'ok' : 'inconsistent counts'}; ${amcheck}`;
  }
  await store.close();
  latencies.sort((a, b) => a - b);
  endToEnd.sort((a, b) => a - b);
  return {
    database: store.driver.kind,
    clients,
    submissions: total,
    acknowledged: acks.size,
    stored: stored.length,
    missing: missing.length,
    doubled,
    wrong,
    audit_submits: audit,
    kills: killed,
    attempts,
    replays,
    seconds: +seconds.toFixed(2),
    per_second: Math.round(acks.size / seconds),
    p50_ms: +quantile(latencies, 0.5).toFixed(1),
    p99_ms: +quantile(latencies, 0.99).toFixed(1),
    end_to_end_p99_ms: +quantile(endToEnd, 0.99).toFixed(1),
    integrity,
  };
}
