import { UsageError } from './errors.js';
import type { DataTable } from './data-table.js';
import type { Code } from './types.js';
import { codeLabel, variableOf } from './variable-labels.js';
import type { Lang } from '../locale/lang.js';

/** The categories of a column and, per row, the index of its category (−1 = missing). */
export interface CategoryLevels {
  readonly codes: readonly Code[];
  readonly labels: readonly string[];
  readonly index: Int32Array;
}

/**
 * The levels of a categorical column: the codebook's choice order (codes that occur in the data,
 * then unexpected codes sorted), else sorted values; as R's `factor()` with codebook levels.
 * Throws a UsageError when the column has no non-missing value.
 * @example categoryLevels(table, 'area').labels // ['城市', '农村']
 */
export function categoryLevels(table: DataTable, name: string, lang: Lang = 'zh'): CategoryLevels {
  // Every by-group estimate asks again for its group's levels (a plan: dozens of times for one
  // variable), and a table never changes: each is worked out once per table.
  const known = cache.get(table) ?? cache.set(table, new Map()).get(table)!;
  const key = `${lang}\u0000${name}`;
  let levels = known.get(key);
  if (!levels) known.set(key, (levels = findLevels(table, name, lang)));
  return levels;
}

const cache = new WeakMap<DataTable, Map<string, CategoryLevels>>();

function findLevels(table: DataTable, name: string, lang: Lang): CategoryLevels {
  const column = table.column(name);
  const seen = new Set<Code>();
  const { values } = column;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && !(typeof v === 'number' && Number.isNaN(v))) seen.add(v);
  }
  const codes = orderLevels(table, name, seen);
  const position = new Map<Code, number>(codes.map((c, i) => [c, i]));
  const index = new Int32Array(column.values.length);
  for (let i = 0; i < index.length; i++) {
    const v = column.values[i];
    index[i] = v === null ? -1 : position.get(v) ?? -1;
  }
  return { codes, labels: codes.map((c) => codeLabel(table, name, c, lang)), index };
}

/**
 * The order of the categories seen in a column: the codebook's choice order, then unexpected codes
 * sorted (also for a streamed table, whose categories are gathered block by block). Throws a
 * UsageError when none was seen.
 */
export function orderLevels(table: DataTable, name: string, seen: ReadonlySet<Code>): Code[] {
  if (!seen.size) throw new UsageError(`variable "${name}" has no non-missing values`);
  const declared = (variableOf(table, name)?.choices ?? []).map((c) => c.code).filter((c) => seen.has(c));
  const rest = [...seen].filter((c) => !declared.includes(c)).sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
  return [...declared, ...rest];
}
