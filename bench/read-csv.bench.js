// Benchmark: openTable over a 1,000,000-row, 40-column CSV of small integers, rows streamed and
// counted. Prints rows/s (encoding check, delimiter sniff and parse included) and peak RSS.
// BENCH_ROWS=… changes the size; BENCH_ENCODING=gb18030 writes the file as Excel in a Chinese
// locale would (Chinese header, CRLF). Run `npm run build` first: it imports from dist/.
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { openTable } from '../dist/ingest/read/open-table.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const COLUMNS = 40;
const ENCODING = process.env.BENCH_ENCODING ?? 'utf-8';
const dir = mkdtempSync(join(tmpdir(), 'survey-bench-'));
const csv = join(dir, 'big.csv');

const fd = openSync(csv, 'w');
const header = Array.from({ length: COLUMNS }, (_, k) => `${k + 1}、第${k + 1}题`);
let text = `${header.join(',')}\r\n`;
let seed = 12345;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
for (let i = 1; i <= ROWS; i++) {
  const cells = [i];
  for (let k = 1; k < COLUMNS; k++) cells.push(next() % 6);
  text += `${cells.join(',')}\r\n`;
  if (text.length > 1 << 20) {
    writeSync(fd, iconv.encode(text, ENCODING));
    text = '';
  }
}
writeSync(fd, iconv.encode(text, ENCODING));
closeSync(fd);
const bytes = statSync(csv).size;

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const table = await openTable(csv);
const opened = Number(process.hrtime.bigint() - start) / 1e9;
let rows = 0;
for await (const row of table.rows()) rows += row.cells.length === COLUMNS ? 1 : 0;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
rmSync(dir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    bench: `read-csv-${table.encoding}`,
    rows,
    columns: table.header.length,
    megabytes: +(bytes / 2 ** 20).toFixed(1),
    open_seconds: +opened.toFixed(2),
    seconds: +seconds.toFixed(2),
    // CPU time (user + system) varies less than wall time on a busy machine.
    cpu_seconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    rows_per_second: Math.round(rows / seconds),
    peak_rss_mb: Math.round(peak / 2 ** 20),
  }),
);
