import type { MissingReason, Variable } from '../../core/types.js';
import type { ChoiceMatcher } from './choice-matcher.js';
import type { CodedValue, Layout } from './coded-row.js';
import { parseWjxDuration } from '../wjx/parse-wjx-duration.js';
import { parseWjxTime } from '../wjx/parse-wjx-time.js';
import { wjxMissingReason } from '../wjx/wjx-missing-reason.js';

/** The result of coding one cell: a value, or missing with its reason and, if invalid, the rule broken. */
export interface ScalarResult {
  value: CodedValue;
  reason: MissingReason | null;
  rule?: string;
  message?: string;
}

const PLAIN_NUMBER = /^-?\d{1,15}(\.\d+)?$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Powers of ten that are exact doubles (10²² is the last). */
const EXACT_TENS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * A plain decimal (`-12.5`, `007`) of at most 15 digits, without a regex or strtod: the digits form
 * an integer below 2⁵³ and one division by an exact power of ten rounds once, correctly, so the result
 * is the very double Number() gives. NaN when the text is not such a number.
 */
function plainDecimal(text: string): number {
  const negative = text.charCodeAt(0) === 45;
  let i = negative ? 1 : 0;
  let digits = 0;
  let fraction = -1;
  let mantissa = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0 && digits > 0) fraction = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15 || fraction === 0) return Number.NaN;
  const value = fraction > 0 ? mantissa / EXACT_TENS[fraction] : mantissa;
  return negative ? -value : value;
}

/** Parses a number as users type it: full-width digits, thousands separators; null if not a number. */
export function parseNumber(text: string): number | null {
  const plain = plainDecimal(text);
  if (!Number.isNaN(plain)) return plain;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  const t = text.normalize('NFKC').trim().replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  return NUMBER.test(t) ? Number(t) : null;
}

/** Splits `其他【请注明】〖柜台〗` into the answer and the fill-in text 问卷星 appends in 〖〗. */
export function splitFillIn(text: string): { answer: string; fillIn: string | null } {
  if (!text.includes('〖')) return { answer: text, fillIn: null };
  const m = /^(.*?)〖(.*)〗\s*$/su.exec(text);
  return m ? { answer: m[1], fillIn: m[2] } : { answer: text, fillIn: null };
}

/** Why a raw cell holds no answer in this layout, or null when it holds one. */
export function missingReasonOf(raw: string, layout: Layout): MissingReason | null {
  if (layout !== 'plain') return wjxMissingReason(raw);
  const t = raw.trim();
  // Only a two-letter cell can be NA: no upper-casing (a new string) for every other cell.
  return t === '' || (t.length === 2 && t.toUpperCase() === 'NA') ? 'empty' : null;
}

/**
 * Codes one cell of a single-column variable by its type: choices through labels or codes (label
 * first in a 按文本 export, code first otherwise), numbers, durations, date-times, ids and texts.
 */
export function codeScalar(
  variable: Variable,
  matcher: ChoiceMatcher | null,
  raw: string,
  layout: Layout,
): ScalarResult {
  const reason = missingReasonOf(raw, layout);
  if (reason) return { value: null, reason };
  const text = raw.trim();
  switch (variable.type) {
    case 'single': {
      const m = matcher as ChoiceMatcher;
      const { answer } = splitFillIn(text);
      const found = layout === 'wjx-text' ? (m.byLabel(answer) ?? m.byCode(answer)) : (m.byCode(answer) ?? m.byLabel(answer));
      if (found) return { value: found.code, reason: found.declaredMissing ? 'declared' : null };
      const rule = layout === 'wjx-code' ? 'unknown-code' : 'unknown-label';
      return { value: null, reason: 'invalid', rule, message: `"${text}" is not a choice of ${variable.name}` };
    }
    case 'numeric': {
      const n = parseNumber(text);
      if (n !== null) return { value: n, reason: null };
      const declared = matcher?.byCode(text) ?? matcher?.byLabel(text);
      if (declared?.declaredMissing) return { value: declared.code, reason: 'declared' };
      return { value: null, reason: 'invalid', rule: 'not-a-number', message: `"${text}" is not a number (${variable.name})` };
    }
    case 'duration': {
      const seconds = parseWjxDuration(text);
      if (seconds !== null) return { value: seconds, reason: null };
      return { value: null, reason: 'invalid', rule: 'bad-duration', message: `"${text}" is not a duration like 136秒 or 2分3秒` };
    }
    case 'datetime': {
      const iso = parseWjxTime(text);
      if (iso !== null) return { value: iso, reason: null };
      return { value: null, reason: 'invalid', rule: 'bad-datetime', message: `"${text}" is not a date-time like 2025/03/14 09:12:44` };
    }
    case 'id': {
      const n = parseNumber(text);
      return { value: n !== null && Number.isInteger(n) ? n : text, reason: null };
    }
    default:
      return { value: text, reason: null };
  }
}
