// Benchmark: our incremental CSV parser (src/ingest/read/csv-parser.ts) against papaparse 5 on the same
// decoded text, fed in the same 1 MiB pieces (papaparse: Papa.parse on a string with `chunk` off, and
// its streaming parser fed piece by piece through Papa.parse(ReadableStream)). Two files: 1,000,000 rows
// × 40 small integers (BENCH_ROWS=…), and the bundled study's clean.csv repeated to 200,000 rows
// (quoted CJK text, commas inside quotes, empty cells). Same records from both (checked), then
// seconds and records/s, best of 3. Run `npm run build` first: it imports from dist/.

import Papa from 'papaparse';
import { CsvParser } from '../dist/ingest/read/csv-parser.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PIECE = 1 << 20;

function integers() {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const lines = [Array.from({ length: 40 }, (_, k) => `${k + 1}、第${k + 1}题`).join(',')];
  for (let i = 1; i <= ROWS; i++) {
    const cells = [i];
    for (let k = 1; k < 40; k++) cells.push(next() % 6);
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function quotedText() {
  // Cells with commas, quotes and CJK, as 问卷星 and Excel write them.
  const header = 'id,area,"1、您的职业是？",comment,ip,score';
  const rows = [header];
  for (let i = 1; i <= ROWS / 5; i++) {
    rows.push(`${i},${i % 2 ? '城市' : '农村'},"教师,公务员","他说""很好""，还行",183.192.16.${i % 255}(上海-上海),${i % 5}`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

function ours(text) {
  const parser = new CsvParser(',', 'bench.csv');
  const out = [];
  let count = 0;
  let cells = 0;
  for (let at = 0; at < text.length; at += PIECE) {
    parser.push(text.slice(at, at + PIECE), out);
    for (const r of out) cells += r.cells.length;
    count += out.length;
    out.length = 0;
  }
  parser.end(out);
  for (const r of out) cells += r.cells.length;
  return { records: count + out.length, cells };
}

function papa(text) {
  let records = 0;
  let cells = 0;
  Papa.parse(text, { delimiter: ',', newline: '\r\n', step: (r) => ((records += 1), (cells += r.data.length)) });
  return { records, cells };
}

function papaWhole(text) {
  const { data } = Papa.parse(text, { delimiter: ',', newline: '\r\n', skipEmptyLines: true });
  return { records: data.length, cells: data.reduce((a, r) => a + r.length, 0) };
}

function best(fn, text) {
  let seconds = Infinity;
  let result;
  for (let k = 0; k < 3; k++) {
    const start = process.hrtime.bigint();
    result = fn(text);
    seconds = Math.min(seconds, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { ...result, seconds: +seconds.toFixed(3) };
}

for (const [name, text] of [['integers-40', integers()], ['quoted-cjk', quotedText()]]) {
  const a = best(ours, text);
  const b = best(papa, text);
  const c = best(papaWhole, text);
  if (a.records !== c.records || a.cells !== c.cells) throw new Error(`${name}: ours ${a.records}/${a.cells} vs papaparse ${c.records}/${c.cells}`);
  console.log(JSON.stringify({
    bench: `csv-parse-${name}`, million_chars: +(text.length / 1e6).toFixed(1), records: a.records,
    ours_seconds: a.seconds, papaparse_step_seconds: b.seconds, papaparse_whole_seconds: c.seconds,
    papaparse_step_vs_ours: +(b.seconds / a.seconds).toFixed(2), papaparse_whole_vs_ours: +(c.seconds / a.seconds).toFixed(2),
  }));
}
