import { comparabilityReasons, describeCodebookChange } from '../../compare/comparability-reasons.js';
import { indicatorLabel } from '../../compare/indicator-label.js';
import type { Cell } from '../../io/xlsx/write/xlsx-model.js';
import { verdict } from '../compare-section.js';
import { SheetGrid, type GridColumn } from './sheet-grid.js';
import type { WorkbookInput } from './workbook-input.js';
import { compareWords } from '../../locale/compare-words.js';

const FORMAT = { share: '0.0%', coefficient: '0.000', alpha: '0.000' } as Record<string, string>;

/**
 * 跨年比较: every estimate both waves have, earlier and later with SEs, the change with its SE,
 * interval, p and verdict (显著 / 不显著 / 不可比) and why; then the questionnaire, cleaning and
 * weighting differences, and the trend charts (three or more waves). Shares and their changes are
 * percentages (a change of 4.2% is 4.2 percentage points).
 */
export function comparisonSheet(input: WorkbookInput, name: string): SheetGrid | null {
  if (!input.comparison) return null;
  const { comparison, codebook } = input.comparison;
  const { lang } = input;
  const w = compareWords(lang);
  const grid = new SheetGrid(name);
  for (const pair of [...comparison.pairs].reverse()) {
    const columns: GridColumn[] = [
      { header: w.indicator },
      { header: w.group },
      { header: w.basis },
      { header: pair.from },
      { header: `${pair.from} ${w.se}` },
      { header: pair.to },
      { header: `${pair.to} ${w.se}` },
      { header: w.changeHead },
      { header: w.seOfChange },
      { header: w.low },
      { header: w.high },
      { header: 'p', numFmt: '0.0000' },
      { header: w.verdict },
      { header: w.notes },
    ];
    const body = pair.rows.map((r) => {
      const fmt = FORMAT[r.indicator.statistic] ?? '#,##0.00';
      const n = (value: number): Cell => ({ value, style: { numFmt: fmt } });
      return [
        indicatorLabel(codebook, r.indicator, lang),
        r.indicator.level === 'all' ? w.allGroups : r.indicator.level,
        r.basis === 'weighted' ? w.weighted : w.unweighted,
        n(r.earlier.estimate), n(r.earlier.standardError), n(r.indicator.estimate), n(r.indicator.standardError),
        n(r.difference), n(r.standardError), n(r.confLow), n(r.confHigh), r.pValue,
        verdict(r, lang),
        comparabilityReasons(r, lang).join('；'),
      ];
    });
    grid.table(columns, body, {
      title: w.sheetTitle(pair.from, pair.to),
      notes: [w.sheetNote],
    });
    const listed = (title: string, lines: readonly string[]) => {
      if (!lines.length) return;
      grid.title(title);
      for (const line of lines) grid.line([line]);
      grid.blank();
    };
    listed(w.questionnaireChanges(pair.from, pair.to), (pair.codebook ?? []).map((c) => describeCodebookChange(c, lang)));
    listed(w.cleaningDifferences, (pair.cleaning ?? []).map((c) => `${c.setting}: ${c.from ?? '—'} → ${c.to ?? '—'}`));
    listed(w.weightingDifferences, (pair.weighting ?? []).map((c) => `${c.setting}: ${c.from ?? '—'} → ${c.to ?? '—'}`));
  }
  return grid.charts([...input.images.keys()].filter((id) => id.startsWith('compare-')), input.images);
}
