import { UsageError } from '../core/errors.js';
import { parseYaml } from '../io/parse-yaml.js';
import type { TargetTable, WeightingTargets } from './weighting-targets.js';

type Fail = (path: string, message: string) => never;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function number(value: unknown, path: string, fail: Fail): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, `is ${JSON.stringify(value)}, not a number`);
  if ((value as number) <= 0) fail(path, `is ${value}; population targets must be positive`);
  return value as number;
}

function marginTable(variable: string, levels: unknown, fail: Fail): TargetTable {
  const path = `margins.${variable}`;
  if (!isRecord(levels) || !Object.keys(levels).length) fail(path, 'must map each level (label or code) to a count or proportion, e.g. {城市: 425800, 农村: 218600}');
  const entries = Object.entries(levels as Record<string, unknown>);
  return {
    variables: [variable],
    keys: entries.map(([key]) => [key]),
    values: entries.map(([key, value]) => number(value, `${path}.${key}`, fail)),
    path,
  };
}

function cellsTable(cells: unknown, fail: Fail): TargetTable {
  if (!isRecord(cells)) fail('cells', 'must have `variables: [a, b]` and `table: [[level of a, level of b, target], ...]`');
  const { variables, table } = cells as Record<string, unknown>;
  if (!Array.isArray(variables) || variables.length < 1 || !variables.every((v) => typeof v === 'string')) {
    fail('cells.variables', 'must be a list of variable names');
  }
  const names = variables as string[];
  if (new Set(names).size !== names.length) fail('cells.variables', 'names a variable twice');
  if (!Array.isArray(table) || !table.length) fail('cells.table', 'must be a list of rows [level, …, target]');
  const rows = table as unknown[];
  const keys = rows.map((row, k) => {
    if (!Array.isArray(row) || row.length !== names.length + 1) fail(`cells.table[${k}]`, `must be [${names.join(', ')}, target]`);
    return (row as unknown[]).slice(0, -1).map((level, j) => {
      if (typeof level !== 'string' && typeof level !== 'number') fail(`cells.table[${k}][${j}]`, 'must be a level label or code');
      return String(level);
    });
  });
  const values = rows.map((row, k) => number((row as unknown[])[names.length], `cells.table[${k}]`, fail));
  return { variables: names, keys, values, path: 'cells' };
}

/**
 * Parses a targets file (YAML) without looking at the data:
 * ```yaml
 * total: 644400                       # optional; turns proportions into counts
 * margins:                            # one table per variable: counts or proportions
 *   area: {城市: 425800, 农村: 218600}   # levels by label or by code
 *   sex: {"1": 0.51, "2": 0.49}
 * cells:                              # optional crossed cells (post-stratification on several variables)
 *   variables: [area, sex]
 *   table: [[城市, 男, 217000], [城市, 女, 208800], [农村, 男, 111600], [农村, 女, 107000]]
 * ```
 * Throws a UsageError naming the file and the key path for bad YAML, missing or non-positive targets.
 */
export function parseTargets(text: string, file: string): WeightingTargets {
  const fail: Fail = (path, message) => {
    throw new UsageError(message, { file, path });
  };
  const data = parseYaml(text, file, 'targets file');
  if (!isRecord(data)) fail('(top level)', 'a targets file maps `margins:` (and optionally `cells:`, `total:`) to population figures');
  const doc = data as Record<string, unknown>;
  const unknown = Object.keys(doc).filter((k) => !['margins', 'cells', 'total'].includes(k));
  if (unknown.length) fail(unknown[0], 'is not a key of a targets file (margins, cells, total)');
  const tables: TargetTable[] = [];
  if (doc.margins !== undefined) {
    if (!isRecord(doc.margins)) fail('margins', 'must map each variable to its levels, e.g. area: {城市: 425800, 农村: 218600}');
    for (const [variable, levels] of Object.entries(doc.margins as Record<string, unknown>)) tables.push(marginTable(variable, levels, fail));
  }
  if (doc.cells !== undefined) tables.push(cellsTable(doc.cells, fail));
  if (!tables.length) fail('margins', 'is missing: give the population margins to weight to');
  return { file, total: doc.total === undefined ? null : number(doc.total, 'total', fail), tables };
}
