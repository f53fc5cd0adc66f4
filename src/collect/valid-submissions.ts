import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanFile } from '../clean/clean-file.js';
import type { CleanRules } from '../clean/clean-rules.js';
import type { Codebook } from '../core/types.js';
import { SOURCE_ROW } from '../ingest/ingest-file.js';
import { csvLine } from '../io/format-csv.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { codedRows } from './export-submissions.js';
import type { SubmissionRecord } from './storage/submission-store.js';

/**
 * The 有效 submissions: those `survey clean` keeps under the plan's rules (planRules: `rules:`, else
 * the defaults) — the exported coded table cleaned exactly as `survey run` cleans it (speeders,
 * duplicates, bursts, straight-lining, the codebook's checks). Returns their seqs.
 */
export async function validSubmissions(codebook: Codebook, rules: CleanRules, submissions: SubmissionRecord[]): Promise<Set<number>> {
  const valid = new Set<number>();
  const { header, rows } = codedRows(codebook, submissions);
  if (!rows.length) return valid;
  const dir = mkdtempSync(join(tmpdir(), 'survey-valid-'));
  try {
    const file = join(dir, 'submissions.csv');
    await writeFileAtomic(file, [header, ...rows].map((r) => csvLine(r)).join(''));
    let at = -1;
    await cleanFile(file, { codebook, rules }, {
      start: (_outputs, columns) => void (at = columns.indexOf(SOURCE_ROW)),
      kept: (row) => void valid.add(Number(row.cells[at])),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return valid;
}

/**
 * validSubmissions for a server: remembers the answer for the submissions it last saw (each seq at
 * its version), so the dashboard cleans again only after a submission arrives or changes, and two
 * loads at the same time share one cleaning.
 */
export function validSubmissionsCache(codebook: Codebook, rules: CleanRules): (submissions: SubmissionRecord[]) => Promise<Set<number>> {
  let last: { key: string; valid: Promise<Set<number>> } | null = null;
  return (submissions) => {
    const key = submissions.map((s) => `${s.seq}.${s.version}`).join(',');
    if (last?.key === key) return last.valid;
    const entry = { key, valid: validSubmissions(codebook, rules, submissions) };
    last = entry;
    // A failed cleaning is not remembered: the next load tries again.
    entry.valid.catch(() => {
      if (last === entry) last = null;
    });
    return entry.valid;
  };
}
