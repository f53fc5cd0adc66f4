import type { Workbook, Worksheet } from 'exceljs';

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
export function readXlsformSheet(workbook: Workbook, name: string): XlsformSheet | undefined {
  const sheet = workbook.worksheets.find((ws) => ws.name.trim().toLowerCase() === name);
  return sheet && readSheet(sheet);
}

function readSheet(sheet: Worksheet): XlsformSheet {
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, column) => {
    headers[column] = cell.text.trim().toLowerCase();
  });
  const rows: XlsformRow[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = new Map<string, string>();
    row.eachCell((cell, column) => {
      const header = headers[column];
      // A header repeated by mistake must not blank out the first column's value.
      if (header && !cells.get(header)) cells.set(header, cell.text.trim());
    });
    rows.push({ row: rowNumber, get: (header) => cells.get(header) ?? '' });
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
