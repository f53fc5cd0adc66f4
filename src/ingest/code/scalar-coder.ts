import type { Variable } from '../../core/types.js';
import { choiceMatcher } from './choice-matcher.js';
import { codeScalar, splitFillIn, type ScalarResult } from './code-scalar.js';
import type { ItemCoder, Layout, OutputColumn, RowSink } from './coded-row.js';

/** Distinct cells remembered per choice column (a free-text-like column must not grow without bound). */
const MEMO_CELLS = 10_000;

/**
 * Codes one raw column into one variable; with `fillIn`, the 〖…〗 text 问卷星 appends to an
 * "其他（请注明）" answer goes to that second text variable.
 */
export function scalarCoder(
  variable: Variable,
  column: number,
  header: string,
  layout: Layout,
  fillIn: Variable | null = null,
): ItemCoder {
  const matcher = variable.choices || variable.missing ? choiceMatcher(variable) : null;
  const outputs: OutputColumn[] = [{ name: variable.name, variable: variable.name }];
  if (fillIn) outputs.push({ name: fillIn.name, variable: fillIn.name });
  // A choice column holds a handful of distinct cells, each coded once (numbers, times and texts
  // are mostly distinct, so they are not remembered).
  const memo = variable.type === 'single' ? new Map<string, ScalarResult>() : null;
  return {
    outputs,
    headers: [header],
    code(cells: string[], sink: RowSink, at: number) {
      const raw = cells[column] ?? '';
      let result = memo?.get(raw);
      if (!result) {
        result = codeScalar(variable, matcher, raw, layout);
        if (memo && memo.size < MEMO_CELLS) memo.set(raw, result);
      }
      sink.values[at] = result.value;
      sink.reasons[at] = result.reason;
      if (result.rule) {
        sink.issues.push({
          sourceRow: sink.row,
          variable: variable.name,
          rawValue: raw,
          rule: result.rule,
          severity: 'error',
          message: result.message ?? '',
        });
      }
      if (fillIn) {
        const text = result.reason === null || result.reason === 'declared' ? splitFillIn(raw.trim()).fillIn : null;
        sink.values[at + 1] = text;
        sink.reasons[at + 1] = text === null ? (result.reason ?? 'empty') : null;
      }
    },
  };
}
