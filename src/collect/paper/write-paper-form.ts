import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import type { FormSpec } from '../form/form-spec.js';
import { paperFormDocx } from './paper-form-docx.js';
import type { Lang } from '../../locale/lang.js';

/** What `survey form` wrote. */
export interface PaperFormSummary {
  file: string;
  format: 'docx' | 'pdf';
  questions: number;
}

/** LibreOffice's command, when installed (Debian: `soffice`; elsewhere sometimes `libreoffice`). */
function findSoffice(): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    if (spawnSync(name, ['--version'], { stdio: 'ignore', timeout: 30_000 }).status === 0) return name;
  }
  return null;
}

/**
 * Writes the printed questionnaire: Word directly, PDF by converting that Word file with
 * LibreOffice (headless, a profile of its own so a running LibreOffice does not interfere). The
 * output appears whole or not at all.
 */
export async function writePaperForm(spec: FormSpec, out: string, options: { lang: Lang; force?: boolean }): Promise<PaperFormSummary> {
  const ext = extname(out).toLowerCase();
  if (ext !== '.docx' && ext !== '.pdf') throw new UsageError(`--out ${out}: expected a .docx or .pdf file`);
  const docx = paperFormDocx(spec, options.lang);
  if (ext === '.docx') {
    await writeFileAtomic(out, docx, { force: options.force });
    return { file: out, format: 'docx', questions: spec.questions.length };
  }
  const soffice = findSoffice();
  if (!soffice) throw new UsageError('writing PDF needs LibreOffice (soffice), which is not installed', { hint: 'install it (apt-get install libreoffice-writer) or write --out questionnaire.docx and print that' });
  const work = mkdtempSync(join(tmpdir(), 'survey-form-'));
  try {
    const name = `${basename(out, extname(out)) || 'questionnaire'}.docx`;
    writeFileSync(join(work, name), docx);
    const run = spawnSync(soffice, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, join(work, name)], { encoding: 'utf8', timeout: 120_000 });
    const pdf = readdirSync(work).find((f) => f.endsWith('.pdf'));
    if (run.status !== 0 || !pdf) throw new InputError(`LibreOffice could not convert the questionnaire to PDF: ${(run.stderr || run.error?.message || '').trim().split('\n')[0]}`, { hint: 'write --out questionnaire.docx instead' });
    const temp = join(work, pdf);
    await writeFileAtomic(out, readFileSync(temp), { force: options.force });
    return { file: out, format: 'pdf', questions: spec.questions.length };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
