/** Exit codes of the `survey` command (DESIGN §2). */
export const EXIT = {
  ok: 0,
  dataProblems: 1,
  usage: 2,
  unreadable: 3,
  internal: 4,
} as const;

/** What kind of failure: decides the exit code. */
export type ErrorKind = 'usage' | 'input' | 'internal';

/** Where a problem is: any of file, 1-based data row, column name, or a path inside a YAML document. */
export interface ErrorLocation {
  file?: string;
  /** 1-based data row (the header is not counted). */
  row?: number;
  /** 1-based physical line in a text file, when it differs from the data row. */
  line?: number;
  column?: string;
  /** Path inside a structured document, e.g. `variables[3].choices`. */
  path?: string;
}

export interface SurveyErrorOptions extends ErrorLocation {
  /** What the user should do about it. */
  hint?: string;
  cause?: unknown;
}

/**
 * An error the library throws for the CLI to print as one line.
 * Library code never prints and never exits; it throws one of these.
 */
export class SurveyError extends Error {
  readonly kind: ErrorKind;
  readonly hint?: string;
  readonly location: ErrorLocation;

  constructor(kind: ErrorKind, message: string, options: SurveyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SurveyError';
    this.kind = kind;
    this.hint = options.hint;
    const { file, row, line, column, path } = options;
    this.location = { file, row, line, column, path };
  }

  /** The process exit code for this error (DESIGN §2). */
  get exitCode(): number {
    if (this.kind === 'usage') return EXIT.usage;
    if (this.kind === 'input') return EXIT.unreadable;
    return EXIT.internal;
  }
}

/** Bad flags, bad codebook, bad plan or spec: the user must change what they asked for (exit 2). */
export class UsageError extends SurveyError {
  constructor(message: string, options: SurveyErrorOptions = {}) {
    super('usage', message, options);
    this.name = 'UsageError';
  }
}

/** An input file that cannot be read as asked: missing, binary, wrong encoding, malformed (exit 3). */
export class InputError extends SurveyError {
  constructor(message: string, options: SurveyErrorOptions = {}) {
    super('input', message, options);
    this.name = 'InputError';
  }
}

/** One problem in a structured document (codebook, plan, spec), located by its path. */
export interface Problem {
  path: string;
  message: string;
}

/** Several problems found at once in one document, e.g. every error of a codebook (exit 2). */
export class ProblemsError extends UsageError {
  readonly problems: readonly Problem[];

  constructor(file: string, what: string, problems: Problem[]) {
    super(`${what} has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, { file });
    this.name = 'ProblemsError';
    this.problems = problems;
  }
}

/** Formats the location prefix `file:row N:column C: ` (empty when nothing is known). */
export function formatLocation(loc: ErrorLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.line !== undefined && loc.row !== undefined && loc.line !== loc.row + 1) {
    parts.push(`line ${loc.line} (row ${loc.row})`);
  } else if (loc.line !== undefined) {
    parts.push(`line ${loc.line}`);
  } else if (loc.row !== undefined) {
    parts.push(`row ${loc.row}`);
  }
  if (loc.column !== undefined) parts.push(`column "${loc.column}"`);
  if (loc.path) parts.push(loc.path);
  return parts.length ? `${parts.join(': ')}: ` : '';
}

/** One line (or one line per problem) describing an error for the terminal. */
export function formatError(err: unknown): string {
  if (err instanceof ProblemsError) {
    const head = `${formatLocation(err.location)}${err.message}`;
    return [head, ...err.problems.map((p) => `  ${p.path}: ${p.message}`)].join('\n');
  }
  if (err instanceof SurveyError) {
    const hint = err.hint ? ` — ${err.hint}` : '';
    return `${formatLocation(err.location)}${err.message}${hint}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return `internal error: ${message} — please report this with the command you ran (rerun with --verbose for details)`;
}
