import type { Lang } from '../locale/lang.js';
import { variableLabel, variableOf } from '../core/variable-labels.js';
import type { DataTable } from '../core/data-table.js';
import type { Variable } from '../core/types.js';

/** A codebook variable with the short labels a codebook may give (`short_label`, `short_label_en`). */
type Labelled = Variable & { shortLabel?: string; shortLabelEn?: string };

/** Longest label a table's first column shows whole; a longer one, or a question, is shortened. */
const SHORT = 10;

/**
 * A question text cut to the words a table row needs: the clause after a leading one
 * (过去一年，…), without 您/您的/您家/您目前的 before it or the question's ending after it
 * (是？, 有几人？, 大约是多少元？, 吗？); a parenthesis it ends with is kept (年龄（周岁）).
 * @example shortenQuestion('您的最高学历是？') // '最高学历'
 */
export function shortenQuestion(label: string): string {
  let text = label.trim().replace(/[？?。：:]+$/, '');
  const clauses = text.split(/[，,]/);
  text = clauses[clauses.length - 1];
  const aside = /（[^（）]*）$/.exec(text)?.[0] ?? '';
  text = text.slice(0, text.length - aside.length).replace(/[？?]$/, '');
  text = text.replace(/^(?:请问)?(?:您目前的|您现在的|您的|您家|您)/, '');
  text = text.replace(/(?:大约|大概)?(?:是多少[^，]*|有多少[^，]*|有几[人个口次]|是几[人个口]|是什么|如何|怎么样|吗|是)$/, '');
  return `${text}${aside}`;
}

/**
 * How a table row names a variable: the codebook's short label (with a number's unit in zh), else its label when short and not
 * a question, else the question text shortened (shortenQuestion, with the unit of a number: 人均可支配收入（元）)
 * when that leaves a few words, else the label whole.
 */
export function shortLabel(table: DataTable, column: string, lang: Lang): string {
  const v = variableOf(table, column) as Labelled | undefined;
  const withUnit = (short: string) => (v?.unit && !short.endsWith('）') ? `${short}（${v.unit}）` : short);
  if (lang === 'zh' && v?.shortLabel) return withUnit(v.shortLabel);
  if (lang === 'en' && (v?.shortLabelEn ?? v?.shortLabel)) return (v.shortLabelEn ?? v.shortLabel) as string;
  const label = variableLabel(table, column, lang);
  if (lang === 'en' || ([...label].length <= SHORT && !/[？?]$/.test(label))) return label;
  const short = shortenQuestion(label);
  return short.length < 2 ? label : withUnit(short);
}
