import { displayWidth } from '../core/east-asian-width.js';

/** One column of a console table. */
export interface TableColumn {
  header: string;
  /** Numbers are right-aligned; text left-aligned (the default). */
  align?: 'left' | 'right';
}

/** A table to print: optional title above, notes below. */
export interface ConsoleTable {
  title?: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  notes?: readonly string[];
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Renders a 三线表 (three-line table, the layout of Chinese academic reports): a rule above the
 * header, one below it and one below the body, no vertical rules; column widths by display width.
 * @example formatTable({ columns: [{ header: '组别' }, { header: '占比', align: 'right' }], rows: [['城市', '62.3%']] })
 */
export function formatTable(table: ConsoleTable): string {
  const widths = table.columns.map((c, k) => Math.max(displayWidth(c.header), ...table.rows.map((r) => displayWidth(r[k] ?? ''))));
  const line = (cells: readonly string[]) => cells.map((cell, k) => pad(cell ?? '', widths[k], table.columns[k].align ?? 'left')).join('  ').trimEnd();
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const heavy = '━'.repeat(total);
  const light = '─'.repeat(total);
  const out: string[] = [];
  if (table.title) out.push(table.title);
  out.push(heavy, line(table.columns.map((c) => c.header)), light, ...table.rows.map(line), heavy);
  for (const note of table.notes ?? []) out.push(note);
  return `${out.join('\n')}\n`;
}
