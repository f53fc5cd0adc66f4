// The floor under bench/million.bench.js's read: the same file's bytes read and their lines counted
// (nothing parsed), and the file streamed through our CSV reader to split rows (nothing coded).
// Prints both in seconds as JSON.
import { createReadStream } from 'node:fs';
import { openTable } from '../dist/ingest/read/open-table.js';

const file = process.argv[2];
let start = performance.now();
let lines = 0;
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
}
const bytesSeconds = (performance.now() - start) / 1000;
start = performance.now();
let rows = 0;
for await (const batch of (await openTable(file)).batches()) rows += batch.length;
const splitSeconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ lines, rows, bytes_seconds: +bytesSeconds.toFixed(2), split_seconds: +splitSeconds.toFixed(2) }));
