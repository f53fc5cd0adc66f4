import type { FrequencyTable } from '../analyze/estimators/tabulate-frequencies.js';
import type { Lang } from '../locale/lang.js';
import { sectionWords } from '../locale/section-words.js';
import { missingLabel } from '../locale/missing-words.js';
import { formatCount, formatPercent } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

/** A frequency table: answers with counts, %, valid % and cumulative %, then missing by reason. */
export function freqSection(f: FrequencyTable, lang: Lang): ReportBlock {
  const t = REPORT_TEXT[lang];
  const rows = [
    ...f.levels.map((l) => [l.label, formatCount(l.count), formatPercent(l.percent / 100), formatPercent(l.validPercent / 100), formatPercent(l.cumulativePercent / 100)]),
    ...f.missing.map((m) => [missingLabel(m.reason, lang), formatCount(m.count), formatPercent(m.percent / 100), '', '']),
  ];
  return tableBlock(f.label, [t.answer, t.count, t.percent, t.validPercent, t.cumulative], rows, { notes: [sectionWords(lang).frequencyNote(f.total, f.valid)] });
}
