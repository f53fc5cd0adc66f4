import { normalizeText } from '../../core/normalize-text.js';
import type { Codebook, Issue, Variable } from '../../core/types.js';
import { choiceMatcher } from './choice-matcher.js';
import { choiceColumnName, joinedAnswersCoder, optionColumnsCoder, type OptionColumn } from './choice-columns-coder.js';
import type { ItemCoder, Layout } from './coded-row.js';
import { ipCoder, wjxMetaVariable } from '../wjx/meta-coders.js';
import type { SourceItem } from '../wjx/parse-wjx-header.js';
import { passThroughCoder, passThroughVariable } from './pass-through-coder.js';
import { scalarCoder } from './scalar-coder.js';
import { variableIndex, type VariableIndex } from './variable-index.js';

/** A raw column and the variable it was mapped to. */
export interface MappedColumn {
  column: string;
  variable: string;
}

/** How a raw table's columns become the coded table: the coders, and what matched and what did not. */
export interface ColumnMapping {
  coders: ItemCoder[];
  mapped: MappedColumn[];
  unmapped: string[];
  missingVariables: string[];
  issues: Issue[];
}

const GROUPED: Variable['type'][] = ['multi', 'rank'];

function isFillIn(v: Variable, byName: Map<string, Variable>, used: Set<string>): boolean {
  const base = v.name.endsWith('_other') ? byName.get(v.name.slice(0, -'_other'.length)) : undefined;
  return v.type === 'text' && base !== undefined && used.has(base.name);
}

function columnIssue(header: string, rule: string, severity: Issue['severity'], message: string): Issue {
  return { sourceRow: 0, variable: header.trim(), rawValue: '', rule, severity, message };
}

/**
 * Maps the items of a raw header to codebook variables — by name, alias, label text (tolerant of
 * punctuation, width and spaces) or question number — and builds a coder for each match.
 */
export function mapColumns(items: SourceItem[], codebook: Codebook, layout: Layout): ColumnMapping {
  const index = variableIndex(codebook);
  const used = new Set<string>();
  const result: ColumnMapping = { coders: [], mapped: [], unmapped: [], missingVariables: [], issues: [] };
  const byName = new Map(codebook.variables.map((v) => [v.name, v]));

  const take = (candidates: Variable[], accept: (v: Variable) => boolean = () => true): Variable | null =>
    candidates.find((v) => !used.has(v.name) && accept(v)) ?? null;
  // A text variable `<name>_other` that a column of the file names itself gets that column; only
  // otherwise does it take the 〖…〗 fill-in text of `<name>`'s answers.
  const ownColumn = new Set(
    items.flatMap((item) => (item.kind === 'question' ? [...index.byText(item.header), ...index.byText(item.text)] : [])).map((v) => v.name),
  );
  const fillInOf = (v: Variable): Variable | null => {
    const other = byName.get(`${v.name}_other`);
    return other && other.type === 'text' && !used.has(other.name) && !ownColumn.has(other.name) ? other : null;
  };
  // Every output column named so far: a pass-through column may not take one (a set, so a file of 100,000 columns stays linear).
  const outputNames = new Set<string>();
  const record = (coder: ItemCoder, variables: Variable[]) => {
    for (const v of variables) used.add(v.name);
    for (const o of coder.outputs) outputNames.add(o.name);
    result.coders.push(coder);
    for (const header of coder.headers) result.mapped.push({ column: header, variable: variables[0].name });
  };
  const unmapped = (header: string, message: string) => {
    result.unmapped.push(header);
    result.issues.push(columnIssue(header, 'unmapped-column', 'warning', message));
  };
  const singleColumn = (v: Variable, column: number, header: string) => {
    const fillIn = v.type === 'single' || GROUPED.includes(v.type) ? fillInOf(v) : null;
    const coder = GROUPED.includes(v.type)
      ? joinedAnswersCoder(v, column, header, layout, fillIn)
      : scalarCoder(v, column, header, layout, fillIn);
    record(coder, fillIn ? [v, fillIn] : [v]);
  };

  // A coded file (plain layout) holds a multi-select or ranking as `<name>_<code>` columns, and may
  // hold columns the codebook does not describe (weights, ids, scores): both are kept.
  const consumed = new Set<number>();
  const codedOptions = layout === 'plain' ? codedOptionColumns(items, codebook) : new Map<Variable, OptionColumn[]>();
  const keepOutside = (column: number, header: string): boolean => {
    const name = header.trim() || `v${column + 1}`;
    const taken = byName.has(name) || outputNames.has(name);
    if (layout !== 'plain' || taken) return false;
    const v = passThroughVariable(name);
    record(passThroughCoder(v, column, header, layout), [v]);
    return true;
  };

  for (const item of items) {
    if (item.kind === 'question' && consumed.has(item.column)) continue;
    const coded = item.kind === 'question' ? [...codedOptions].find(([v, o]) => !used.has(v.name) && o[0].column === item.column) : undefined;
    if (coded) {
      for (const o of coded[1]) consumed.add(o.column);
      record(optionColumnsCoder(coded[0], coded[1], layout), [coded[0]]);
      continue;
    }
    if (item.kind === 'meta') {
      const v = take(index.byText(item.header)) ?? wjxMetaVariable(item.meta);
      if (byName.has(v.name) && byName.get(v.name) !== v) {
        unmapped(item.header, `metadata column "${item.header.trim()}" would become ${v.name}, which the codebook uses for another question`);
        continue;
      }
      record(item.meta === '来自IP' ? ipCoder(v, item.column, item.header, layout) : scalarCoder(v, item.column, item.header, layout), [v]);
    } else if (item.kind === 'question') {
      const v =
        take(index.byText(item.header)) ??
        take(index.byText(item.text)) ??
        (item.number === null ? null : take(index.byNumber(item.number)));
      if (v) singleColumn(v, item.column, item.header);
      else if (!keepOutside(item.column, item.header)) unmapped(item.header, `column "${item.header.trim()}" matches no codebook variable (name, alias, label or question number)`);
    } else if (item.kind === 'options') {
      mapOptions(item, index, codebook, take, layout, record, unmapped);
    } else {
      item.rows.forEach((row, i) => {
        const v =
          take(index.byText(`${item.text}—${row.label}`)) ??
          take(index.byText(row.header)) ??
          take(index.byText(row.label)) ??
          take(index.byNumber(item.number, i + 1));
        if (v) singleColumn(v, row.column, row.header);
        else unmapped(row.header, `matrix row "${row.label}" of question ${item.number} matches no codebook variable`);
      });
    }
  }

  for (const v of codebook.variables) {
    if (used.has(v.name)) continue;
    // The 按序号 download carries no fill-in text: its <name>_other is absent by design.
    if (layout === 'wjx-code' && isFillIn(v, byName, used)) continue;
    result.missingVariables.push(v.name);
    result.issues.push(columnIssue(v.name, 'missing-variable', 'warning', `codebook variable ${v.name} has no column in the file`));
  }
  return result;
}

