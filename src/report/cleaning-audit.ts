import type { Issue } from '../core/types.js';
import { reasonsByCount } from './reasons-by-count.js';

/**
 * How the questionnaires returned became the valid ones, for the report's cleaning tables: rows
 * set aside counted once each, by their first reason (so they add up to the excluded total), and
 * the cell issues apart, each rule's count with how many fell in questionnaires that were kept.
 */
export interface CleaningAudit {
  /** Excluded rows by first reason, most first. */
  excludedBy: [string, number][];
  /** Issues (issues.csv) by rule, most first: all of them and those in kept rows. */
  issues: { rule: string; count: number; inKept: number }[];
}

/** Collects a CleaningAudit from the cleaning sinks' excluded rows and issues, in whatever order they come. */
export function cleaningAuditor() {
  const first: Record<string, number> = {};
  const excludedRows = new Set<number>();
  const issueRows = new Map<string, number[]>();
  return {
    excluded(sourceRow: number, reasons: readonly string[]): void {
      excludedRows.add(sourceRow);
      const reason = reasons[0] ?? '';
      first[reason] = (first[reason] ?? 0) + 1;
    },
    issues(issues: readonly Issue[]): void {
      for (const issue of issues) {
        let rows = issueRows.get(issue.rule);
        if (!rows) issueRows.set(issue.rule, (rows = []));
        rows.push(issue.sourceRow);
      }
    },
    finish(): CleaningAudit {
      const counts = Object.fromEntries([...issueRows].map(([rule, rows]) => [rule, rows.length]));
      const inKept = (rule: string) => (issueRows.get(rule) as number[]).filter((r) => !excludedRows.has(r)).length;
      return { excludedBy: reasonsByCount(first), issues: reasonsByCount(counts).map(([rule, count]) => ({ rule, count, inKept: inKept(rule) })) };
    },
  };
}
