import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/load-codebook.js';
import { stringifyCodebook } from '../../src/codebook/stringify-codebook.js';
import type { Codebook } from '../../src/core/types.js';
import { ingestFile, type CodedRow } from '../../src/ingest/ingest-file.js';
import { pairFiles } from '../../src/ingest/draft/pair-files.js';

// Issue #15.3: `ingest TEXT --pair CODE --write-codebook q.yaml` must write a draft that passes
// `codebook check` and that both downloads re-ingest with, in every format 问卷星 users have.
const samples = fileURLToPath(new URL('../../../shared/samples/wjx-real/', import.meta.url));
const pairs = ['800', '357', 'zte'].flatMap((survey) => ['xlsx', 'xls', 'gbk.csv'].map((format) => ({ survey, format })));

async function ingest(file: string, codebook: Codebook) {
  const rows: CodedRow[] = [];
  const summary = await ingestFile(file, { codebook }, { row: (r) => void rows.push(r) });
  return { summary, rows };
}

describe.each(pairs)('drafted codebook of wjx-$survey .$format', ({ survey, format }) => {
  it('passes its own check and re-ingests both downloads with every variable found', async () => {
    const text = `${samples}wjx-${survey}-text.${format}`;
    const code = `${samples}wjx-${survey}-code.${format}`;
    const drafted = await pairFiles(text, code);
    // What --write-codebook writes, read back as `codebook check` and `ingest --codebook` read it.
    const yaml = stringifyCodebook(drafted.codebook);
    const codebook = parseCodebook(yaml, 'q.yaml');
    expect(codebook.variables.map((v) => v.name)).toEqual(drafted.codebook.variables.map((v) => v.name));
    const tables: unknown[][] = [];
    for (const file of [text, code]) {
      const { summary, rows } = await ingest(file, codebook);
      expect(summary.missingVariables, file).toEqual([]);
      expect(summary.unmapped, file).toEqual([]);
      expect(summary.issues.filter((i) => i.severity === 'error' || i.rule === 'missing-variable'), file).toEqual([]);
      const keep = summary.outputs.map((o, k) => (o.name.endsWith('_other') ? -1 : k)).filter((k) => k >= 0);
      tables.push(rows.map((r) => keep.map((k) => r.values[k])));
    }
    expect(tables[1]).toEqual(tables[0]);
  });
});
