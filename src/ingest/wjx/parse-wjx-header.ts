import { normalizeText } from '../../core/normalize-text.js';

/** The metadata columns 问卷星 adds to every export, with the coded column each becomes. */
export const WJX_META = {
  序号: 'id',
  提交答卷时间: 'submitted_at',
  所用时间: 'duration_s',
  来源: 'source',
  来源详情: 'source_detail',
  来自IP: 'ip',
  总分: 'total_score',
} as const;

export type WjxMetaHeader = keyof typeof WJX_META;

/** One column (or group of columns) of a raw export, as the header describes it. */
export type SourceItem =
  | { kind: 'meta'; meta: WjxMetaHeader; column: number; header: string }
  /** One column holding one question: single choice, fill-in, or (text layout) ┋/→-joined answers. */
  | { kind: 'question'; number: number | null; text: string; typeHint: QuestionHint | null; column: number; header: string }
  /** Code layout: one column per option, `第6题(运动)` (0/1 for multi-select, ranks for ranking). */
  | { kind: 'options'; number: number; options: { column: number; label: string; header: string }[] }
  /** A matrix (or multi-fill) question: `13、…—first row` then bare row labels. */
  | { kind: 'matrix'; number: number; text: string; typeHint: QuestionHint | null; rows: { column: number; label: string; header: string }[] };

/** What the question-type suffix of a 问卷星 header (`(多选题 *必答)`) says. */
export type QuestionHint = 'single' | 'multi' | 'rank' | 'text' | 'matrix';

const QUESTION = /^\s*(\d+)[、.．]\s*(.*)$/su;
const OPTION = /^\s*第(\d+)题[(（](.*)[)）]\s*$/su;
const TYPE_SUFFIX = /\s*[(（]\s*([\u4e00-\u9fa5]*题)\s*(\*必答)?\s*[)）]\s*$/u;
const HINTS: [RegExp, QuestionHint][] = [
  [/^矩阵/u, 'matrix'],
  [/多选|多项选择/u, 'multi'],
  [/排序/u, 'rank'],
  [/填空|简答|问答/u, 'text'],
  [/单选|量表|评分|下拉/u, 'single'],
];

function splitTypeSuffix(text: string): { text: string; hint: QuestionHint | null } {
  const m = TYPE_SUFFIX.exec(text);
  if (!m) return { text: text.trim(), hint: null };
  const hint = HINTS.find(([re]) => re.test(m[1]))?.[1] ?? null;
  return { text: text.slice(0, m.index).trim(), hint };
}

function metaOf(header: string): WjxMetaHeader | null {
  const key = normalizeText(header);
  return (Object.keys(WJX_META) as WjxMetaHeader[]).find((m) => normalizeText(m) === key) ?? null;
}

/**
 * Reads the structure of an export from its header: 问卷星 metadata columns, numbered questions
 * (`1、…`), option columns (`第6题(运动)`) and matrix rows (`13、…—外观` then bare labels).
 * Columns that follow none of these patterns are plain questions without a number.
 */
export function parseWjxHeader(header: string[]): SourceItem[] {
  const items: SourceItem[] = [];
  let matrix: Extract<SourceItem, { kind: 'matrix' }> | null = null;
  header.forEach((raw, column) => {
    const meta = metaOf(raw);
    if (meta) {
      matrix = null;
      items.push({ kind: 'meta', meta, column, header: raw });
      return;
    }
    const option = OPTION.exec(raw);
    if (option) {
      matrix = null;
      const number = Number(option[1]);
      const last = items.at(-1);
      const entry = { column, label: option[2].trim(), header: raw };
      if (last?.kind === 'options' && last.number === number) last.options.push(entry);
      else items.push({ kind: 'options', number, options: [entry] });
      return;
    }
    const question = QUESTION.exec(raw);
    if (question) {
      matrix = null;
      const number = Number(question[1]);
      const body = question[2];
      const dash = body.lastIndexOf('—');
      if (dash > 0) {
        const { text, hint } = splitTypeSuffix(body.slice(0, dash));
        matrix = { kind: 'matrix', number, text, typeHint: hint, rows: [{ column, label: body.slice(dash + 1).trim(), header: raw }] };
        items.push(matrix);
        return;
      }
      const { text, hint } = splitTypeSuffix(body);
      items.push({ kind: 'question', number, text, typeHint: hint, column, header: raw });
      return;
    }
    if (matrix) {
      matrix.rows.push({ column, label: raw.trim(), header: raw });
      return;
    }
    const { text, hint } = splitTypeSuffix(raw);
    items.push({ kind: 'question', number: null, text, typeHint: hint, column, header: raw });
  });
  return items;
}

/** True when a header looks like a 问卷星 export: its metadata columns or mostly numbered questions. */
export function isWjxHeader(items: SourceItem[]): boolean {
  const metas = items.filter((i) => i.kind === 'meta').length;
  const numbered = items.filter((i) => i.kind !== 'meta' && (i.kind !== 'question' || i.number !== null)).length;
  return metas >= 2 || (numbered > 0 && numbered >= (items.length - metas) / 2);
}
