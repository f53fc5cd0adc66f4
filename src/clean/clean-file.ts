import { stat } from 'node:fs/promises';
import type { Codebook, Issue } from '../core/types.js';
import type { OutputColumn } from '../ingest/coded-row.js';
import { ingestFile, type CodedRow, type IngestSummary } from '../ingest/ingest-file.js';
import { openTable } from '../ingest/open-table.js';
import type { OpenTableOptions } from '../ingest/raw-table.js';
import { replayableTable } from '../ingest/replayable-table.js';
import { checkCells, failedChecks } from './check-cells.js';
import { cleanContext, type CleanContext } from './clean-context.js';
import { defaultRules, type CleanRules } from './clean-rules.js';
import { decideRows } from './decide-rows.js';
import { profileRows } from './profile-rows.js';

// Inputs up to this size keep their parsed rows between the two passes (a few times the file in memory).
const REPLAY_BYTES = 32 * 1024 * 1024;

/** Options of `cleanFile`: how to open the input, its codebook, the rules, progress per pass. */
export interface CleanOptions extends OpenTableOptions {
  codebook: Codebook;
  rules?: CleanRules;
  onPass?: (pass: 1 | 2) => void;
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
 * Cleans a raw export or coded file against its codebook in two streaming passes: the first
 * profiles every row (durations, answer keys, grids, IPs), the second applies the cell rules and the
 * row decisions and streams kept rows, excluded rows (original cells) and issues to `sinks`.
 */
export async function cleanFile(path: string, options: CleanOptions, sinks: CleanSinks = {}): Promise<CleanSummary> {
  const rules = options.rules ?? defaultRules();
  // Small inputs are parsed once: the second pass replays the rows the first one read.
  const table = (await stat(path)).size <= REPLAY_BYTES ? replayableTable(await openTable(path, options)) : undefined;
  const ingestOptions = { ...options, table };
  let ctx: CleanContext | undefined;
  let profiles: ReturnType<typeof profileRows> | undefined;
  options.onPass?.(1);
  await ingestFile(path, ingestOptions, {
    start: (outputs) => {
      ctx = cleanContext(options.codebook, outputs, rules);
      profiles = profileRows(ctx);
    },
    row: (row) => {
      checkCells(ctx as CleanContext, row);
      profiles?.add(row);
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
  options.onPass?.(2);
  const ingest = await ingestFile(path, ingestOptions, {
    start: (outputs, header) => sinks.start?.(outputs, header),
    row: async (row) => {
      const issues = [...row.issues, ...checkCells(context, row)];
      const checks = failedChecks(context, row);
      issues.push(...checks);
      for (const issue of issues) count(issue.rule);
      const hits: { rule: string; action: string }[] = (decisions.reasons[i++] ?? []).map((rule) => ({ rule, action: rules[rule].action }));
      if (rules.checks.action !== 'off') for (const c of checks) hits.push({ rule: c.rule, action: rules.checks.action });
      for (const hit of hits) if (!issues.some((x) => x.rule === hit.rule)) count(hit.rule);
      const names = hits.map((h) => h.rule);
      if (hits.some((h) => h.action === 'exclude')) {
        excluded++;
        await sinks.excluded?.(row, names);
      } else {
        kept++;
        if (names.length) flagged++;
        await sinks.kept?.(row, names);
      }
      if (issues.length) await sinks.issues?.(issues);
    },
  });
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
