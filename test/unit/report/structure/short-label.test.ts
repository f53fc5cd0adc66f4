import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../../src/codebook/load-codebook.js';
import { readDataTable } from '../../../../src/ingest/read-data-table.js';
import { shortenQuestion } from '../../../../src/locale/row-label-words.js';
import { shortLabel } from '../../../../src/report/short-label.js';

const sample = (name: string) => fileURLToPath(new URL(`../../../../data-samples/bazhou-2025/${name}`, import.meta.url));

describe('shortLabel: how a 样本概况 row names a question', () => {
  it('cuts a question text to its words', () => {
    const cases: [string, string][] = [
      ['您的性别是？', '性别'],
      ['您的年龄是（周岁）？', '年龄（周岁）'],
      ['您目前的职业是？', '职业'],
      ['您家共同生活的人口有几人？', '共同生活的人口'],
      ['过去一年，您家人均可支配收入大约是多少元？', '人均可支配收入'],
      ['总体而言，您觉得自己的生活幸福吗？', '觉得自己的生活幸福'],
    ];
    for (const [question, short] of cases) expect(shortenQuestion(question), question).toBe(short);
  });

  it('prefers the codebook\'s short label, keeps a short non-question label, adds a number\'s unit, and leaves English labels whole', async () => {
    const codebook = await loadCodebook(sample('codebook.yaml'));
    const table = (await readDataTable(sample('responses.csv'), { codebook })).table;
    expect(shortLabel(table, 'sex', 'zh')).toBe('性别');
    expect(shortLabel(table, 'income', 'zh')).toBe('人均可支配收入（元）');
    expect(shortLabel(table, 'age', 'zh')).toBe('年龄（岁）');
    expect(shortLabel(table, 'sat_family', 'zh')).toBe('家庭生活');
    expect(shortLabel(table, 'sex', 'en')).toBe('Sex');
    // A codebook short label (short_label) wins over any rule.
    Object.assign(codebook.variables.find((v) => v.name === 'area')!, { shortLabel: '城乡' });
    expect(shortLabel(table, 'area', 'zh')).toBe('城乡');
  });
});
