import type { Codebook, Issue } from '../core/types.js';
import type { OutputColumn } from '../ingest/code/coded-row.js';
import { ingestFile, type CodedRow, type IngestSummary } from '../ingest/ingest-file.js';
import type { OpenTableOptions } from '../ingest/read/raw-table.js';
import { checkCells, failedChecks } from './check-cells.js';
import { cleanContext, type CleanContext } from './clean-context.js';
import { defaultRules, type CleanRules } from './clean-rules.js';
import { decideRows } from './decide-rows.js';
import { profileRows } from './profile-rows.js';

/** What a row without issues or rule hits passes on (never changed). */
const NONE = Object.freeze([]) as never[];

// Up to this many cells (raw and coded) the first pass keeps its rows for the second (at most ~1 GB).
const KEEP_CELLS = 20_000_000;

/** Options of `cleanFile`: how to open the input, its codebook, the rules, progress per pass. */
export interface CleanOptions extends OpenTableOptions {
  codebook: Codebook;
  rules?: CleanRules;
  onPass?: (pass: 1 | 2) => void;
  /** Up to how many cells (raw and coded) the first pass keeps for the second; default KEEP_CELLS. */
  keepCells?: number;
}

/** Where the cleaned data go as they stream. */
export interface CleanSinks {
  start?(outputs: OutputColumn[], header: readonly string[]): void | Promise<void>;
  /** A kept row (coded values after the cell rules) with the reasons it is flagged for. */
  kept?(row: CodedRow, flags: string[]): void | Promise<void>;
  /** An excluded row (its original cells are `row.cells`) with every reason. */
  excluded?(row: CodedRow, reasons: string[]): void | Promise<void>;
  issues?(issues: readonly Issue[]): void | Promise<void>;
}

/** The audit of a cleaning run: every input row is kept or excluded, counted per reason. */
export interface CleanSummary {
  inputRows: number;
  keptRows: number;
  excludedRows: number;
  flaggedRows: number;
  /** Rows hit by each row rule, and issues raised by each cell rule. */
  reasons: Record<string, number>;
  medianDuration: number | null;
  speederSeconds: number | null;
  ingest: IngestSummary;
}

/**
 * Cleans a raw export or coded file against its codebook in two passes: the first codes every row,
 * applies the cell rules and profiles it (durations, answer keys, grids, IPs), the second applies
 * the row decisions and streams kept rows, excluded rows (original cells) and issues to `sinks`.
 * The second pass replays the first one's rows, or streams the file again when they were too many to keep.
 */
export async function cleanFile(path: string, options: CleanOptions, sinks: CleanSinks = {}): Promise<CleanSummary> {
  const rules = options.rules ?? defaultRules();
  let ctx: CleanContext | undefined;
  let profiles: ReturnType<typeof profileRows> | undefined;
  let columns: { outputs: OutputColumn[]; header: readonly string[] } | undefined;
  // The coded, checked rows of the first pass, while they fit: the second pass then reads and
  // codes nothing again (for the bundled export that was half the time of cleaning).
  let replay: { row: CodedRow; cellIssues: Issue[] }[] | null = [];
  let replayCells = 0;
  // How far through the file the first pass is: a file whose rows will not all fit is not kept at
  // all, rather than holding a third of a million rows (~0.5 GB) until the limit is reached.
  let bytesRead = 0;
  let bytesTotal = 0;
  const onProgress = (done: number, total: number) => {
    bytesRead = done;
    bytesTotal = total;
    options.onProgress?.(done, total);
  };
  options.onPass?.(1);
  const first = await ingestFile(path, { ...options, onProgress }, {
    start: (outputs, header) => {
      ctx = cleanContext(options.codebook, outputs, rules);
      profiles = profileRows(ctx);
      columns = { outputs, header };
    },
    row: (row) => {
      const cellIssues = checkCells(ctx as CleanContext, row);
      profiles?.add(row);
      if (!replay) return;
      replayCells += row.values.length + row.cells.length;
      // The bytes read run ahead of the rows coded, so the projection errs towards keeping.
      const projected = bytesRead > 0 && bytesTotal > bytesRead ? (replayCells * bytesTotal) / bytesRead : replayCells;
      if (projected <= (options.keepCells ?? KEEP_CELLS)) replay.push({ row, cellIssues });
      else replay = null;
    },
  });
  const context = ctx as CleanContext;
  const decisions = decideRows(profiles as NonNullable<typeof profiles>, rules, context.answerColumns.length);
  const counts = new Map<string, number>();
  const count = (rule: string) => counts.set(rule, (counts.get(rule) ?? 0) + 1);
  let i = 0;
  let kept = 0;
  let excluded = 0;
  let flagged = 0;
  // Not async: a row waits only for a sink that has something to wait for (a file behind).
  const decide = (row: CodedRow, cellIssues: Issue[]): void | Promise<void> => {
    const checks = failedChecks(context, row);
    const reasons = decisions.reasons[i++];
    // Most rows have no issue and hit no rule: they allocate nothing here.
    const issues = row.issues.length || cellIssues.length || checks.length ? [...row.issues, ...cellIssues, ...checks] : NONE;
    for (const issue of issues) count(issue.rule);
    const hits: { rule: string; action: string }[] = reasons ? reasons.map((rule) => ({ rule, action: rules[rule].action })) : [];
    if (rules.checks.action !== 'off') for (const c of checks) hits.push({ rule: c.rule, action: rules.checks.action });
    for (const hit of hits) if (!issues.some((x) => x.rule === hit.rule)) count(hit.rule);
    const names = hits.length ? hits.map((h) => h.rule) : NONE;
    let written: void | Promise<void>;
    if (hits.some((h) => h.action === 'exclude')) {
      excluded++;
      written = sinks.excluded?.(row, names);
    } else {
      kept++;
      if (names.length) flagged++;
      written = sinks.kept?.(row, names);
    }
    const listed = issues.length ? sinks.issues?.(issues) : undefined;
    if (written || listed) return Promise.all([written, listed]).then(() => undefined);
  };
  options.onPass?.(2);
  let ingest = first;
  if (replay && columns) {
    await sinks.start?.(columns.outputs, columns.header);
    for (const { row, cellIssues } of replay) {
      const pending = decide(row, cellIssues);
      if (pending) await pending;
    }
  } else {
    ingest = await ingestFile(path, options, {
      start: (outputs, header) => sinks.start?.(outputs, header),
      row: (row) => decide(row, checkCells(context, row)),
    });
  }
  const fileIssues = ingest.issues.filter((x) => x.sourceRow === 0);
  if (fileIssues.length) await sinks.issues?.(fileIssues);
  return {
    inputRows: ingest.rows,
    keptRows: kept,
    excludedRows: excluded,
    flaggedRows: flagged,
    reasons: Object.fromEntries(counts),
    medianDuration: decisions.medianDuration,
    speederSeconds: decisions.speederSeconds,
    ingest,
  };
}
