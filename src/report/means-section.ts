import type { MeansResult } from '../analyze/estimators/estimate-means.js';
import { differenceWords } from '../locale/difference-words.js';
import type { Lang } from '../locale/lang.js';
import { methodName } from '../locale/method-names.js';
import { sectionWords } from '../locale/section-words.js';
import { formatFixed, formatPClause } from './format-number.js';
import { tableBlock, type ReportBlock } from './report-document.js';
import { REPORT_TEXT } from './report-text.js';

const number = (x: number) => (Math.abs(x) >= 1000 ? formatFixed(x, 0) : formatFixed(x, 2));

/**
 * A means analysis: a row per group (with `weighted`, the weighted mean and interval beside) and,
 * for two groups, the difference in words with its unit (the codebook's `unit`: 元) and its test.
 * The sentence names the variable by `name` (its short label: “人均可支配收入”的均值), not the
 * question text a table title keeps; without one, by its label.
 */
export function meansSection(r: MeansResult, lang: Lang, options: { title?: string; weighted?: MeansResult; unit?: string; name?: string } = {}): ReportBlock[] {
  const t = REPORT_TEXT[lang];
  const w = options.weighted;
  const rows = r.groups.map((g, k) => {
    const cells = [g.by === null ? t.all : g.level, String(g.n), number(g.mean), number(g.sd), number(g.standardError), `${number(g.confLow)}–${number(g.confHigh)}`];
    const v = w?.groups[k];
    return v ? [...cells, number(v.mean), `${number(v.confLow)}–${number(v.confHigh)}`] : cells;
  });
  const columns = [t.group, t.n, t.mean, t.sd, t.se, t.ci, ...(w ? [t.weightedMean, t.weightedCi] : [])];
  const notes = options.unit ? [sectionWords(lang).unit(options.unit)] : [];
  const blocks: ReportBlock[] = [tableBlock(options.title ?? r.label, columns, rows, { notes })];
  const d = r.difference;
  if (d) {
    const significant = d.pValue < 0.05;
    const { claim, interval } = differenceWords(d, lang, number, options.unit ?? '');
    const test = methodName('test', d.method, lang);
    const name = options.name ?? r.label;
    blocks.unshift({
      kind: 'paragraph',
      text: sectionWords(lang).meansDifference(name, claim, interval, test, formatPClause(d.pValue), significant),
    });
  }
  return blocks;
}
