import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Converts an office file with headless LibreOffice (`soffice --convert-to`) into `outDir` and
 * returns the converted file's path. Each call has a user profile of its own (parallel test files,
 * or a desktop LibreOffice, would otherwise share and lock one), removed afterwards; a conversion
 * that fails with LibreOffice's intermittent "Unspecified Application Error" (or writes nothing) is
 * tried once more with a fresh profile. Not skipped when LibreOffice is missing: the error says
 * to install it (scripts/system-packages.sh).
 */
export async function convertWithLibreOffice(file: string, format: string, outDir: string, timeoutMs = 170_000): Promise<string> {
  const out = join(outDir, `${basename(file, extname(file))}.${format.split(':')[0]}`);
  let last = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    const profile = mkdtempSync(join(tmpdir(), 'survey-lo-profile-'));
    try {
      const result = await run('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', format, '--outdir', outDir, file], { timeout: timeoutMs }).catch(
        (err: NodeJS.ErrnoException & { stderr?: string }) => {
          if (err.code === 'ENOENT') throw new Error('soffice not found: install LibreOffice (scripts/system-packages.sh)');
          return { stdout: '', stderr: `${err.stderr ?? ''}${err.message}` };
        },
      );
      last = result.stderr;
      if (existsSync(out) && !/Unspecified Application Error/i.test(result.stderr)) return out;
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
  throw new Error(`LibreOffice did not convert ${file} to ${format} (tried twice): ${last.trim()}`);
}
