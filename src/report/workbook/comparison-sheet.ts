import { comparabilityReasons, describeCodebookChange } from '../../compare/comparability-reasons.js';
import { indicatorLabel } from '../../compare/indicator-label.js';
import type { Cell } from '../../io/xlsx/write/xlsx-model.js';
import { verdict } from '../compare-section.js';
import { SheetGrid, type GridColumn } from './sheet-grid.js';
import type { WorkbookInput } from './workbook-input.js';

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
  const zh = lang === 'zh';
  const grid = new SheetGrid(name);
  for (const pair of [...comparison.pairs].reverse()) {
    const columns: GridColumn[] = [
      { header: zh ? '指标' : 'Indicator' },
      { header: zh ? '组别' : 'Group' },
      { header: zh ? '估计' : 'Basis' },
      { header: pair.from },
      { header: `${pair.from} ${zh ? '标准误' : 'SE'}` },
      { header: pair.to },
      { header: `${pair.to} ${zh ? '标准误' : 'SE'}` },
      { header: zh ? '变化' : 'Change' },
      { header: zh ? '变化的标准误' : 'SE of change' },
      { header: zh ? '95%下限' : '95% low' },
      { header: zh ? '95%上限' : '95% high' },
      { header: 'p', numFmt: '0.0000' },
      { header: zh ? '结论' : 'Verdict' },
      { header: zh ? '说明' : 'Notes' },
    ];
    const body = pair.rows.map((r) => {
      const fmt = FORMAT[r.indicator.statistic] ?? '#,##0.00';
      const n = (value: number): Cell => ({ value, style: { numFmt: fmt } });
      return [
        indicatorLabel(codebook, r.indicator, lang),
        r.indicator.level === 'all' ? (zh ? '全体' : 'All') : r.indicator.level,
        r.basis === 'weighted' ? (zh ? '加权' : 'weighted') : zh ? '不加权' : 'unweighted',
        n(r.earlier.estimate), n(r.earlier.standardError), n(r.indicator.estimate), n(r.indicator.standardError),
        n(r.difference), n(r.standardError), n(r.confLow), n(r.confHigh), r.pValue,
        verdict(r, lang),
        comparabilityReasons(r, lang).join('；'),
      ];
    });
    grid.table(columns, body, {
      title: zh ? `${pair.to}与${pair.from}比较` : `${pair.to} compared with ${pair.from}`,
      notes: [zh ? '变化 = 后一次 − 前一次；比例的变化以百分点计（格式为%）。两次调查为独立样本：变化的标准误 = √(SE₁² + SE₂²)。' : 'Change = later − earlier; shares and their changes as percentages (percentage points). Independent samples: SE of the change = √(SE₁² + SE₂²).'],
    });
    const listed = (title: string, lines: readonly string[]) => {
      if (!lines.length) return;
      grid.title(title);
      for (const line of lines) grid.line([line]);
      grid.blank();
    };
    listed(zh ? `问卷变化（${pair.from} → ${pair.to}）` : `Questionnaire changes (${pair.from} → ${pair.to})`, (pair.codebook ?? []).map((c) => describeCodebookChange(c, lang)));
    listed(zh ? '清洗规则的差异' : 'Cleaning differences', (pair.cleaning ?? []).map((c) => `${c.setting}: ${c.from ?? '—'} → ${c.to ?? '—'}`));
    listed(zh ? '加权的差异' : 'Weighting differences', (pair.weighting ?? []).map((c) => `${c.setting}: ${c.from ?? '—'} → ${c.to ?? '—'}`));
  }
  return grid.charts([...input.images.keys()].filter((id) => id.startsWith('compare-')), input.images);
}
