/** A small dense square matrix in double-double, row-major (hi and lo parts). */
export interface DdMatrix {
  readonly size: number;
  readonly hi: Float64Array;
  readonly lo: Float64Array;
}
