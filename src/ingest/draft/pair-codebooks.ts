import { UsageError } from '../../core/errors.js';
import { normalizeText } from '../../core/normalize-text.js';
import type { Choice, Codebook, Issue, Variable } from '../../core/types.js';
import { parseNumber, splitFillIn } from '../code/code-scalar.js';
import type { SourceItem } from '../wjx/parse-wjx-header.js';
import { wjxMissingReason } from '../wjx/wjx-missing-reason.js';

/** One export of a 问卷星 survey, read whole, with the codebook drafted from it. */
export interface DraftedExport {
  file: string;
  items: SourceItem[];
  rows: string[][];
  codebook: Codebook;
}

/** The columns of single-column questions and grid rows, by the names drafting gives them. */
function columnsByName(items: SourceItem[]): Map<string, number> {
  const columns = new Map<string, number>();
  for (const item of items) {
    if (item.kind === 'question' && item.number !== null) columns.set(`q${item.number}`, item.column);
    if (item.kind === 'matrix') item.rows.forEach((r, i) => columns.set(`q${item.number}_${i + 1}`, r.column));
  }
  return columns;
}

function idColumn(items: SourceItem[]): number | null {
  const meta = items.find((i) => i.kind === 'meta' && i.meta === '序号');
  return meta?.kind === 'meta' ? meta.column : null;
}

/** Pairs the rows of the two exports by 序号, else by position when the row counts agree. */
function alignRows(text: DraftedExport, code: DraftedExport): [string[], string[]][] {
  const ti = idColumn(text.items);
  const ci = idColumn(code.items);
  if (ti !== null && ci !== null) {
    const byId = new Map(code.rows.map((r) => [r[ci]?.trim(), r]));
    const pairs = text.rows.flatMap((r): [string[], string[]][] => {
      const other = byId.get(r[ti]?.trim());
      return other ? [[r, other]] : [];
    });
    if (pairs.length) return pairs;
  }
  if (text.rows.length === code.rows.length) return text.rows.map((r, i) => [r, code.rows[i]]);
  throw new UsageError(`cannot pair ${text.file} with ${code.file}: no common 序号 and ${text.rows.length} vs ${code.rows.length} rows`, {
    hint: 'pair the 按文本 and 按序号 downloads of the same survey',
  });
}

/** Learns each answer text's code from the rows both exports share. */
function learnChoices(name: string, pairs: [string[], string[]][], tc: number, cc: number, issues: Issue[]): Choice[] {
  const seen = new Map<string, Map<number, number>>();
  for (const [t, c] of pairs) {
    if (wjxMissingReason(t[tc] ?? '') || wjxMissingReason(c[cc] ?? '')) continue;
    const label = splitFillIn((t[tc] ?? '').trim()).answer.trim();
    const code = parseNumber(c[cc] ?? '');
    if (code === null) continue;
    const counts = seen.get(label) ?? new Map<number, number>();
    counts.set(code, (counts.get(code) ?? 0) + 1);
    seen.set(label, counts);
  }
  const byCode = new Map<number, string>();
  for (const [label, counts] of seen) {
    const [code] = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (counts.size > 1) {
      issues.push({ sourceRow: 0, variable: name, rawValue: label, rule: 'pair-conflict', severity: 'warning', message: `"${label}" of ${name} pairs with codes ${[...counts.keys()].join(', ')}; kept ${code}` });
    }
    if (byCode.has(code)) {
      issues.push({ sourceRow: 0, variable: name, rawValue: label, rule: 'pair-conflict', severity: 'warning', message: `code ${code} of ${name} pairs with "${byCode.get(code)}" and "${label}"; kept the first` });
      continue;
    }
    byCode.set(code, label);
  }
  return [...byCode].sort((a, b) => a[0] - b[0]).map(([code, label]) => ({ code, label, aliases: [] }));
}

/** Option labels from the 按序号 export (its columns give the codes), plus any the 按文本 rows used that it lacks. */
function mergeOptions(name: string, textChoices: Choice[], codeChoices: Choice[], issues: Issue[]): Choice[] {
  const merged = [...codeChoices];
  const known = new Set(codeChoices.map((c) => normalizeText(c.label)));
  let next = Math.max(0, ...codeChoices.map((c) => Number(c.code)));
  for (const c of textChoices) {
    if (known.has(normalizeText(c.label))) continue;
    merged.push({ code: ++next, label: c.label, aliases: [] });
    issues.push({ sourceRow: 0, variable: name, rawValue: c.label, rule: 'pair-conflict', severity: 'warning', message: `option "${c.label}" of ${name} has no column in the 按序号 export; given code ${next}` });
  }
  return merged;
}

/**
 * Drafts one codebook from the 按文本 and 按序号 downloads of the same 问卷星 survey: question
 * texts and answer labels from the first, 问卷星's own codes from the second, paired row by row.
 */
export function pairCodebooks(text: DraftedExport, code: DraftedExport): { codebook: Codebook; issues: Issue[] } {
  const issues: Issue[] = [];
  const pairs = alignRows(text, code);
  const tCols = columnsByName(text.items);
  const cCols = columnsByName(code.items);
  const codeVars = new Map(code.codebook.variables.map((v) => [v.name, v]));
  const variables = text.codebook.variables.map((v): Variable => {
    const other = codeVars.get(v.name);
    codeVars.delete(v.name);
    if (!other) return v;
    if ((v.type === 'multi' || v.type === 'rank') && (other.type === 'multi' || other.type === 'rank')) {
      return { ...v, type: other.type, choices: mergeOptions(v.name, v.choices ?? [], other.choices ?? [], issues) };
    }
    const tc = tCols.get(v.name);
    const cc = cCols.get(v.name);
    if (v.type === 'single' && other.type === 'single' && tc !== undefined && cc !== undefined) {
      return { ...v, choices: learnChoices(v.name, pairs, tc, cc, issues) };
    }
    return v;
  });
  variables.push(...codeVars.values());
  return { codebook: { ...text.codebook, variables }, issues };
}