function mapOptions(
  item: Extract<SourceItem, { kind: 'options' }>,
  index: VariableIndex,
  codebook: Codebook,
  take: (c: Variable[], accept?: (v: Variable) => boolean) => Variable | null,
  layout: Layout,
  record: (coder: ItemCoder, variables: Variable[]) => void,
  unmapped: (header: string, message: string) => void,
): void {
  const grouped = (v: Variable) => GROUPED.includes(v.type);
  // Option columns carry no question text: match by number, else by the option labels themselves.
  const v =
    take(index.byNumber(item.number), grouped) ??
    take(
      codebook.variables
        .filter(grouped)
        .map((c) => ({ c, score: overlap(c, item.options.map((o) => o.label)) }))
        .filter((x) => x.score >= 0.8)
        .sort((a, b) => b.score - a.score)
        .map((x) => x.c),
    );
  if (!v) {
    for (const o of item.options) unmapped(o.header, `option column "${o.header.trim()}" of question ${item.number} matches no multi-select or ranking variable`);
    return;
  }
  const matcher = choiceMatcher(v);
  const options: OptionColumn[] = [];
  for (const o of item.options) {
    const found = matcher.byLabel(o.label);
    if (found && !found.declaredMissing) options.push({ column: o.column, header: o.header, code: found.code });
    else unmapped(o.header, `option "${o.label}" is not a choice of ${v.name}`);
  }
  if (options.length) record(optionColumnsCoder(v, options, layout), [v]);
}

/** The `<name>_<code>` columns of each multi-select or ranking variable in a coded file, in file order. */
function codedOptionColumns(items: SourceItem[], codebook: Codebook): Map<Variable, OptionColumn[]> {
  const byHeader = new Map<string, { v: Variable; code: number | string }>();
  for (const v of codebook.variables.filter((c) => GROUPED.includes(c.type))) {
    for (const c of v.choices ?? []) byHeader.set(choiceColumnName(v, c.code), { v, code: c.code });
  }
  const found = new Map<Variable, OptionColumn[]>();
  for (const item of items) {
    const match = item.kind === 'question' ? byHeader.get(item.header.trim()) : undefined;
    if (!match || item.kind !== 'question') continue;
    const list = found.get(match.v) ?? [];
    if (!list.some((o) => o.code === match.code)) list.push({ column: item.column, header: item.header, code: match.code });
    found.set(match.v, list);
  }
  return found;
}

function overlap(v: Variable, labels: string[]): number {
  const known = new Set((v.choices ?? []).flatMap((c) => [c.label, ...c.aliases].map(normalizeText)));
  return labels.filter((l) => known.has(normalizeText(l))).length / labels.length;
}
