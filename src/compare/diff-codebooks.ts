import { normalizeText } from '../core/normalize-text.js';
import type { Choice, Codebook, Code, Variable } from '../core/types.js';

/** What kind of change a question went through between two waves. */
export type CodebookChangeKind =
  | 'added'
  | 'removed'
  | 'reworded'
  | 'type'
  | 'order'
  | 'choice-added'
  | 'choice-removed'
  | 'recoded'
  | 'relabelled'
  | 'missing-codes'
  | 'range'
  | 'skip-logic'
  | 'derived';

/** One difference between the earlier and the later codebook, on one variable. */
export interface CodebookChange {
  readonly kind: CodebookChangeKind;
  readonly variable: string;
  /** The earlier wave's wording, label, code or range (null where it had none). */
  readonly from: string | null;
  readonly to: string | null;
  /**
   * True when the change makes estimates of the variable incomparable (wording, type, order,
   * choices); false for changes to note beside a comparison (missing codes, ranges, skip logic).
   */
  readonly breaks: boolean;
}

const BREAKS: ReadonlySet<CodebookChangeKind> = new Set(['removed', 'reworded', 'type', 'order', 'choice-added', 'choice-removed', 'recoded', 'relabelled', 'derived']);

const same = (a: string | undefined, b: string | undefined) => normalizeText(a ?? '') === normalizeText(b ?? '');
/** True when `b` is the same answer as `a`: equal labels (tolerantly), or one's label among the other's aliases. */
const sameAnswer = (a: Choice, b: Choice) => same(a.label, b.label) || b.aliases.some((x) => same(x, a.label)) || a.aliases.some((x) => same(x, b.label));
const choiceText = (c: Choice) => `${c.code}=${c.label}`;
const key = (code: Code) => String(code);

function diffChoices(name: string, before: readonly Choice[], after: readonly Choice[], kinds: { added: CodebookChangeKind; removed: CodebookChangeKind; changed: CodebookChangeKind } | null, out: CodebookChange[]): void {
  const push = (kind: CodebookChangeKind, from: string | null, to: string | null) => out.push({ kind, variable: name, from, to, breaks: BREAKS.has(kind) });
  const byCode = new Map(before.map((c) => [key(c.code), c]));
  const afterCodes = new Set(after.map((c) => key(c.code)));
  const recodedFrom = new Set<string>();
  for (const c of after) {
    const old = byCode.get(key(c.code));
    if (old) {
      if (!sameAnswer(old, c)) push(kinds?.changed ?? 'relabelled', choiceText(old), choiceText(c));
      continue;
    }
    // A new code: the same answer under another code is a recode, else a new answer.
    const moved = before.find((o) => !afterCodes.has(key(o.code)) && sameAnswer(o, c));
    if (moved) {
      recodedFrom.add(key(moved.code));
      push(kinds ? kinds.changed : 'recoded', choiceText(moved), choiceText(c));
    } else push(kinds?.added ?? 'choice-added', null, choiceText(c));
  }
  for (const o of before) if (!afterCodes.has(key(o.code)) && !recodedFrom.has(key(o.code))) push(kinds?.removed ?? 'choice-removed', choiceText(o), null);
}

function diffVariable(a: Variable, b: Variable, out: CodebookChange[]): void {
  const push = (kind: CodebookChangeKind, from: string | null, to: string | null) => out.push({ kind, variable: b.name, from, to, breaks: BREAKS.has(kind) });
  if (!same(a.label, b.label)) push('reworded', a.label ?? null, b.label ?? null);
  if (a.type !== b.type) push('type', a.type, b.type);
  if (Boolean(a.ordered) !== Boolean(b.ordered)) push('order', a.ordered ? 'ordered' : 'unordered', b.ordered ? 'ordered' : 'unordered');
  diffChoices(b.name, a.choices ?? [], b.choices ?? [], null, out);
  diffChoices(b.name, a.missing ?? [], b.missing ?? [], { added: 'missing-codes', removed: 'missing-codes', changed: 'missing-codes' }, out);
  const range = (v: Variable) => (v.range ? `[${v.range[0]}, ${v.range[1]}]` : null);
  if (range(a) !== range(b)) push('range', range(a), range(b));
  if ((a.relevant ?? '') !== (b.relevant ?? '')) push('skip-logic', a.relevant ?? null, b.relevant ?? null);
}

/**
 * The codebook comparability diff of two waves (earlier → later): questions added, removed or
 * reworded (labels compared tolerantly: width, spaces, punctuation), type or order changed;
 * choices added, removed, recoded (the same answer under another code) or relabelled (another
 * answer under the same code); missing codes, ranges and skip logic changed; derived variables
 * whose expression changed. Variables are matched by name, in the later codebook's order.
 */
export function diffCodebooks(earlier: Codebook, later: Codebook): CodebookChange[] {
  const out: CodebookChange[] = [];
  const before = new Map(earlier.variables.map((v) => [v.name, v]));
  const after = new Set(later.variables.map((v) => v.name));
  for (const v of later.variables) {
    const old = before.get(v.name);
    if (!old) out.push({ kind: 'added', variable: v.name, from: null, to: v.label ?? null, breaks: false });
    else diffVariable(old, v, out);
  }
  for (const v of earlier.variables) if (!after.has(v.name)) out.push({ kind: 'removed', variable: v.name, from: v.label ?? null, to: null, breaks: true });
  const derived = new Map(earlier.derive.map((d) => [d.name, d.expr]));
  for (const d of later.derive) {
    const old = derived.get(d.name);
    if (old !== undefined && old.replace(/\s+/g, '') !== d.expr.replace(/\s+/g, '')) out.push({ kind: 'derived', variable: d.name, from: old, to: d.expr, breaks: true });
  }
  return out;
}
