import type { Choice, Codebook, Variable } from '../../core/types.js';
import type { Layout } from '../code/coded-row.js';
import { newProfile, profileCell, type ColumnProfile } from './column-profile.js';
import { wjxMetaVariable } from '../wjx/meta-coders.js';
import { mergeSequences, orderLabels } from './order-labels.js';
import type { QuestionHint, SourceItem } from '../wjx/parse-wjx-header.js';

/** Collects column profiles over a pass of rows, then drafts a codebook from them. */
export interface CodebookInference {
  add(cells: string[]): void;
  finish(): Codebook;
}

// More distinct answers than this and a text column is open text, not a choice question.
const MAX_CHOICES = 50;

function identifier(header: string, fallback: string): string {
  const t = header.trim();
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(t) ? t : fallback;
}

/** The file's own header as the name (GNP.deflator, 收入 (元)): analyses take names as R does. */
function headerName(header: string, fallback: string): string {
  return header.trim() || fallback;
}

function choices(labels: string[]): Choice[] {
  return labels.map((label, i) => ({ code: i + 1, label, aliases: [] }));
}

function codeChoices(p: ColumnProfile): Choice[] {
  return [...p.distinct.keys()]
    .map(Number)
    .sort((a, b) => a - b)
    .map((code) => ({ code, label: String(code), aliases: [] }));
}

/** Drafts one variable from what its column(s) held. */
function draftVariable(name: string, label: string, p: ColumnProfile, layout: Layout, hint: QuestionHint | null): Variable {
  const base = label === name ? { name, aliases: [] } : { name, label, aliases: [] };
  const sequences = [...p.joined, ...[...p.distinct.keys()].map((a) => [a])];
  if (p.ranked || hint === 'rank') {
    return { ...base, type: 'rank', choices: choices(mergeSequences(sequences)) };
  }
  if (p.joined.length || hint === 'multi') return { ...base, type: 'multi', choices: choices(mergeSequences(sequences)) };
  const allNumeric = p.answered > 0 && p.numeric === p.answered;
  if (allNumeric) {
    // 按序号 answers are choice codes; elsewhere numbers are numbers.
    const codes = layout === 'wjx-code' && hint !== 'text' && p.integer === p.answered && !p.overflow && p.distinct.size <= MAX_CHOICES;
    return codes ? { ...base, type: 'single', choices: codeChoices(p) } : { ...base, type: 'numeric' };
  }
  const repeats = p.answered < 20 || p.distinct.size <= p.answered / 2;
  if (hint !== 'text' && !p.overflow && p.distinct.size > 0 && p.distinct.size <= MAX_CHOICES && repeats) {
    // A 问卷星 draft guesses the questionnaire's order (its codes); any other table sorts the
    // texts, as R's factor() does (DESIGN §2: levels are sorted when no codebook orders them).
    const labels = [...p.distinct.keys()];
    return { ...base, type: 'single', choices: choices(layout === 'plain' ? labels.sort() : orderLabels(labels)) };
  }
  return { ...base, type: 'text' };
}

function fillInVariable(v: Variable): Variable {
  return { name: `${v.name}_other`, label: `${v.label ?? v.name}（其他，请注明）`, labelEn: 'Other (specify)', type: 'text', aliases: [] };
}

/**
 * Starts drafting a codebook for a table without one: 问卷星 metadata, q<N> per numbered question
 * (multi-select, ranking, grid rows q<N>_<row>), plain columns by their header as it is (with
 * `identifierNames`, as a codebook needs: the header when it is an ASCII identifier, else
 * v<column>, the header kept as the label); choices ordered as
 * the questionnaire most likely had them (see orderLabels) in a 问卷星 export, sorted in any other
 * table (as R's factor levels). The user edits the draft.
 */
export function inferCodebook(items: SourceItem[], layout: Layout, id: string, identifierNames = false): CodebookInference {
  const profiles = new Map<number, ColumnProfile>();
  const columns = items.flatMap((item) => {
    if (item.kind === 'meta') return [];
    if (item.kind === 'question') return [item.column];
    if (item.kind === 'options') return item.options.map((o) => o.column);
    return item.rows.map((r) => r.column);
  });
  for (const c of columns) profiles.set(c, newProfile());
  const profile = (c: number) => profiles.get(c) as ColumnProfile;

  return {
    add(cells) {
      for (const c of columns) profileCell(profile(c), cells[c] ?? '', layout);
    },
    finish() {
      const variables: Variable[] = [];
      const taken = new Set<string>();
      const unique = (name: string) => {
        let candidate = name;
        for (let k = 2; taken.has(candidate); k++) candidate = `${name}_${k}`;
        taken.add(candidate);
        return candidate;
      };
      const push = (v: Variable, fillIn: boolean) => {
        v.name = unique(v.name);
        variables.push(v);
        if (fillIn && v.type !== 'text' && v.type !== 'numeric') variables.push(fillInVariable(v));
      };
      // Unnumbered 问卷星 columns are named by their order among such columns, so that the
      // 按文本 and 按序号 downloads (whose column positions differ) name them alike.
      const wjx = layout !== 'plain';
      let unnumbered = 0;
      for (const item of items) {
        if (item.kind === 'meta') {
          push(wjxMetaVariable(item.meta), false);
        } else if (item.kind === 'question') {
          // Only unnumbered columns advance the count: the two downloads number their questions alike
          // but lay them over different column counts (a multi-select is one column or one per option).
          // A plain table keeps its headers unless the draft is for a codebook, whose names are identifiers.
          let name = `q${item.number}`;
          if (item.number === null) {
            const fallback = wjx ? `x${++unnumbered}` : `v${item.column + 1}`;
            name = wjx || identifierNames ? identifier(item.header, fallback) : headerName(item.header, fallback);
          }
          const label = item.text || item.header.trim();
          push(draftVariable(name, label, profile(item.column), layout, item.typeHint), profile(item.column).fillIn);
        } else if (item.kind === 'options') {
          const rank = item.options.some((o) => {
            const p = profile(o.column);
            return [...p.distinct.keys()].some((k) => k !== '0' && k !== '1');
          });
          push({ name: `q${item.number}`, label: `第${item.number}题`, type: rank ? 'rank' : 'multi', choices: choices(item.options.map((o) => o.label)), aliases: [] }, false);
        } else {
          // Grid rows share one scale: profile them together for the choices, then one variable a row.
          const merged = newProfile();
          for (const row of item.rows) {
            const p = profile(row.column);
            for (const [k, n] of p.distinct) merged.distinct.set(k, (merged.distinct.get(k) ?? 0) + n);
            merged.answered += p.answered;
            merged.numeric += p.numeric;
            merged.integer += p.integer;
            merged.overflow ||= p.overflow;
          }
          const shape = draftVariable('', '', merged, layout, item.typeHint === 'matrix' ? null : item.typeHint);
          item.rows.forEach((row, i) => {
            push({ ...shape, name: `q${item.number}_${i + 1}`, label: row.label, group: `q${item.number}`, aliases: [`${item.text}—${row.label}`] }, profile(row.column).fillIn);
          });
        }
      }
      return { id, title: id, variables, checks: [], derive: [] };
    },
  };
}
