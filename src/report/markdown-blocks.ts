import type { ReportBlock, Span } from './report-document.js';

/**
 * The team's own text (背景, 对策建议, 摘要 additions) read from Markdown into report blocks, so
 * that Markdown, Word and Excel show it alike. The subset a project team writes: paragraphs (lines
 * joined), `#` headings, `-`/`*`/`+` and `1.`/`1、` lists, `**bold**`, and `<!-- … -->` comments,
 * which are left out (notes to the team). Anything else is kept as text.
 */

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)、]\s*(.*)$/;
const CJK_END = /[\u3000-\u9fff\uff00-\uffef]$/;
const CJK_START = /^[\u3000-\u9fff\uff00-\uffef]/;

/** Joins wrapped lines: no space between Chinese characters (a line break in Chinese is no word break), one space otherwise. */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => (!text ? line : CJK_END.test(text) && CJK_START.test(line) ? text + line : `${text} ${line}`), '');
}

/** Splits `**bold**` and `__bold__` out of a line of text. */
export function inlineSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pattern = /\*\*(.+?)\*\*|__(.+?)__/g;
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) spans.push({ text: text.slice(at, m.index) });
    spans.push({ text: m[1] ?? m[2], bold: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) spans.push({ text: text.slice(at) });
  return spans;
}

/**
 * Markdown text as report blocks; a heading `#` is at `top` (the level under the section's own
 * heading), `##` one below, down to level 3.
 */
export function markdownBlocks(markdown: string, top: 1 | 2 | 3): ReportBlock[] {
  const text = markdown.replace(/^\uFEFF/, '').replace(/<!--[\s\S]*?-->/g, '').replace(/\r\n?/g, '\n');
  const blocks: ReportBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[][] } | null = null;
  const flush = () => {
    if (paragraph.length) {
      const joined = joinLines(paragraph);
      blocks.push({ kind: 'paragraph', text: joined.replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2'), spans: inlineSpans(joined) });
    }
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map((lines) => inlineSpans(joinLines(lines))) });
    paragraph = [];
    list = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(raw);
    const numbered = bullet ? null : NUMBERED.exec(raw);
    if (!line) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: Math.min(3, top + heading[1].length - 1) as 1 | 2 | 3, text: heading[2] });
    } else if (bullet || numbered) {
      const ordered = Boolean(numbered);
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push([(bullet ?? numbered)![1].trim()]);
    } else if (list && /^\s/.test(raw)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1].push(line);
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
