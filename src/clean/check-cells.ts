import type { Issue } from '../core/types.js';
import type { CodedRow } from '../ingest/ingest-file.js';
import type { CleanContext, Item } from './clean-context.js';

function cellIssue(row: CodedRow, item: Item, rule: string, rawValue: unknown, message: string, severity: Issue['severity'] = 'error'): Issue {
  return { sourceRow: row.sourceRow, variable: item.variable.name, rawValue: rawValue === null ? '' : String(rawValue), rule, severity, message };
}

function answered(row: CodedRow, item: Item): boolean {
  for (const k of item.columns) if (row.values[k] !== null && row.reasons[k] !== 'declared') return true;
  return false;
}

function blank(row: CodedRow, item: Item): void {
  for (const k of item.columns) {
    row.values[k] = null;
    row.reasons[k] = 'invalid';
  }
}

/**
 * Applies the codebook's cell rules to one coded row: out-of-range numbers, constraints, skip logic
 * (answered when not relevant, missing when relevant), required items. A rejected cell becomes
 * missing; its raw value stays in the issue. Returns the row's issues (checks: see checkRow).
 */
export function checkCells(ctx: CleanContext, row: CodedRow): Issue[] {
  const issues: Issue[] = [];
  const lookup = (name: string) => {
    const k = ctx.column(name);
    return k === undefined ? null : row.values[k];
  };
  for (const item of ctx.items) {
    const v = item.variable;
    const k = item.columns[0];
    const value = row.values[k];
    if (v.type === 'numeric' && typeof value === 'number' && row.reasons[k] !== 'declared') {
      if (v.range && (value < v.range[0] || value > v.range[1])) {
        issues.push(cellIssue(row, item, 'out-of-range', value, `${value} is outside ${v.name}'s range [${v.range[0]}, ${v.range[1]}]`));
        blank(row, item);
      } else if (item.constraint && item.constraint((name) => (name === '.' ? value : lookup(name))) === false) {
        issues.push(cellIssue(row, item, 'constraint', value, v.constraintMessage ?? `${value} breaks ${v.name}'s constraint ${v.constraint}`));
        blank(row, item);
      }
    }
    const relevant = item.relevant ? item.relevant(lookup) : true;
    const has = answered(row, item);
    if (relevant === false && has) {
      issues.push(cellIssue(row, item, 'skip-logic', value, `${v.name} is answered although not asked (relevant: ${v.relevant})`));
      blank(row, item);
    } else if (relevant === true && !has && row.reasons[k] !== 'declared') {
      if (v.required) issues.push(cellIssue(row, item, 'required-missing', null, `${v.name} is required but not answered`, 'warning'));
      else if (item.relevant) issues.push(cellIssue(row, item, 'skip-logic', null, `${v.name} should have been asked (relevant: ${v.relevant}) but is missing`, 'warning'));
    }
  }
  return issues;
}

/** The codebook checks (EpiData style: each describes good data) that one row fails, with their issues. */
export function failedChecks(ctx: CleanContext, row: CodedRow): Issue[] {
  const lookup = (name: string) => {
    const k = ctx.column(name);
    return k === undefined ? null : row.values[k];
  };
  return ctx.checks
    .filter((c) => c.holds(lookup) === false)
    .map((c) => ({
      sourceRow: row.sourceRow,
      variable: c.variables.join('+'),
      rawValue: c.variables.map((name) => `${name}=${lookup(name) ?? ''}`).join('; '),
      rule: c.name,
      severity: 'warning' as const,
      message: c.message,
    }));
}
