import { parseExpression } from '../codebook/parse-expression.js';
import { compileExpression, type CompiledExpression } from '../codebook/evaluate-expression.js';
import { listReferences } from '../codebook/list-references.js';
import { UsageError } from '../core/errors.js';
import type { Codebook, Variable } from '../core/types.js';
import type { OutputColumn } from '../ingest/code/coded-row.js';
import type { CleanRules } from './clean-rules.js';
import { WJX_META } from '../ingest/wjx/parse-wjx-header.js';

/** A question of the codebook as the coded table holds it: its variable and output columns. */
export interface Item {
  variable: Variable;
  columns: number[];
  relevant: CompiledExpression | null;
  constraint: CompiledExpression | null;
}

/** Everything cleaning needs to know about the coded table's columns, prepared once. */
export interface CleanContext {
  codebook: Codebook;
  outputs: OutputColumn[];
  rules: CleanRules;
  /** Answerable questions (single, multi, rank, numeric), in codebook order. */
  items: Item[];
  /** Every column of every question (text too): what "the same answers" compares. */
  answerColumns: number[];
  /** Grids (codebook `group`) of single-choice items, with the columns of their rows. */
  grids: { group: string; columns: number[] }[];
  checks: { name: string; message: string; holds: CompiledExpression; variables: string[] }[];
  column: (name: string) => number | undefined;
  duration: number | undefined;
  id: number | undefined;
  ip: number | undefined;
  submittedAt: number | undefined;
}

const ANSWERABLE = new Set(['single', 'multi', 'rank', 'numeric']);

/** A variable 问卷星's own metadata column became (a drafted codebook keeps its header as the label). */
function isWjxMeta(v: Variable): boolean {
  return Object.hasOwn(WJX_META, v.label ?? '') && WJX_META[v.label as keyof typeof WJX_META] === v.name;
}

function namedColumn(outputs: OutputColumn[], named: string): number {
  const k = outputs.findIndex((o) => o.name === named);
  if (k < 0) throw new UsageError(`the rules name the column "${named}", which the data does not have`, { hint: `columns: ${outputs.map((o) => o.name).join(', ')}` });
  return k;
}

/** The column of a metadata variable: the one the rules name, else the first of its type, else the built-in name. */
function metaColumn(ctx: { outputs: OutputColumn[]; byVariable: Map<string, Variable> }, type: Variable['type'], fallback: string, named?: string): number | undefined {
  if (named !== undefined) return namedColumn(ctx.outputs, named);
  const typed = ctx.outputs.findIndex((o) => ctx.byVariable.get(o.variable)?.type === type);
  if (typed >= 0) return typed;
  const k = ctx.outputs.findIndex((o) => o.name === fallback);
  return k < 0 ? undefined : k;
}

/** Prepares the cleaning context: items, grids, compiled skip logic, constraints and checks. */
export function cleanContext(codebook: Codebook, outputs: OutputColumn[], rules: CleanRules): CleanContext {
  const byVariable = new Map(codebook.variables.map((v) => [v.name, v]));
  const columnsOf = new Map<string, number[]>();
  outputs.forEach((o, k) => columnsOf.set(o.variable, [...(columnsOf.get(o.variable) ?? []), k]));
  const mapped = codebook.variables.filter((v) => columnsOf.has(v.name));
  if (!mapped.some((v) => ANSWERABLE.has(v.type))) {
    throw new UsageError('the codebook matches none of the question columns in the data', {
      hint: 'check that the codebook belongs to this survey (names, labels or aliases must match the headers)',
    });
  }
  const items = mapped
    .filter((v) => ANSWERABLE.has(v.type))
    .map((v) => ({
      variable: v,
      columns: columnsOf.get(v.name) as number[],
      relevant: v.relevant ? compileExpression(parseExpression(v.relevant)) : null,
      constraint: v.constraint ? compileExpression(parseExpression(v.constraint)) : null,
    }));
  const groups = new Map<string, number[]>();
  for (const item of items) {
    if (item.variable.group && item.variable.type === 'single') groups.set(item.variable.group, [...(groups.get(item.variable.group) ?? []), ...item.columns]);
  }
  const index = new Map(outputs.map((o, k) => [o.name, k]));
  const ctx = { outputs, byVariable };
  return {
    codebook,
    outputs,
    rules,
    items,
    // 问卷星's metadata (来源, 来自IP, 总分 drafted into the codebook) is not an answer.
    answerColumns: mapped.filter((v) => (ANSWERABLE.has(v.type) || v.type === 'text') && !isWjxMeta(v)).flatMap((v) => columnsOf.get(v.name) as number[]),
    grids: [...groups].map(([group, columns]) => ({ group, columns })),
    checks: codebook.checks.map((c) => {
      const expression = parseExpression(c.check);
      return { name: c.name, message: c.message ?? c.check, holds: compileExpression(expression), variables: listReferences(expression) };
    }),
    column: (name) => index.get(name),
    duration: metaColumn(ctx, 'duration', 'duration_s', rules.speeder.variable),
    id: metaColumn(ctx, 'id', 'id', rules['duplicate-id'].variable),
    ip: rules['ip-burst'].variable === undefined ? index.get('ip') : namedColumn(outputs, rules['ip-burst'].variable),
    submittedAt: metaColumn(ctx, 'datetime', 'submitted_at'),
  };
}
