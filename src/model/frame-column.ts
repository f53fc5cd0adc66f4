/** One evaluated variable of a model frame over all rows of the table (R: a column of `model.frame`). */
export type FrameColumn =
  /** Numbers; NaN is missing. */
  | { kind: 'numeric'; values: Float64Array }
  /** Category indices into `levels` (-1 is missing); `levels` are the names terms are built from. */
  | { kind: 'factor'; codes: Int32Array; levels: string[] };
