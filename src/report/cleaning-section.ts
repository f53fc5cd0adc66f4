import type { CleanSummary } from '../clean/clean-file.js';
import type { Lang } from '../core/variable-labels.js';
import { formatPercent } from './format-number.js';
import { reasonsByCount } from './reasons-by-count.js';
import { tableBlock, type ReportBlock } from './report-document.js';

/** The 发放/回收/有效/有效率 sentence and the table of reasons questionnaires were set aside. */
export function cleaningSection(s: CleanSummary, distributed: number | null, lang: Lang): ReportBlock[] {
  const rate = s.inputRows ? s.keptRows / s.inputRows : Number.NaN;
  const text =
    lang === 'zh'
      ? `本次调查${distributed === null ? '' : `发放问卷${distributed}份，`}回收${s.inputRows}份，经清洗剔除${s.excludedRows}份，有效问卷${s.keptRows}份，有效率${formatPercent(rate)}。`
      : `${distributed === null ? '' : `${distributed} questionnaires were handed out; `}${s.inputRows} were returned, ${s.excludedRows} set aside in cleaning, ${s.keptRows} valid (${formatPercent(rate)}).`;
  const rows = reasonsByCount(s.reasons).map(([rule, n]) => [rule, String(n)]);
  return [
    { kind: 'paragraph', text },
    tableBlock(lang === 'zh' ? '数据清洗：各规则命中数' : 'Cleaning: hits per rule', [lang === 'zh' ? '规则' : 'Rule', lang === 'zh' ? '行/问题数' : 'Rows/issues'], rows, {
      notes: [lang === 'zh' ? '被剔除的问卷及原因见 excluded.csv，逐项问题见 issues.csv。' : 'Set-aside questionnaires and their reasons: excluded.csv; every issue: issues.csv.'],
    }),
  ];
}
