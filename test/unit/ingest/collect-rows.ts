import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { openTable } from '../../../src/ingest/read/open-table.js';
import type { OpenTableOptions, RawRow, RawTable } from '../../../src/ingest/read/raw-table.js';
import { tempDir } from '../../helpers/run-cli.js';

/** Every data row of a table, read through its stream. */
export async function collectRows(table: RawTable): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const row of table.rows()) rows.push(row);
  return rows;
}

/** Opens a file and reads it whole: its table and the cells of every row. */
export async function readAll(path: string, options?: OpenTableOptions): Promise<{ table: RawTable; rows: RawRow[]; cells: string[][] }> {
  const table = await openTable(path, options);
  const rows = await collectRows(table);
  return { table, rows, cells: rows.map((r) => r.cells) };
}

/** Writes `text` in `encoding` (iconv-lite names, e.g. gb18030, utf-16le) to a fresh temp file. */
export function writeText(name: string, text: string, encoding = 'utf-8', bom = false): string {
  const path = join(tempDir(), name);
  writeFileSync(path, iconv.encode(text, encoding, { addBOM: bom }));
  return path;
}

/** Writes raw bytes to a fresh temp file. */
export function writeBytes(name: string, bytes: Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}
