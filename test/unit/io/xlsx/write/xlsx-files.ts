import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readZipEntries } from '../../../../../src/io/zip/zip-entries.js';
import { entryText } from '../../../../../src/io/zip/zip-entry-text.js';
import { writeXlsx } from '../../../../../src/io/xlsx/write/write-xlsx.js';
import type { Cell, CellValue, Sheet, Workbook } from '../../../../../src/io/xlsx/write/xlsx-model.js';
import { cellReference } from '../../../../../src/io/xlsx/write/xlsx-text.js';
import { XML_FORBIDDEN, replaceXml } from '../../../../../src/io/escape-xml.js';
import { tempDir } from '../../../../helpers/run-cli.js';

/** Writes a workbook to a fresh temp file and returns its path. */
export function saveXlsx(workbook: Workbook, name = 'book.xlsx'): string {
  const path = join(tempDir('survey-xlsx-'), name);
  writeFileSync(path, writeXlsx(workbook));
  return path;
}

/** Every part of a zip read back with the repo's own zip reader: XML parts as text, others as their byte count. */
export async function readParts(path: string): Promise<Map<string, string>> {
  const entries = await readZipEntries(path, (await stat(path)).size);
  const parts = new Map<string, string>();
  for (const [name, entry] of entries) parts.set(name, name.endsWith('.png') ? `${entry.size} bytes` : await entryText(path, entry));
  return parts;
}

/** What any reader should find in a cell of the model: its value, characters XML cannot hold as U+FFFD, no value for null and non-finite numbers. */
function expectedValue(cell: Cell | CellValue | undefined): string | number | boolean | null {
  const value = cell !== null && typeof cell === 'object' ? cell.value : (cell ?? null);
  // Excel has no negative zero.
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  return typeof value === 'string' ? value.replace(new RegExp(XML_FORBIDDEN, 'g'), replaceXml) : value;
}

/** Whether exceljs read `wanted`: a date-formatted number comes back as a Date, to the millisecond. */
function sameValue(wanted: unknown, got: ExcelJS.CellValue): boolean {
  if (got instanceof Date) return typeof wanted === 'number' && Math.abs(got.getTime() - (Date.UTC(1899, 11, 30) + wanted * 86_400_000)) <= 0.5;
  return Object.is(wanted, got ?? null);
}

/**
 * Every cell exceljs, an independent reader, reads otherwise than the workbook model says
 * (`sheet!A1: wanted → got`, type included), and every sheet it misses or adds: empty when our
 * writer's file holds exactly the model. `sheets` are the models of the sheets written (a
 * prerendered sheet's rows are no longer in the workbook). Cells a merge covers are skipped:
 * exceljs gives them the value of the merge's first cell.
 */
export async function exceljsDifferences(bytes: Buffer, sheets: readonly Sheet[]): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const differences: string[] = [];
  const names = book.worksheets.map((sheet) => sheet.name);
  if (names.join('\n') !== sheets.map((sheet) => sheet.name).join('\n')) differences.push(`sheets: ${sheets.map((s) => s.name)} → ${names}`);
  for (const model of sheets) {
    const sheet = book.getWorksheet(model.name);
    if (!sheet) continue;
    const covered = new Set((model.merges ?? []).flatMap((m) => Array.from({ length: m.rows * m.cols }, (_, k) => `${m.row + Math.floor(k / m.cols)},${m.col + (k % m.cols)}`).slice(1)));
    // 1-based rows of 1-based cells; far quicker than getCell on a 数据 sheet.
    const values = sheet.getSheetValues() as (ExcelJS.CellValue[] | undefined)[];
    const width = Math.max(sheet.columnCount, ...model.rows.map((row) => row.length));
    for (let r = 0; r < Math.max(sheet.rowCount, model.rows.length); r++) {
      for (let c = 0; c < width; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const wanted = expectedValue(model.rows[r]?.[c]);
        const got = values[r + 1]?.[c + 1];
        if (!sameValue(wanted, got)) differences.push(`${model.name}!${cellReference(r, c)}: ${JSON.stringify(wanted)} → ${JSON.stringify(got)}`);
      }
    }
  }
  return differences;
}
