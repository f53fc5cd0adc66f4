import type { ReportBlock, ReportDocument, Span } from './report-document.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(block: Extract<ReportBlock, { kind: 'table' }>): string {
  const head = `| ${block.columns.map(cell).join(' | ')} |`;
  const rule = `| ${block.align.map((a) => (a === 'right' ? '---:' : ':---')).join(' | ')} |`;
  const body = block.rows.map((r) => `| ${r.map(cell).join(' | ')} |`);
  const notes = block.notes.map((n) => `\n*${n}*`);
  return [`**${block.title}**\n`, head, rule, ...body, ...notes].join('\n');
}

/** Spans back as Markdown: bold as `**…**`. */
const spansText = (spans: readonly Span[]) => spans.map((s) => (s.bold ? `**${s.text}**` : s.text)).join('');

/** The cover's fields as lines under the title (Markdown has no pages): `**项目类别**：…`. */
function coverLines(doc: ReportDocument): string[] {
  const cover = doc.cover;
  if (!cover) return [];
  const fields = [...(cover.number ? [cover.number] : []), ...cover.fields];
  return [fields.map(([label, value]) => `**${label}**：${value}`).join('  \n'), ...(cover.issuer ? [cover.issuer] : [])];
}

/** The 目录: every heading, indented by level (Markdown viewers link headings themselves). */
function contentsLines(doc: ReportDocument): string[] {
  if (!doc.contents) return [];
  const headings = doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`${'  '.repeat(b.level - 1)}- ${b.text}`] : []));
  return [`## ${doc.contents}`, headings.join('\n')];
}

/** Renders a report as Markdown (GitHub tables; charts as links to charts/<id>.svg); the same document always gives the same text. */
export function renderMarkdown(doc: ReportDocument): string {
  const parts = [`# ${doc.title}`, ...(doc.byline.length ? [doc.byline.join('  \n')] : []), ...coverLines(doc), ...contentsLines(doc)];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') parts.push(`${'#'.repeat(block.level + 1)} ${block.text}`);
    else if (block.kind === 'paragraph') parts.push(block.spans ? spansText(block.spans) : block.text);
    else if (block.kind === 'list') parts.push(block.items.map((item, k) => `${block.ordered ? `${k + 1}.` : '-'} ${spansText(item)}`).join('\n'));
    else if (block.kind === 'chart') parts.push(`![${cell(block.chart.title)}](charts/${block.id}.svg)`);
    else parts.push(table(block));
  }
  return `${parts.join('\n\n')}\n`;
}
