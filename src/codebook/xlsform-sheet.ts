import type { XlsxReader } from '../io/xlsx/read/open-xlsx.js';

/** One data row of an XLSForm sheet: its Excel row number and its cells by lower-case header. */
export interface XlsformRow {
  row: number;
  /** The trimmed text of the cell under `header` (lower case), or '' when blank or absent. */
  get(header: string): string;
}

/** An XLSForm sheet (survey, choices, settings) as lower-case headers and data rows. */
export interface XlsformSheet {
  headers: string[];
  rows: XlsformRow[];
}

/** Reads the sheet called `name` (any case) from a workbook, or undefined when there is none. */
export async function readXlsformSheet(workbook: XlsxReader, name: string): Promise<XlsformSheet | undefined> {
  const found = workbook.sheets.find((sheet) => sheet.name.trim().toLowerCase() === name);
  const sheet = found && (await workbook.openSheet(found));
  if (!sheet) return undefined;
  const records: string[][] = [];
  for await (const batch of sheet.rows()) for (const record of batch) records.push(record.cells);
  return xlsformSheet(records);
}

/** Headers from row 1 and the data rows below it, blank rows left out (a form is a few hundred rows: held whole). */
function xlsformSheet(records: readonly string[][]): XlsformSheet {
  const headers = (records[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const rows: XlsformRow[] = [];
  records.forEach((cells, index) => {
    if (index === 0 || cells.every((cell) => cell === '')) return;
    const byHeader = new Map<string, string>();
    cells.forEach((cell, column) => {
      const header = headers[column];
      // A header repeated by mistake must not blank out the first column's value.
      if (header && !byHeader.get(header)) byHeader.set(header, cell.trim());
    });
    rows.push({ row: index + 1, get: (header) => byHeader.get(header) ?? '' });
  });
  return { headers: headers.filter(Boolean), rows };
}

/** Which columns hold a text in which language: `label`, `label::中文 (zh)`, `label::English (en)`. */
export interface LanguageColumns {
  /** Chinese, else the plain column, else another language. */
  main: string[];
  english?: string;
}

/** Finds the language columns of `base` (label, constraint_message) among a sheet's headers. */
export function languageColumns(headers: string[], base: string): LanguageColumns {
  const chinese: string[] = [];
  const plain: string[] = [];
  const other: string[] = [];
  let english: string | undefined;
  for (const header of headers) {
    if (header === base) plain.push(header);
    if (!header.startsWith(`${base}::`)) continue;
    const tag = header.slice(base.length + 2);
    const code = /\(([^)]*)\)\s*$/.exec(tag)?.[1] ?? tag;
    if (/^zh\b/.test(code) || /中文|chinese|汉语/.test(tag)) chinese.push(header);
    else if (/^en\b/.test(code) || /english/.test(tag)) english ??= header;
    else other.push(header);
  }
  return { main: [...chinese, ...plain, ...other], english };
}

/** A row's text in the main language (Chinese first) and in English; English alone becomes the main text. */
export function localizedText(row: XlsformRow, columns: LanguageColumns): { text?: string; textEn?: string } {
  const main = columns.main.map((header) => row.get(header)).find(Boolean);
  const english = columns.english ? row.get(columns.english) || undefined : undefined;
  return main ? { text: main, textEn: english } : { text: english };
}
