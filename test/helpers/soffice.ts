import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What LibreOffice prints when a headless start fails under load (a busy machine, a slow profile set-up), not because of the file. */
const TRANSIENT = /Unspecified Application Error/;

/**
 * Converts FILE with headless LibreOffice (`soffice --convert-to TO --outdir OUT FILE`) and returns its stdout.
 * Each call gets a user profile of its own, removed afterwards, so parallel test files (and a desktop
 * LibreOffice) never share or lock one; a start that fails with "Unspecified Application Error" is tried
 * once more with a fresh profile, because that failure comes from the machine's load, not from the
 * file. Any other failure, or a second one, throws with LibreOffice's own output.
 */
export function sofficeConvert(file: string, to: string, outDir: string, timeoutMs = 120_000): string {
  let last = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    const profile = mkdtempSync(join(tmpdir(), 'survey-lo-profile-'));
    try {
      const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { encoding: 'utf8', timeout: timeoutMs });
      last = `soffice exited ${r.status ?? r.signal}: ${r.stderr}${r.stdout}${r.error ? String(r.error) : ''}`;
      if (r.status === 0 && !TRANSIENT.test(r.stderr + r.stdout)) return r.stdout;
      if (!TRANSIENT.test(r.stderr + r.stdout)) break;
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
  throw new Error(last);
}
