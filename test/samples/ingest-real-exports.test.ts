import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Codebook } from '../../src/core/types.js';
import { ingestFile, type CodedRow } from '../../src/ingest/ingest-file.js';
import { pairFiles } from '../../src/ingest/draft/pair-files.js';

// The real 问卷星 downloads stay in ../shared (never copied into the repo).
const samples = fileURLToPath(new URL('../../../shared/samples/wjx-real/', import.meta.url));
const surveys = [
  { name: '800', rows: 800 },
  { name: '357', rows: 204 },
  { name: 'zte', rows: 4 },
];
const formats = ['xls', 'xlsx', 'gbk.csv'];

async function coded(file: string, codebook?: Codebook) {
  const rows: CodedRow[] = [];
  const summary = await ingestFile(`${samples}${file}`, { codebook }, { row: (r) => void rows.push(r) });
  const names = summary.outputs.map((o) => o.name);
  const table = rows.map((r) => Object.fromEntries(names.map((n, k) => [n, r.values[k]]).filter(([n]) => !String(n).endsWith('_other'))));
  return { summary, table };
}

describe.each(surveys)('real 问卷星 export wjx-$name', ({ name, rows }) => {
  it.each(formats.flatMap((f) => [`wjx-${name}-text.${f}`, `wjx-${name}-code.${f}`]))('%s ingests without a codebook, every row coded', async (file) => {
    const { summary, table } = await coded(file);
    expect(summary.rows).toBe(rows);
    expect(table).toHaveLength(rows);
    expect(summary.layout).toBe(file.includes('-text.') ? 'wjx-text' : 'wjx-code');
    expect(summary.unmapped).toEqual([]);
    expect(summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('按文本 and 按序号, in every format, give the same coded table with the paired codebook', async () => {
    const { codebook, issues } = await pairFiles(`${samples}wjx-${name}-text.xls`, `${samples}wjx-${name}-code.xls`);
    expect(issues.filter((i) => i.rule === 'pair-conflict')).toEqual([]);
    const reference = await coded(`wjx-${name}-text.xls`, codebook);
    expect(reference.summary.issues.filter((i) => i.severity === 'error')).toEqual([]);
    for (const f of formats) {
      for (const layout of ['text', 'code']) {
        const other = await coded(`wjx-${name}-${layout}.${f}`, codebook);
        expect(other.summary.unmapped, `${layout}.${f}`).toEqual([]);
        expect(other.summary.issues.filter((i) => i.severity === 'error'), `${layout}.${f}`).toEqual([]);
        expect(other.table, `${layout}.${f}`).toEqual(reference.table);
      }
    }
  });
});

describe('what the real exports hold', () => {
  it('parses metadata: durations in seconds, ISO times, IP and region; skips and rankings', async () => {
    const { table } = await coded('wjx-zte-code.xlsx');
    expect(table[1]).toMatchObject({ id: 2, submitted_at: '2016-12-17T14:25:31', duration_s: 136, ip: '183.192.16.69', ip_region: '上海-上海', q1: 2, q2: 1, q3_2: 1, q3_1: 0, q12_5: 1, q12_1: 8 });
    expect(table[0]).toMatchObject({ q2: null, q3_1: null, q12_1: null, q13_1: null });
  });

  it('keeps the 〖…〗 fill-in text of the 按文本 download', async () => {
    const rows: CodedRow[] = [];
    const summary = await ingestFile(`${samples}wjx-zte-text.xls`, {}, { row: (r) => void rows.push(r) });
    const k = summary.outputs.findIndex((o) => o.name === 'q4_other');
    expect(rows[1].values[k]).toBe('你好好');
  });
});
