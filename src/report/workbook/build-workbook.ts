import type { Workbook } from '../../io/xlsx/write/xlsx-model.js';
import { cleaningSheet, excludedSheet } from './cleaning-sheet.js';
import { codebookSheet } from './codebook-sheet.js';
import { comparisonSheet } from './comparison-sheet.js';
import { overviewSheet } from './overview-sheet.js';
import { profileSheet } from './profile-sheet.js';
import { regressionSheet } from './regression-sheet.js';
import { multiSheet } from './multi-sheet.js';
import { sharesSheet } from './shares-sheet.js';
import { crosstabSheet, frequencySheet, reliabilitySheet } from './tables-sheets.js';
import { SHEET_NAMES } from './sheet-names.js';
import type { WorkbookInput } from './workbook-input.js';

/**
 * The report workbook: 概览, 样本概况, 清洗, 剔除明细, 频数, 满意度, 多选题, 交叉表, 信度, 回归, 码本, 数据 — a sheet
 * is left out when the plan has nothing for it; 数据 is the one given (see dataSheet). Numbers stay numbers (with formats), not text.
 */
export function buildWorkbook(input: WorkbookInput): Workbook {
  const n = SHEET_NAMES[input.lang];
  // Sheets that open with one table keep its title and header rows in view.
  const grids = [
    [overviewSheet(input, n.overview), 0],
    [profileSheet(input, n.profile), 2],
    [cleaningSheet(input, n.cleaning), 0],
    [excludedSheet(input, n.excluded), 2],
    [frequencySheet(input, n.freq), 0],
    [sharesSheet(input, n.shares), 0],
    [multiSheet(input, n.multi), 0],
    [crosstabSheet(input, n.crosstab), 0],
    [reliabilitySheet(input, n.reliability), 0],
    [regressionSheet(input, n.regression), 2],
    [comparisonSheet(input, n.comparison), 2],
    [codebookSheet(input, n.codebook), 2],
  ] as const;
  const sheets = grids.flatMap(([grid, freeze]) => (grid ? [grid.sheet({ freeze })] : []));
  return { sheets: [...sheets, input.data], title: input.title, creator: input.byline[0] ?? 'survey' };
}
