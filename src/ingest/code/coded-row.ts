import type { Issue, MissingReason } from '../../core/types.js';

/** A coded cell: a code or number, a text, or missing. */
export type CodedValue = number | string | null;

/** The layouts ingest recognises: 问卷星 按文本 / 按序号, or any other table. */
export type Layout = 'wjx-text' | 'wjx-code' | 'plain';

/** One column of the coded table and the codebook variable it belongs to. */
export interface OutputColumn {
  name: string;
  variable: string;
}

/** Where coders put one row's results; `at` is the coder's first output position. */
export interface RowSink {
  row: number;
  values: CodedValue[];
  reasons: (MissingReason | null)[];
  issues: Issue[];
}

/** Turns the raw cells of one source item (a column or a group of columns) into coded columns. */
export interface ItemCoder {
  readonly outputs: OutputColumn[];
  /** The raw headers read, for the `mapped` report. */
  readonly headers: string[];
  code(cells: string[], sink: RowSink, at: number): void;
}

/** Sets a run of outputs to missing with one reason. */
export function setMissing(sink: RowSink, at: number, count: number, reason: MissingReason): void {
  for (let k = at; k < at + count; k++) {
    sink.values[k] = null;
    sink.reasons[k] = reason;
  }
}
