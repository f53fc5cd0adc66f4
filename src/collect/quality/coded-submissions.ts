import type { CleanContext } from '../../clean/clean-context.js';
import { optionColumn } from '../../codebook/expression.js';
import type { Codebook } from '../../core/types.js';
import type { CodedRow } from '../../ingest/ingest-file.js';
import type { OutputColumn } from '../../ingest/code/coded-row.js';
import { exportColumns } from '../export-submissions.js';
import type { SubmissionRecord } from '../storage/submission-store.js';

/** The coded table's columns as ingest describes them (name and codebook variable), for the cleaning context. */
export function exportOutputs(codebook: Codebook): OutputColumn[] {
  const variableOf = new Map<string, string>();
  for (const v of codebook.variables) {
    variableOf.set(v.name, v.name);
    if (v.type === 'multi' || v.type === 'rank') for (const c of v.choices ?? []) variableOf.set(optionColumn(v.name, c.code), v.name);
  }
  return exportColumns(codebook).map((c) => ({ name: c.name, variable: variableOf.get(c.name) ?? c.name }));
}

/**
 * The submissions as the coded rows `survey clean` profiles (the exported table's values), with
 * the reasons ingest would give their missing cells: `skipped` where the skip logic did not ask
 * the question, `declared` for a codebook missing code (说不清).
 */
export function codedSubmissions(ctx: CleanContext, submissions: readonly SubmissionRecord[]): CodedRow[] {
  const columns = exportColumns(ctx.codebook);
  return submissions.map((s) => {
    const values = columns.map((c) => c.value(s));
    const reasons: CodedRow['reasons'] = values.map(() => null);
    const lookup = (name: string) => {
      const k = ctx.column(name);
      return k === undefined ? null : values[k];
    };
    for (const item of ctx.items) {
      const asked = item.relevant ? item.relevant(lookup) === true : true;
      const declared = new Set((item.variable.missing ?? []).map((c) => String(c.code)));
      for (const k of item.columns) {
        if (!asked) reasons[k] = 'skipped';
        else if (values[k] !== null && declared.has(String(values[k]))) reasons[k] = 'declared';
      }
    }
    return { sourceRow: s.seq, values, reasons, cells: [], issues: [] };
  });
}
