import type { CleanSummary } from '../clean/clean-file.js';
import type { Check } from '../core/types.js';
import type { Lang } from '../locale/lang.js';
import { ruleName } from '../locale/rule-names.js';
import { cleaningWords } from '../locale/cleaning-words.js';
import type { CleaningAudit } from './cleaning-audit.js';
import { formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';

/**
 * The 发放/回收/有效/有效率 sentence, then two tables that do not mix units: questionnaires
 * (回收 = 剔除 + 有效, the set-aside ones by first reason so that they add up) and cell issues
 * (each rule's count, and how many of them are in valid questionnaires).
 */
export function cleaningSection(s: CleanSummary, distributed: number | null, audit: CleaningAudit, lang: Lang, checks: readonly Check[] = []): ReportBlock[] {
  const w = cleaningWords(lang);
  const rate = s.inputRows ? s.keptRows / s.inputRows : Number.NaN;
  const text = w.account(distributed, s.inputRows, s.excludedRows, s.keptRows, formatPercent(rate));
  const share = (n: number) => formatPercent(s.inputRows ? n / s.inputRows : Number.NaN);
  const rows: string[][] = [
    ...(distributed === null ? [] : [[w.handedOut, String(distributed), '']]),
    [w.returned, String(s.inputRows), share(s.inputRows)],
    [w.setAside, String(s.excludedRows), share(s.excludedRows)],
    ...audit.excludedBy.map(([reason, n], k) => [`${w.ofWhich(k)}${ruleName(reason, lang, checks)}`, String(n), share(n)]),
    [w.valid, String(s.keptRows), share(s.keptRows)],
  ];
  const flagged = s.flaggedRows ? w.flaggedKept(s.flaggedRows) : '';
  const blocks: ReportBlock[] = [
    { kind: 'paragraph', text },
    tableBlock(w.returnedTitle, [w.questionnaires, w.count, w.ofReturned], rows, {
      notes: [w.returnedNote(flagged)],
    }),
  ];
  if (!audit.issues.length) return blocks;
  const issueRows = audit.issues.map((i) => [ruleName(i.rule, lang, checks), String(i.count), String(i.inKept)]);
  blocks.push(
    tableBlock(w.issuesTitle, [w.rule, w.issues, w.inValid], issueRows, {
      notes: [w.issuesNote],
    }),
  );
  return blocks;
}
