import { ZipError } from '../../zip/zip-entries.js';

/**
 * Bounds on what an .xlsx may hold, so that a damaged or hostile workbook (a "zip bomb": a few KB
 * that inflate to gigabytes, a cell of 30 MB, a reference to column 10⁹) is refused at once with
 * a clear message rather than read for minutes. Excel's own limits are the natural ones: no
 * genuine export exceeds them.
 */
export const XLSX_LIMITS = {
  /** Excel's last column, XFD. */
  columns: 16_384,
  /** Excel's last row. */
  rows: 1_048_576,
  /** Excel's limit on the characters of one cell. */
  cellCharacters: 32_767,
  /** XML bytes of one unfinished `<row>` or `<si>`: far above any real row (16,384 short cells are ~1 MB). */
  elementBytes: 16 * 1024 * 1024,
} as const;

/** Throws when a cell reference points past Excel's last column (it would make a row of that many cells). */
export function checkColumn(column: number): void {
  if (column > XLSX_LIMITS.columns) {
    throw new ZipError(`a cell refers to column ${column}, past Excel's last column XFD (${XLSX_LIMITS.columns}): the workbook is damaged`);
  }
}

/** Throws when a row number is past Excel's last row. */
export function checkRowNumber(row: number): void {
  if (row > XLSX_LIMITS.rows) {
    throw new ZipError(`a row is numbered ${row}, past Excel's last row (${XLSX_LIMITS.rows}): the workbook is damaged`);
  }
}

/** Throws when a cell or string item holds more characters than Excel allows in a cell. */
export function checkCellText(text: string, where: string): void {
  if (text.length > XLSX_LIMITS.cellCharacters) {
    throw new ZipError(
      `${where} holds ${text.length} characters, more than Excel allows in a cell (${XLSX_LIMITS.cellCharacters}): the workbook is damaged or not an export`,
    );
  }
}

/** Throws when an element still unfinished has grown past the bound (a cell of megabytes, or XML cut short). */
export function checkElementBytes(bytes: number, what: string): void {
  if (bytes > XLSX_LIMITS.elementBytes) {
    throw new ZipError(`${what} runs over ${XLSX_LIMITS.elementBytes / (1024 * 1024)} MB of XML without ending: the workbook is damaged or not an export`);
  }
}

/**
 * Throws unless an XML part's text ends with its root element closed (`</worksheet>`, or the
 * root written empty as `<sst …/>`): a part cut short inside a valid zip would otherwise be read as
 * far as it goes, losing every row after the cut. `tail` is the end of the part (its last bytes).
 */
export function checkPartComplete(tail: string, root: string, part: string): void {
  const end = tail.trimEnd();
  const closed = new RegExp(`(?:</(?:[\\w.-]+:)?${root}\\s*>|<(?:[\\w.-]+:)?${root}\\b[^<>]*/>)$`).test(end);
  if (!closed) {
    throw new ZipError(`${part} ends before its closing </${root}>: the workbook is truncated or damaged, and rows after the cut would be lost`);
  }
}
