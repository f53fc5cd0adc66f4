// Benchmark: exceljs 4.4 against our own .xlsx reader and writer, each case in a fresh process so
// that its peak RSS (getrusage's maxrss) is its own and module loading counts as it does in a
// command. Read: every cell of the bundled 问卷星 export (wjx-export.xlsx, 10,400 rows × 33
// columns) as text — ours streamed, exceljs loaded whole and with its streaming reader. Write: the
// report's 数据 sheet of the bundled study (10,090 rows × 45 columns, values and number formats).
// Prints the median wall ms of BENCH_RUNS runs (default 3) of loading the module and of the work,
// and the largest peak RSS, as JSON.
// Run `npm run build` first: it imports dist/.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
const sample = fileURLToPath(new URL('../data-samples/bazhou-2025/', import.meta.url));
const exportFile = `${sample}wjx-export.xlsx`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** The 数据 sheet model `survey run` writes, from the bundled study's responses. */
async function dataSheetModel() {
  const { loadCodebook } = await import('../dist/codebook/load-codebook.js');
  const { readDataTable } = await import('../dist/ingest/read-data-table.js');
  const { dataSheet } = await import('../dist/report/workbook/data-sheet.js');
  const codebook = await loadCodebook(`${sample}codebook.yaml`);
  const { table } = await readDataTable(`${sample}responses.csv`, { codebook });
  return dataSheet(table, 'zh', '数据');
}

/** Each case: what it needs ready (not timed), the module it loads (timed apart), the timed work, which returns a check figure. */
const cases = {
  'read-ours': {
    module: '../dist/io/xlsx/read/open-xlsx.js',
    async work({ openXlsx }) {
      const book = await openXlsx(exportFile, statSync(exportFile).size);
      let cells = 0;
      for await (const batch of (await book.openSheet(book.sheets[0])).rows()) for (const row of batch) cells += row.cells.length;
      return cells;
    },
  },
  'read-exceljs': {
    module: 'exceljs',
    async work({ default: ExcelJS }) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(exportFile);
      let cells = 0;
      book.worksheets[0].eachRow((row) => row.eachCell(() => cells++));
      return cells;
    },
  },
  'read-exceljs-stream': {
    module: 'exceljs',
    async work({ default: ExcelJS }) {
      let cells = 0;
      for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(exportFile, { sharedStrings: 'cache', styles: 'cache' })) {
        for await (const row of sheet) row.eachCell(() => cells++);
      }
      return cells;
    },
  },
  // What the write cases hold before writing (the study read, the model built): their baseline RSS.
  'write-model-only': {
    prepare: dataSheetModel,
    async work(_, sheet) {
      return sheet.rows.length;
    },
  },
  'write-ours': {
    prepare: dataSheetModel,
    module: '../dist/io/xlsx/write/write-xlsx.js',
    async work({ writeXlsx }, sheet) {
      return writeXlsx({ sheets: [sheet] }).length;
    },
  },
  'write-exceljs': {
    prepare: dataSheetModel,
    module: 'exceljs',
    async work({ default: ExcelJS }, sheet) {
      const book = new ExcelJS.Workbook();
      const out = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: sheet.freeze?.rows ?? 0, xSplit: sheet.freeze?.cols ?? 0 }] });
      for (const cells of sheet.rows) {
        const row = out.addRow(cells.map((c) => (c !== null && typeof c === 'object' ? c.value : c)));
        cells.forEach((c, k) => {
          if (c === null || typeof c !== 'object' || !c.style) return;
          if (c.style.numFmt) row.getCell(k + 1).numFmt = c.style.numFmt;
          if (c.style.bold) row.getCell(k + 1).font = { bold: true };
        });
      }
      return (await book.xlsx.writeBuffer()).byteLength;
    },
  },
};

const only = process.argv[2];
if (only) {
  // A child: one case, once.
  const { prepare, module, work } = cases[only];
  const input = prepare ? await prepare() : undefined;
  const loading = process.hrtime.bigint();
  const loaded = module ? await import(module) : undefined;
  const start = process.hrtime.bigint();
  const result = await work(loaded, input);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const load = Number(start - loading) / 1e6;
  console.log(JSON.stringify({ load, ms, result, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  const figures = {};
  for (const name of Object.keys(cases)) {
    const runs = Array.from({ length: RUNS }, () => {
      const child = spawnSync(process.execPath, [here, name], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`);
      return JSON.parse(child.stdout);
    });
    const median = (key) => Math.round(runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]);
    figures[name] = { load_ms: median('load'), ms: median('ms'), peak_rss_mb: Math.max(...runs.map((r) => r.peak_rss_mb)), result: runs[0].result };
  }
  console.log(JSON.stringify({ bench: 'xlsx-exceljs', runs: RUNS, ...figures }));
}
