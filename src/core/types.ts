/** Shared types of the pipeline: the codebook (DESIGN §3) and the issues every stage reports. */

/** How a question is answered and stored. `multi` and `rank` expand into one column per choice. */
export type VariableType =
  | 'single'
  | 'multi'
  | 'rank'
  | 'numeric'
  | 'text'
  | 'duration'
  | 'datetime'
  | 'id';

/** A choice code: an integer in almost every survey, a string where a form uses names (`yes`). */
export type Code = number | string;

/** One answer option of a `single`, `multi` or `rank` question, or a declared missing code. */
export interface Choice {
  code: Code;
  label: string;
  labelEn?: string;
  /** Other texts raw exports use for this answer (`较幸福` for `比较幸福`). */
  aliases: string[];
}

/** One question (or one row of a grid) of the questionnaire. */
export interface Variable {
  /** ASCII identifier used in formulas and outputs. */
  name: string;
  /** Question text (Chinese by default). */
  label?: string;
  labelEn?: string;
  /** A few words naming the variable in tables and narrative (城乡 for 您目前的居住地是？). */
  shortLabel?: string;
  shortLabelEn?: string;
  type: VariableType;
  /** Answer options, low → high when `ordered`. */
  choices?: Choice[];
  ordered?: boolean;
  /** Codes that mean "no answer" (说不清, 拒绝回答): kept out of analyses, counted by reason. */
  missing?: Choice[];
  /** Other headers this column has in raw exports. */
  aliases: string[];
  /** Valid range of a numeric answer, inclusive. */
  range?: [number, number];
  required?: boolean;
  /** Skip logic: the question is asked only when this expression is true. */
  relevant?: string;
  /** An expression that must hold for the answer (`.` is the answer itself). */
  constraint?: string;
  constraintMessage?: string;
  /** A grid the item belongs to (straight-lining, reliability, charts). */
  group?: string;
  /** Reverse-coded item (reliability and scores flip it). */
  reverse?: boolean;
  unit?: string;
}

/** A consistency check: the expression describes GOOD data (EpiData style). */
export interface Check {
  name: string;
  check: string;
  message?: string;
  messageEn?: string;
}

/** A derived variable computed from an expression after cleaning. */
export interface Derivation {
  name: string;
  expr: string;
  label?: string;
  labelEn?: string;
}

/** The questionnaire as code (DESIGN §3), normalised: every optional list present. */
export interface Codebook {
  id: string;
  title?: string;
  titleEn?: string;
  variables: Variable[];
  /** What each `group` (a grid or scale) is called: `satisfaction` → 生活各方面满意度. */
  groups?: Record<string, { label: string; labelEn?: string }>;
  checks: Check[];
  derive: Derivation[];
}

/** How bad an issue is: errors invalidate a cell or a row, warnings are reported, info is context. */
export type Severity = 'error' | 'warning' | 'info';

/** One problem found in the data, located to the cell (issues file columns, DESIGN §2). */
export interface Issue {
  /** 1-based data row; 0 for a problem with the whole file or a column. */
  sourceRow: number;
  /** The codebook variable, or the raw column name when no variable matched. */
  variable: string;
  rawValue: string;
  /** A stable rule name, e.g. `unknown-label`, `unmapped-column`. */
  rule: string;
  severity: Severity;
  message: string;
}

/** Why a cell is missing; kept so that analyses and cleaning can tell skips from refusals. */
export type MissingReason =
  | 'empty' // nothing was entered ((空), blank cell)
  | 'skipped' // not asked because of skip logic ((跳过), -3)
  | 'not-ranked' // a rank option the respondent did not rank (-2)
  | 'declared' // a codebook missing code (说不清, 拒绝回答)
  | 'invalid'; // the raw value was rejected; an issue holds it
