// `npm run build`, last step: records V8's code cache for the CLI bundle (dist/survey.cjs.cache)
// from a run of the bundled plan, so that the functions a run needs come compiled (bin/survey.js).
// A failed recording leaves no cache and a warning: the CLI works without one, only starts slower.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cacheFile = fileURLToPath(new URL('../dist/survey.cjs.cache', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'survey-code-cache-'));
rmSync(cacheFile, { force: true });
const run = spawnSync(process.execPath, ['bin/survey.js', 'run', 'data-samples/bazhou-2025/plan.yaml', '--out', out, '--force'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  env: { ...process.env, SURVEY_RECORD_CODE_CACHE: cacheFile },
  encoding: 'utf8',
});
rmSync(out, { recursive: true, force: true });
if (run.status !== 0) console.warn(`build: no code cache for the CLI (the bundled plan did not run: ${(run.stderr || String(run.error)).trim().split('\n').pop()}); survey starts ~0.1 s slower`);
