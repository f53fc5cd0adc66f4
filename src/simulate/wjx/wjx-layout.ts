import type { Variable } from '../../core/types.js';
import type { WjxSpec } from '../spec/spec-schema.js';

/** The metadata columns of a 问卷星 export, in the order of current (2018+) downloads. */
export const WJX_META_HEADERS = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP'] as const;

/** One answer column of a 问卷星 export. */
export interface WjxColumn {
  header: string;
  variable: Variable;
  /** The grid (codebook group) the column is a row of, when exported as a matrix question. */
  grid?: string;
}

/**
 * Lays out the answer columns of a 问卷星 export: questions numbered in codebook order with headers
 * `N、label` (a trailing space where the spec says, as real exports have); the items of a grid in
 * `wjx.grids` as one matrix question `N、grid question—first row` followed by bare row labels.
 */
export function wjxLayout(columns: readonly Variable[], wjx: Pick<WjxSpec, 'grids' | 'trailing_spaces'>): WjxColumn[] {
  const out: WjxColumn[] = [];
  const placedGrids = new Set<string>();
  let number = 0;
  for (const variable of columns) {
    const grid = variable.group !== undefined && wjx.grids[variable.group] !== undefined ? variable.group : undefined;
    if (grid === undefined) {
      const space = wjx.trailing_spaces.includes(variable.name) ? ' ' : '';
      out.push({ header: `${++number}、${variable.label ?? variable.name}${space}`, variable });
    } else if (!placedGrids.has(grid)) {
      placedGrids.add(grid);
      number++;
      columns
        .filter((v) => v.group === grid)
        .forEach((row, i) => {
          const label = row.label ?? row.name;
          out.push({ header: i === 0 ? `${number}、${wjx.grids[grid]}—${label}` : label, variable: row, grid });
        });
    }
  }
  return out;
}
