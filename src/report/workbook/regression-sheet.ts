import type { CoefficientRow, RegressionResult } from '../../analyze/regression/regression-result.js';
import { REPORT_TEXT, stars } from '../report-text.js';
import { SheetGrid, type GridColumn } from './sheet-grid.js';
import { analysesOf, type WorkbookInput } from './workbook-input.js';
import { methodName } from '../../locale/method-names.js';
import { regressionWords } from '../../locale/regression-words.js';
import { marks } from '../../locale/report-marks.js';
import { termWords } from '../../locale/term-words.js';
import { regressionFormulaLine } from '../regression-section.js';

/**
 * 回归: the models side by side as a 三线表 — a row per term (thresholds after), per model the
 * coefficient, its stars, SE and p — then N and fit statistics; coefficient plots below.
 */
export function regressionSheet(input: WorkbookInput, name: string): SheetGrid | null {
  const { lang } = input;
  const t = REPORT_TEXT[lang];
  const analyses = analysesOf(input, 'regress');
  const models: RegressionResult[] = analyses.flatMap((a) => a.estimates.results);
  if (!models.length) return null;
  const terms = [...new Set(models.flatMap((m) => m.coefficients.map((c) => c.term)))];
  const thresholds = [...new Set(models.flatMap((m) => m.thresholds.map((c) => c.term)))];
  const columns: GridColumn[] = [
    { header: t.term },
    ...models.flatMap((m, k) => [{ header: `(${k + 1}) ${methodName('model', m.model, lang)} ${t.estimate}`, numFmt: '0.000' }, { header: '' }, { header: t.se, numFmt: '0.000' }, { header: 'p', numFmt: '0.000' }]),
  ];
  const cells = (row: CoefficientRow | undefined, withStars: boolean) => (row ? [row.estimate, withStars ? stars(row.pValue) : '', row.standardError, withStars ? row.pValue : null] : [null, '', null, null]);
  const fitRow = (label: string, pick: (m: RegressionResult) => number | null) => [label, ...models.flatMap((m) => [pick(m), '', null, null])];
  const body = [
    ...terms.map((term) => [termWords(input.table.codebook, term, lang).label, ...models.flatMap((m) => cells(m.coefficients.find((c) => c.term === term), true))]),
    ...thresholds.map((term) => [`${t.threshold} ${term}`, ...models.flatMap((m) => cells(m.thresholds.find((c) => c.term === term), false))]),
    fitRow('N', (m) => m.nobs),
    fitRow('R²', (m) => m.fit.rSquared),
    fitRow(regressionWords(lang).adjRSquared, (m) => m.fit.adjRSquared),
    fitRow(regressionWords(lang).logLik, (m) => m.fit.logLik),
    fitRow('AIC', (m) => m.fit.aic),
  ];
  const grid = new SheetGrid(name);
  // The R formula stays here, beside the words, for a reader who refits the model.
  const formulas = models.map((m, k) => `(${k + 1}) ${regressionFormulaLine(m, input.table.codebook, lang)}${marks(lang).semicolon}${methodName('se', m.seType, lang)}`);
  grid.table(columns, body, { title: regressionWords(lang).sheetTitle, notes: [...formulas, t.stars] });
  return grid.charts(analyses.flatMap((a) => a.chartIds), input.images);
}
