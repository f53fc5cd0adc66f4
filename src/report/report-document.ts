import type { Chart } from './charts/chart-spec.js';

/** A report as structured blocks, rendered to Markdown, Word and Excel by the same model. */

/** A piece of a paragraph or list item: plain or bold text (a team's Markdown `**…**`). */
export interface Span {
  text: string;
  bold?: boolean;
}

/** One block of a report. */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** A paragraph; `spans`, when given, are its text with emphasis (their texts joined are `text`). */
  | { kind: 'paragraph'; text: string; spans?: readonly Span[] }
  /** A bulleted or numbered list (a team's Markdown section, the 摘要's key findings). */
  | { kind: 'list'; ordered: boolean; items: readonly (readonly Span[])[] }
  | { kind: 'table'; title: string; columns: readonly string[]; align: readonly ('left' | 'right')[]; rows: readonly (readonly string[])[]; notes: readonly string[] }
  /** A chart: `id` names its files (charts/<id>.svg, charts/<id>.png) and is unique in a report. */
  | { kind: 'chart'; id: string; chart: Chart };

/** The cover page of a 结项 report: a number in the corner, the large heading, the title, labelled fields, who issued the form. */
export interface CoverPage {
  /** 立项编号 and its value, set top right. */
  number: readonly [string, string] | null;
  heading: string;
  /** 项目类别, 项目名称, 项目负责人, 所在单位, 填表日期 and their values, in that order. */
  fields: readonly (readonly [string, string])[];
  issuer: string | null;
}

/** A whole report: title lines, then blocks in order; a 结项 report adds a cover page and a table of contents (目录) before them. */
export interface ReportDocument {
  title: string;
  /** Lines under the title: authors, unit, date. */
  byline: readonly string[];
  blocks: readonly ReportBlock[];
  cover?: CoverPage;
  /** The 目录's heading (目录 / Contents), when the report has one. */
  contents?: string;
}

/** A 三线表-style table block; numbers right-aligned where `align` says so. */
export function tableBlock(title: string, columns: readonly string[], rows: readonly (readonly string[])[], options: { align?: readonly ('left' | 'right')[]; notes?: readonly string[] } = {}): ReportBlock {
  return { kind: 'table', title, columns, align: options.align ?? columns.map((_, i) => (i === 0 ? 'left' : 'right')), rows, notes: options.notes ?? [] };
}
