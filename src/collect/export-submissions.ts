import { optionColumn } from '../codebook/expression.js';
import type { Codebook, Variable } from '../core/types.js';
import { SOURCE_ROW } from '../ingest/ingest-file.js';
import { csvLine } from '../io/format-csv.js';
import { openAtomicWriter } from '../io/write-atomic.js';
import type { Answer } from './form/check-answers.js';
import { PARADATA_COLUMNS } from './form/form-spec.js';
import { localDateTime } from './server/render-tables.js';
import type { SubmissionRecord, SubmissionStore } from './storage/submission-store.js';

type Cell = number | string | null;

/** One column of the coded table and how a submission fills it. */
interface ExportColumn {
  name: string;
  value: (s: SubmissionRecord) => Cell;
}

const GROUPED = new Set<Variable['type']>(['multi', 'rank']);

/** A date or date-time answer as ingest codes 提交答卷时间-like cells: `YYYY-MM-DDTHH:MM:SS`. */
function isoSeconds(text: string): string {
  const [date, time = '00:00'] = text.split('T');
  return `${date}T${time.length === 5 ? `${time}:00` : time}`;
}

function scalar(v: Variable, answer: Answer | undefined): Cell {
  if (answer === undefined || answer === null || Array.isArray(answer)) return null;
  if (v.type === 'datetime' && typeof answer === 'string') return isoSeconds(answer);
  if (v.type === 'id' && typeof answer === 'string' && /^-?\d{1,15}$/.test(answer.trim())) return Number(answer);
  return answer;
}

/**
 * The columns of the coded table for a codebook, as `survey ingest` writes them for a 问卷星
 * export of the same questionnaire: `_source_row`, the metadata (id, submitted_at, duration_s,
 * source, source_detail, ip, ip_region), then each question in codebook order — one column per
 * choice (`hobby_1`, …) for multi-select and ranking, a fill-in `<name>_other` right after its question.
 */
export function exportColumns(codebook: Codebook): ExportColumn[] {
  const columns: ExportColumn[] = [
    { name: SOURCE_ROW, value: (s) => s.seq },
    { name: 'id', value: (s) => s.seq },
    { name: 'submitted_at', value: (s) => localDateTime(s.receivedAt) },
    { name: 'duration_s', value: (s) => s.durationS },
    { name: 'source', value: (s) => s.enumerator },
    { name: 'source_detail', value: (s) => s.device },
    { name: 'ip', value: (s) => s.ip },
    { name: 'ip_region', value: () => null },
  ];
  const paradata = new Set<string>(PARADATA_COLUMNS);
  const byName = new Map(codebook.variables.map((v) => [v.name, v]));
  const placed = new Set<string>();
  for (const v of codebook.variables) {
    if (paradata.has(v.name) || placed.has(v.name)) continue;
    placed.add(v.name);
    if (GROUPED.has(v.type)) {
      for (const choice of v.choices ?? []) {
        columns.push({
          name: optionColumn(v.name, choice.code),
          value: (s) => {
            const answer = s.answers[v.name];
            if (!Array.isArray(answer)) return null;
            const at = answer.findIndex((c) => String(c) === String(choice.code));
            return v.type === 'multi' ? (at >= 0 ? 1 : 0) : at >= 0 ? at + 1 : null;
          },
        });
      }
    } else {
      columns.push({ name: v.name, value: (s) => scalar(v, s.answers[v.name]) });
    }
    const fillIn = byName.get(`${v.name}_other`);
    if ((v.type === 'single' || GROUPED.has(v.type)) && fillIn && fillIn.type === 'text' && !placed.has(fillIn.name)) {
      placed.add(fillIn.name);
      columns.push({ name: fillIn.name, value: (s) => scalar(fillIn, s.answers[fillIn.name]) });
    }
  }
  return columns;
}

/** Which reviewed submissions an export holds, and whether it says where each stands in review. */
export interface ReviewExportOptions {
  /** Only submissions a supervisor approved (the default holds every active one, whatever its review). */
  approvedOnly?: boolean;
  /** Adds `_review_status` (pending / approved / rejected) as the last column. */
  reviewStatus?: boolean;
}

/**
 * The coded rows of the active submissions (withdrawn ones stay in the database, out of the
 * table). A rejection asks for a correction and withdraws nothing: a rejected submission not yet
 * corrected is exported unless `approvedOnly`.
 */
export function codedRows(codebook: Codebook, submissions: SubmissionRecord[], review: ReviewExportOptions = {}): { header: string[]; rows: Cell[][] } {
  const columns = exportColumns(codebook);
  if (review.reviewStatus) columns.push({ name: '_review_status', value: (s) => s.reviewStatus });
  return {
    header: columns.map((c) => c.name),
    rows: submissions.filter((s) => s.status === 'active' && (!review.approvedOnly || s.reviewStatus === 'approved')).map((s) => columns.map((c) => c.value(s))),
  };
}

/** What an export wrote. */
export interface ExportSummary {
  file: string;
  rows: number;
  withdrawn: number;
  /** Active submissions left out by `approvedOnly` (not approved yet). */
  unapproved: number;
  columns: number;
}

/**
 * Writes the submissions as the coded table `survey ingest` writes (CSV, header always, even
 * before the first submission), atomically; an existing file only with `force`.
 */
export async function exportSubmissions(store: SubmissionStore, codebook: Codebook, out: string, options: { force?: boolean } & ReviewExportOptions = {}): Promise<ExportSummary> {
  const all = await store.listSubmissions();
  const { header, rows } = codedRows(codebook, all, options);
  const writer = openAtomicWriter(out, { force: options.force });
  try {
    await writer.write(csvLine(header));
    for (const row of rows) {
      const pending = writer.write(csvLine(row));
      if (pending) await pending;
    }
    await writer.commit();
  } catch (err) {
    await writer.abort();
    throw err;
  }
  const withdrawn = all.filter((s) => s.status !== 'active').length;
  return { file: out, rows: rows.length, withdrawn, unapproved: all.length - withdrawn - rows.length, columns: header.length };
}
