import type { ResolvedParams, PlanVariable } from '../spec/simulation-plan.js';
import type { SimulatedColumn } from '../simulated-sample.js';

/** Rows that share one set of parameters after `by` overrides. */
export interface ParamGroup {
  /** `all` (no `by`), the overriding levels (`area=2`, codes), or `rest` (rows no level overrides). */
  label: string;
  params: ResolvedParams;
  rows: number[];
}

/**
 * Splits the rows by the `by` levels that override a variable's parameters: rows whose levels
 * override nothing share the base parameters. Groups come in order of their first row.
 */
export function groupRows(variable: PlanVariable, columns: ReadonlyMap<string, SimulatedColumn>, n: number): ParamGroup[] {
  const groups = new Map<string, ParamGroup>();
  for (let row = 0; row < n; row++) {
    const hits = variable.by.map((by) => {
      const source = columns.get(by.source) as SimulatedColumn;
      const level = source.values[row];
      return by.overrides.has(level) ? { by, level } : null;
    });
    const key = hits.map((h) => (h ? h.level : '-')).join(',');
    let group = groups.get(key);
    if (!group) {
      const params = hits.reduce<ResolvedParams>(
        (acc, hit) => (hit ? { ...acc, ...hit.by.overrides.get(hit.level) } : acc),
        variable.base,
      );
      const label = hits
        .flatMap((hit) => {
          if (!hit) return [];
          const choices = (columns.get(hit.by.source) as SimulatedColumn).variable?.choices ?? [];
          return [`${hit.by.source}=${choices[hit.level]?.code ?? hit.level}`];
        })
        .join(',');
      group = { label: label || (variable.by.length ? 'rest' : 'all'), params, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}
