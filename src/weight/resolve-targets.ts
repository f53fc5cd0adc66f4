import { categoryLevels } from '../core/category-levels.js';
import { variableOf } from '../core/variable-labels.js';
import type { DataTable } from '../core/data-table.js';
import { UsageError } from '../core/errors.js';
import { normalizeText } from '../core/normalize-text.js';
import type { TargetTable, WeightingTargets } from './weighting-targets.js';

/** A target matched to the data: each row's cell and the population count of each cell. */
export interface ResolvedTarget {
  /** `area`, or `area × sex` for crossed cells. */
  readonly name: string;
  readonly variables: readonly string[];
  /** Cell labels in target order (`城市`, `城市 × 男`). */
  readonly labels: readonly string[];
  /** Cell index of each row. */
  readonly index: Int32Array;
  /** Population count of each cell. */
  readonly counts: Float64Array;
}

// Proportions must add up to 1 to this precision; counts of different tables must agree to this (relative).
const PROPORTION_SUM = 1e-6;
const COUNT_AGREEMENT = 1e-9;

interface Levels {
  labels: readonly string[];
  index: Int32Array;
  /** Finds the data level a key names (code, label, English label or alias), or −1. */
  find(key: string): number;
  /** True when the codebook declares the key as an answer of the variable. */
  declared(key: string): boolean;
}

function levelsOf(table: DataTable, variable: string, targets: WeightingTargets, path: string): Levels {
  if (!table.has(variable)) throw new UsageError(`no variable "${variable}" in the data`, { file: targets.file, path });
  const levels = categoryLevels(table, variable);
  const missing = levels.index.findIndex((j) => j < 0);
  if (missing >= 0) {
    const count = levels.index.filter((j) => j < 0).length;
    throw new UsageError(`${variable} is missing in ${count} row${count > 1 ? 's' : ''} (first: row ${table.sourceRows[missing]}), so they cannot be weighted`, {
      file: targets.file,
      path,
      hint: 'every row needs a level of each weighting variable: impute it or exclude those rows first',
    });
  }
  const choices = variableOf(table, variable)?.choices ?? [];
  const names = (code: unknown) => {
    const choice = choices.find((c) => String(c.code) === String(code));
    return [String(code), ...(choice ? [choice.label, choice.labelEn ?? '', ...choice.aliases] : [])].filter(Boolean).map(normalizeText);
  };
  const byName = levels.codes.map(names);
  return {
    labels: levels.labels,
    index: levels.index,
    find: (key) => byName.findIndex((n) => n.includes(normalizeText(key))),
    declared: (key) => choices.some((c) => names(c.code).includes(normalizeText(key))),
  };
}

function resolveTable(table: DataTable, target: TargetTable, targets: WeightingTargets): { name: string; labels: string[]; index: Int32Array; values: number[] } {
  const { file } = targets;
  const levels = target.variables.map((v) => levelsOf(table, v, targets, target.path));
  // A cell is one number (its level indices in mixed radix), not a joined string per row.
  const cellKey = (level: (j: number) => number) => levels.reduce((key, l, j) => key * l.labels.length + level(j), 0);
  const cellOf = new Map<number, number>();
  const labels = target.keys.map((key, k) => {
    const where = target.variables.length > 1 ? `${target.path}.table[${k}]` : `${target.path}.${key[0]}`;
    const parts = key.map((level, j) => {
      const found = levels[j].find(level);
      if (found >= 0) return found;
      const variable = target.variables[j];
      const why = levels[j].declared(level) ? 'has no rows in the data (an empty sample cell)' : 'is not a level of it in the data';
      throw new UsageError(`level "${level}" of ${variable} ${why}`, { file, path: where, hint: `the data's levels of ${variable} are: ${levels[j].labels.join(', ')}` });
    });
    const id = cellKey((j) => parts[j]);
    if (cellOf.has(id)) throw new UsageError(`${key.join(' × ')} is the same cell as an earlier entry`, { file, path: where });
    cellOf.set(id, k);
    return parts.map((p, j) => levels[j].labels[p]).join(' × ');
  });
  const index = new Int32Array(table.nrows);
  const rows = new Int32Array(target.keys.length);
  for (let i = 0; i < table.nrows; i++) {
    const cell = cellOf.get(cellKey((j) => levels[j].index[i]));
    if (cell === undefined) {
      const level = levels.map((l) => l.labels[l.index[i]]).join(' × ');
      throw new UsageError(`${target.variables.join(' × ')} = ${level} is in the data (row ${table.sourceRows[i]}) but has no target`, {
        file,
        path: target.path,
        hint: 'give every level in the data a target, or exclude those rows first',
      });
    }
    index[i] = cell;
    rows[cell]++;
  }
  const empty = rows.findIndex((n) => n === 0);
  if (empty >= 0) {
    throw new UsageError(`the sample cell ${target.variables.join(' × ')} = ${labels[empty]} is empty: no row to carry its target`, {
      file,
      path: `${target.path}.table[${empty}]`,
      hint: 'merge it with a neighbouring cell, or rake on the margins instead',
    });
  }
  return { name: target.variables.join(' × '), labels, index, values: [...target.values] };
}

/**
 * Matches the targets to the data (levels by code, label, English label or alias) and turns them
 * into population counts (R `postStratify`/`rake` take counts). A table whose values are all ≤ 1 is
 * proportions and must sum to 1; it is scaled by `total:`, else by the sum of a table given as
 * counts, else by the sum of the base weights. Tables given as counts must have the same total.
 * Throws a UsageError naming the file, the table and the level: unknown variable or level, a level
 * of the data without a target, an empty sample cell, missing values, inconsistent totals.
 */
export function resolveTargets(table: DataTable, targets: WeightingTargets, baseWeights: Float64Array): ResolvedTarget[] {
  const resolved = targets.tables.map((t) => resolveTable(table, t, targets));
  const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);
  const isProportion = resolved.map((r) => r.values.every((v) => v <= 1));
  resolved.forEach((r, k) => {
    const total = sum(r.values);
    if (isProportion[k] && Math.abs(total - 1) > PROPORTION_SUM) {
      throw new UsageError(`the proportions of ${r.name} sum to ${total}, not 1`, { file: targets.file, path: targets.tables[k].path, hint: 'give counts, or proportions that sum to 1' });
    }
  });
  const countTotals = resolved.map((r, k) => (isProportion[k] ? null : { total: sum(r.values), path: targets.tables[k].path })).filter((t) => t !== null);
  const reference = targets.total !== null ? { total: targets.total, path: 'total' } : countTotals[0] ?? { total: sum(baseWeights), path: null };
  for (const t of countTotals) {
    if (Math.abs(t.total - reference.total) > COUNT_AGREEMENT * reference.total) {
      throw new UsageError(`inconsistent margins: ${t.path} sums to ${t.total} but ${reference.path} to ${reference.total}`, {
        file: targets.file,
        path: t.path,
        hint: 'every margin describes the same population, so their totals must be equal',
      });
    }
  }
  return resolved.map((r, k) => ({
    name: r.name,
    variables: targets.tables[k].variables,
    labels: r.labels,
    index: r.index,
    counts: Float64Array.from(r.values, (v) => (isProportion[k] ? v * reference.total : v)),
  }));
}
