import type { Lang } from '../analyze/variable-labels.js';
import { writeXlsx } from '../io/xlsx/write-xlsx.js';
import type { FolderWriter } from '../io/write-folder-atomic.js';
import type { ChartImage } from '../report/charts/chart-image.js';
import { MissingFontError } from '../report/charts/find-cjk-font.js';
import { renderChartsPng } from '../report/charts/render-chart-png.js';
import { renderChartSvg } from '../report/charts/render-chart-svg.js';
import { renderDocx } from '../report/render-docx.js';
import { renderMarkdown } from '../report/render-markdown.js';
import type { ReportDocument } from '../report/report-document.js';
import { buildWorkbook } from '../report/workbook/build-workbook.js';
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
  options: { lang: Lang; outputs: Plan['outputs']; workbook: Omit<WorkbookInput, 'images'>; time: <T>(stage: string, job: () => Promise<T> | T) => Promise<T> },
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
  // The PNGs leave their title out: Word captions them (图1 …) and the workbook writes it above.
  const images = new Map<string, ChartImage & { title: string }>();
  await time('charts', async () => {
    try {
      // One font subset serves all the charts.
      const drawn = renderChartsPng(charts.map((c) => renderChartSvg({ ...c.chart, title: '' })));
      charts.forEach((c, k) => images.set(c.id, { ...drawn[k], title: c.chart.title }));
    } catch (err) {
      if (!(err instanceof MissingFontError)) throw err;
      images.clear();
      warnings.push(`${err.message}: the Word and Excel reports are written without their ${svgs.size} charts (${err.hint})`);
    }
    for (const [id, image] of images) await write(`charts/${id}.png`, image.png);
  });
  if (outputs.includes('docx')) await time('docx', async () => write('report.docx', await renderDocx(doc, { lang: options.lang, images })));
  if (outputs.includes('xlsx')) await time('xlsx', () => write('report.xlsx', writeXlsx(buildWorkbook({ ...options.workbook, images }))));
  return { files, warnings };
}
