/** A data row before it is fitted to the header: number, physical line (CSV) and cells. */
export interface PendingRow {
  row: number;
  line?: number;
  cells: string[];
}

interface Run extends PendingRow {
  count: number;
}

/** Whether every cell of a row is empty or white space. */
export function isBlankRow(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/**
 * Holds blank rows until a non-blank row shows they are not trailing: trailing blank rows are
 * dropped, blank rows in the middle are kept. Consecutive rows of empty cells are stored as one
 * run, so a sheet formatted down to row 1,048,576 or a CSV ending in a million `,,,` lines costs
 * a few objects, not a million.
 */
export class BlankRowBuffer {
  private runs: Run[] = [];

  /** Holds a blank row. */
  push(row: PendingRow): void {
    const last = this.runs.at(-1);
    if (last && continues(last, row)) last.count++;
    else this.runs.push({ ...row, count: 1 });
  }

  /** Gives back the held rows, in order, and forgets them. */
  *drain(): Generator<PendingRow> {
    const runs = this.runs;
    this.runs = [];
    for (const run of runs) {
      for (let k = 0; k < run.count; k++) {
        yield {
          row: run.row + k,
          line: run.line === undefined ? undefined : run.line + k,
          cells: k === 0 ? run.cells : run.cells.slice(),
        };
      }
    }
  }
}

function continues(run: Run, row: PendingRow): boolean {
  const expectedLine = run.line === undefined ? undefined : run.line + run.count;
  return (
    row.row === run.row + run.count &&
    row.line === expectedLine &&
    row.cells.length === run.cells.length &&
    row.cells.every((c) => c === '') &&
    run.cells.every((c) => c === '')
  );
}
