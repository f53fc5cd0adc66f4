import type { Lang } from '../locale/lang.js';
import { rowLabel } from '../locale/row-label-words.js';
import { variableLabel, variableOf } from '../core/variable-labels.js';
import type { DataTable } from '../core/data-table.js';
import type { Variable } from '../core/types.js';

/** A codebook variable with the short labels a codebook may give (`short_label`, `short_label_en`). */
type Labelled = Variable & { shortLabel?: string; shortLabelEn?: string };

/**
 * How a table row names a variable: the codebook's short label (with a number's unit in zh), else its label when short and not
 * a question, else the question text shortened (shortenQuestion, with the unit of a number: 人均可支配收入（元）)
 * when that leaves a few words, else the label whole.
 */
export function shortLabel(table: DataTable, column: string, lang: Lang): string {
  const v = variableOf(table, column) as Labelled | undefined;
  return rowLabel({ shortLabel: v?.shortLabel, shortLabelEn: v?.shortLabelEn, unit: v?.unit, label: variableLabel(table, column, lang) }, lang);
}
