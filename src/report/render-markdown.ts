import type { ReportBlock, ReportDocument } from './report-document.js';

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

/** Renders a report as Markdown (GitHub tables; charts as links to charts/<id>.svg); the same document always gives the same text. */
export function renderMarkdown(doc: ReportDocument): string {
  const parts = [`# ${doc.title}`, ...(doc.byline.length ? [doc.byline.join('  \n')] : [])];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') parts.push(`${'#'.repeat(block.level + 1)} ${block.text}`);
    else if (block.kind === 'paragraph') parts.push(block.text);
    else if (block.kind === 'chart') parts.push(`![${cell(block.chart.title)}](charts/${block.id}.svg)`);
    else parts.push(table(block));
  }
  return `${parts.join('\n\n')}\n`;
}
