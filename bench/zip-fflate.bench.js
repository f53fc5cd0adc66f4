// Benchmark: our zip writer and reader (src/io/zip/zip-writer.ts, src/io/zip/zip-entries.ts) against
// fflate, on the bundled 问卷星 export (12 MB of sheet XML) and a workbook of the same entries.
// Writing: writeZip against fflate.zipSync at the same deflate level (2) and fixed time; reading:
// every entry inflated, ours streamed through node:zlib against fflate.unzipSync. Median of 5, ms.
// Run `npm run build` first: it imports dist/.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { openZipEntry, readZipEntries } from '../dist/io/zip/zip-entries.js';
import { writeZip } from '../dist/io/zip/zip-writer.js';
import { timed } from './measure.js';

const file = fileURLToPath(new URL('../data-samples/bazhou-2025/wjx-export.xlsx', import.meta.url));

/** Median milliseconds of 5 runs, and the last result. */
async function median(run) {
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await timed(run));
  return { ms: runs.map((r) => r.ms).sort((a, b) => a - b)[2], result: runs[4].result };
}

async function readOurs() {
  const entries = new Map();
  for (const [name, entry] of await readZipEntries(file, statSync(file).size)) {
    const chunks = [];
    for await (const chunk of await openZipEntry(file, entry)) chunks.push(chunk);
    entries.set(name, Buffer.concat(chunks));
  }
  return entries;
}

const oursRead = await median(readOurs);
const fflateRead = await median(() => unzipSync(readFileSync(file)));
const same = [...oursRead.result].every(([name, data]) => Buffer.compare(data, Buffer.from(fflateRead.result[name])) === 0);
const files = [...oursRead.result].map(([name, data]) => ({ name, data }));
const oursWrite = await median(() => writeZip(files));
const fflateWrite = await median(() => zipSync(Object.fromEntries(files.map((f) => [f.name, [f.data, { level: 2, mtime: new Date(1980, 0, 1) }]]))));
console.log(JSON.stringify({
  bench: 'zip-fflate', input: 'wjx-export.xlsx', uncompressed_mb: +(files.reduce((s, f) => s + f.data.length, 0) / 1e6).toFixed(1), same_entries: same,
  read_ours_ms: Math.round(oursRead.ms), read_fflate_ms: Math.round(fflateRead.ms),
  write_ours_ms: Math.round(oursWrite.ms), write_ours_bytes: oursWrite.result.length,
  write_fflate_ms: Math.round(fflateWrite.ms), write_fflate_bytes: fflateWrite.result.length,
}));
