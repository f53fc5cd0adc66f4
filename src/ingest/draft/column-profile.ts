import { missingReasonOf, parseNumber, splitFillIn } from '../code/code-scalar.js';
import type { Layout } from '../code/coded-row.js';

/** What one pass over a raw column learned about its answers, for drafting a codebook. */
export interface ColumnProfile {
  /** Distinct answers (fill-in text removed) in first-seen order, up to `MAX_DISTINCT`. */
  distinct: Map<string, number>;
  /** More distinct answers than are tracked. */
  overflow: boolean;
  answered: number;
  numeric: number;
  integer: number;
  /** Answers joined with ┋ (multi-select) or → (ranking), split into their parts. */
  joined: string[][];
  ranked: boolean;
  fillIn: boolean;
}

const MAX_DISTINCT = 200;

/** An empty profile. */
export function newProfile(): ColumnProfile {
  return { distinct: new Map(), overflow: false, answered: 0, numeric: 0, integer: 0, joined: [], ranked: false, fillIn: false };
}

/** Adds one raw cell to a column profile. */
export function profileCell(p: ColumnProfile, raw: string, layout: Layout): void {
  // Damaged text (U+FFFD) is reported by ingest; it must not become a choice of the draft.
  if (missingReasonOf(raw, layout) || raw.includes('\uFFFD')) return;
  const text = raw.trim();
  p.answered++;
  const n = parseNumber(text);
  if (n !== null) {
    p.numeric++;
    if (Number.isInteger(n)) p.integer++;
  }
  const multi = text.includes('┋');
  const rank = text.includes('→');
  if (multi || rank) {
    p.ranked ||= rank;
    const parts = text.split(rank ? '→' : '┋').map((part) => noteFillIn(p, part.trim()));
    if (p.joined.length < MAX_DISTINCT * 10) p.joined.push(parts);
    return;
  }
  const answer = noteFillIn(p, text);
  if (p.distinct.has(answer)) p.distinct.set(answer, (p.distinct.get(answer) as number) + 1);
  else if (p.distinct.size < MAX_DISTINCT) p.distinct.set(answer, 1);
  else p.overflow = true;
}

function noteFillIn(p: ColumnProfile, text: string): string {
  const { answer, fillIn } = splitFillIn(text);
  if (fillIn !== null) p.fillIn = true;
  return answer.trim();
}
