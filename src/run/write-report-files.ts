import type { Lang } from '../locale/lang.js';
import { writeXlsx } from '../io/xlsx/write/write-xlsx.js';
import type { FolderWriter } from '../io/write-folder-atomic.js';
import type { ChartImage } from '../report/charts/chart-image.js';
import { MissingFontError } from '../report/charts/find-cjk-font.js';
import { renderChartsPng } from '../report/charts/render-chart-png.js';
import { renderChartSvg } from '../report/charts/render-chart-svg.js';
import { renderDocx } from '../report/render-docx.js';
import { renderMarkdown } from '../report/render-markdown.js';
import type { ReportDocument } from '../report/report-document.js';
import { prerenderSheet } from '../io/xlsx/write/prerender-sheet.js';
import { buildWorkbook } from '../report/workbook/build-workbook.js';
import { dataSheet } from '../report/workbook/data-sheet.js';
import { SHEET_NAMES } from '../report/workbook/sheet-names.js';
import type { WorkbookInput } from '../report/workbook/workbook-input.js';
import type { Plan } from './plan-schema.js';

/** What writing the report files did: the files, in order, and any warning for the user. */
export interface ReportFiles {
  files: string[];
  warnings: string[];
}

/**
 * Writes the report in the formats the plan asks for: report.md with charts/<id>.svg, and
 * report.docx and report.xlsx with the charts as charts/<id>.png. Without a CJK font the PNG
 * charts are left out with a warning (resvg would draw them without text); the rest is written.
 */
export async function writeReportFiles(
  out: FolderWriter,
  doc: ReportDocument,
  options: { lang: Lang; outputs: Plan['outputs']; workbook: Omit<WorkbookInput, 'images' | 'data'>; time: <T>(stage: string, job: () => Promise<T> | T) => Promise<T> },
): Promise<ReportFiles> {
  const { outputs, time } = options;
  const charts = doc.blocks.flatMap((b) => (b.kind === 'chart' ? [b] : []));
  const files: string[] = [];
  const warnings: string[] = [];
  const svgs = new Map(charts.map((c) => [c.id, renderChartSvg(c.chart)]));
  const write = async (name: string, data: string | Uint8Array) => {
    await out.write(name, data);
    files.push(name);
  };
  if (outputs.includes('md')) {
    await time('markdown', async () => {
      for (const [id, svg] of svgs) await write(`charts/${id}.svg`, svg);
      await write('report.md', renderMarkdown(doc));
    });
  }
  if (!outputs.includes('docx') && !outputs.includes('xlsx')) return { files, warnings };
  // The PNGs are drawn on the thread pool while the workbook's 数据 sheet, the biggest part of
  // report.xlsx, is rendered here. They leave their title out: Word captions them (图1 …) and the
  // workbook writes it above.
  const drawing = renderChartsPng(charts.map((c) => renderChartSvg({ ...c.chart, title: '' }))).then(
    (pngs) => ({ pngs }),
    (error: unknown) => ({ error }),
  );
  const { table, lang } = options.workbook;
  const data = outputs.includes('xlsx') ? await time('xlsx-data', () => prerenderSheet(dataSheet(table, lang, SHEET_NAMES[lang].data))) : null;
  const images = new Map<string, ChartImage & { title: string }>();
  await time('charts', async () => {
    const drawn = await drawing;
    if ('error' in drawn) {
      if (!(drawn.error instanceof MissingFontError)) throw drawn.error;
      warnings.push(`${drawn.error.message}: the Word and Excel reports are written without their ${svgs.size} charts (${drawn.error.hint})`);
    } else {
      charts.forEach((c, k) => images.set(c.id, { ...drawn.pngs[k], title: c.chart.title }));
    }
    for (const [id, image] of images) await write(`charts/${id}.png`, image.png);
  });
  if (outputs.includes('docx')) await time('docx', async () => write('report.docx', await renderDocx(doc, { lang: options.lang, images })));
  if (data) await time('xlsx', () => write('report.xlsx', writeXlsx(buildWorkbook({ ...options.workbook, data, images }))));
  return { files, warnings };
}
