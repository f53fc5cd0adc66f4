/** One population target as written in a targets file: a margin of one variable, or crossed cells. */
export interface TargetTable {
  /** The variables it is over: one for a margin, several for crossed cells. */
  readonly variables: readonly string[];
  /** Per entry, the level of each variable (a label or a code, as written). */
  readonly keys: readonly (readonly string[])[];
  /** Per entry, the population count or proportion. */
  readonly values: readonly number[];
  /** Where it is in the file (`margins.area`, `cells`), for error messages. */
  readonly path: string;
}

/** A targets file (`--targets`, `--poststratify`, `--rake`): population margins and/or crossed cells. */
export interface WeightingTargets {
  readonly file: string;
  /** The population total (`total:`), used to turn proportions into counts; null when not given. */
  readonly total: number | null;
  readonly tables: readonly TargetTable[];
}
