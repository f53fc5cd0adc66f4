import { describe, expect, it } from 'vitest';
import type { Codebook, Issue, MissingReason } from '../../../src/core/types.js';
import type { CodedValue, Layout } from '../../../src/ingest/code/coded-row.js';
import { mapColumns } from '../../../src/ingest/code/map-columns.js';
import { parseWjxHeader } from '../../../src/ingest/wjx/parse-wjx-header.js';

const choices = (labels: string[]) => labels.map((label, i) => ({ code: i + 1, label, aliases: [] as string[] }));

const codebook: Codebook = {
  id: 't',
  variables: [
    { name: 'sex', label: '您的性别？', type: 'single', choices: choices(['男', '女']), aliases: [] },
    {
      name: 'happiness',
      label: '总体而言，您觉得自己的生活幸福吗？',
      type: 'single',
      ordered: true,
      choices: [
        ...choices(['非常不幸福', '不太幸福', '一般']),
        { code: 4, label: '比较幸福', aliases: ['较幸福'] },
        { code: 5, label: '非常幸福', aliases: [] },
      ],
      missing: [{ code: 9, label: '拒绝回答', aliases: [] }],
      aliases: [],
    },
    { name: 'hobby', label: '兴趣爱好', type: 'multi', choices: choices(['运动', '阅读', '其他']), aliases: ['Q3'] },
    { name: 'hobby_other', label: '其他爱好', type: 'text', aliases: [] },
    { name: 'income', label: '月收入（元）', type: 'numeric', aliases: ['Q4'] },
    { name: 'sat_look', label: '外观', type: 'single', group: 'sat', choices: choices(['1分', '2分', '3分']), aliases: [] },
    { name: 'sat_screen', label: '屏幕', type: 'single', group: 'sat', choices: choices(['1分', '2分', '3分']), aliases: [] },
    { name: 'never_asked', label: '不在问卷里的题', type: 'numeric', aliases: [] },
  ],
  checks: [],
  derive: [],
};

function code(header: string[], rows: string[][], layout: Layout) {
  const mapping = mapColumns(parseWjxHeader(header), codebook, layout);
  const outputs = mapping.coders.flatMap((c) => c.outputs.map((o) => o.name));
  const issues: Issue[] = [...mapping.issues];
  const coded = rows.map((cells, i) => {
    const sink = { row: i + 1, values: [] as CodedValue[], reasons: [] as (MissingReason | null)[], issues };
    let at = 0;
    for (const coder of mapping.coders) {
      coder.code(cells, sink, at);
      at += coder.outputs.length;
    }
    return Object.fromEntries(outputs.map((o, k) => [o, sink.values[k]]));
  });
  return { mapping, coded, issues };
}

describe('mapping a 问卷星 按文本 export to a codebook', () => {
  const header = ['序号', '所用时间', '来自IP', '1、您的性别？ ', '2、总体而言,您觉得自己的生活幸福吗? (单选题 *必答)', '3、兴趣爱好 (多选题)', '4、月收入（元）', '5、打分 (矩阵单选题)—外观', '屏幕', '6、没人认识的题'];
  const rows = [
    ['1', '2分3秒', '1.2.3.4(四川-巴中)', '男', '较幸福', '运动┋其他〖钓鱼〗', '3,500', '2分', '3分', '?'],
    ['2', '40秒', '1.2.3.5', '女 ', '(跳过)', '阅读', '(空)', '(跳过)', '(跳过)', '?'],
    ['3', '50秒', '1.2.3.6', '男', '特别幸福', '游泳', 'abc', '1分', '1分', '?'],
    ['4', '60秒', '1.2.3.7', '男', '拒绝回答', '(跳过)', '8000', '1分', '2分', '?'],
  ];
  const { mapping, coded, issues } = code(header, rows, 'wjx-text');

  it('maps by label text tolerant of punctuation, width and type suffixes, by alias and by grid row', () => {
    expect(mapping.mapped.map((m) => m.variable)).toEqual(['id', 'duration_s', 'ip', 'sex', 'happiness', 'hobby', 'income', 'sat_look', 'sat_screen']);
    expect(mapping.unmapped).toEqual(['6、没人认识的题']);
    expect(mapping.missingVariables).toEqual(['never_asked']);
  });

  it('codes answers through labels and aliases, keeping fill-ins and declared missing codes', () => {
    expect(coded[0]).toMatchObject({ id: 1, duration_s: 123, ip: '1.2.3.4', ip_region: '四川-巴中', sex: 1, happiness: 4, hobby_1: 1, hobby_2: 0, hobby_3: 1, hobby_other: '钓鱼', income: 3500, sat_look: 2, sat_screen: 3 });
    expect(coded[1]).toMatchObject({ sex: 2, happiness: null, hobby_1: 0, hobby_2: 1, hobby_3: 0, hobby_other: null, income: null, sat_look: null });
    expect(coded[3]).toMatchObject({ happiness: 9, hobby_1: null, hobby_2: null });
  });

  it('reports answers no choice matches as issues on the cell, never as silent NaN', () => {
    const cellIssues = issues.filter((i) => i.sourceRow > 0);
    expect(cellIssues.map((i) => [i.sourceRow, i.variable, i.rawValue, i.rule])).toEqual([
      [3, 'happiness', '特别幸福', 'unknown-label'],
      [3, 'hobby', '游泳', 'unknown-label'],
      [3, 'income', 'abc', 'not-a-number'],
    ]);
    expect(coded[2]).toMatchObject({ happiness: null, hobby_1: 0, income: null });
  });

  it('reports unmapped columns and absent variables as warnings', () => {
    expect(issues.filter((i) => i.sourceRow === 0).map((i) => [i.rule, i.variable])).toEqual([
      ['unmapped-column', '6、没人认识的题'],
      ['missing-variable', 'never_asked'],
    ]);
  });
});

describe('mapping a 问卷星 按序号 export', () => {
  const header = ['序号', '1、您的性别？', '2、总体而言，您觉得自己的生活幸福吗？', '第3题(运动)', '第3题(阅读)', '第3题(其他)', '第3题(陌生选项)', '4、月收入（元）'];
  const rows = [
    ['1', '1', '4', '1', '0', '1', '0', '3500'],
    ['2', '2', '-3', '-3', '-3', '-3', '-3', '-3'],
    ['3', '7', '9', '2', '0', '0', '0', '100'],
  ];
  const { mapping, coded, issues } = code(header, rows, 'wjx-code');

  it('finds the multi-select by its option labels and codes 0/1 columns', () => {
    expect(mapping.mapped.find((m) => m.column === '第3题(运动)')?.variable).toBe('hobby');
    expect(mapping.unmapped).toEqual(['第3题(陌生选项)']);
    expect(coded[0]).toMatchObject({ sex: 1, happiness: 4, hobby_1: 1, hobby_2: 0, hobby_3: 1, income: 3500 });
    expect(coded[1]).toMatchObject({ sex: 2, happiness: null, hobby_1: null, income: null });
  });

  it('flags illegal codes and non-binary option cells', () => {
    expect(issues.filter((i) => i.sourceRow > 0).map((i) => [i.variable, i.rawValue, i.rule])).toEqual([
      ['sex', '7', 'unknown-code'],
      ['hobby', '2', 'not-binary'],
    ]);
  });
});

describe('ranking questions', () => {
  const rankBook: Codebook = { id: 'r', variables: [{ name: 'why', label: '打动您的方面', type: 'rank', choices: choices(['价格', '外观', '屏幕']), aliases: ['Q12'] }], checks: [], derive: [] };
  it('codes → joined text and rank columns alike', () => {
    const text = mapColumns(parseWjxHeader(['12、打动您的方面']), rankBook, 'wjx-text');
    const codeLayout = mapColumns(parseWjxHeader(['第12题(价格)', '第12题(外观)', '第12题(屏幕)']), rankBook, 'wjx-code');
    const run = (m: typeof text, cells: string[]) => {
      const sink = { row: 1, values: [] as CodedValue[], reasons: [] as (MissingReason | null)[], issues: [] as Issue[] };
      m.coders[0].code(cells, sink, 0);
      return { values: sink.values, reasons: sink.reasons };
    };
    expect(run(text, ['屏幕→价格'])).toEqual({ values: [2, null, 1], reasons: [null, 'not-ranked', null] });
    expect(run(codeLayout, ['2', '-2', '1'])).toEqual({ values: [2, null, 1], reasons: [null, 'not-ranked', null] });
  });
});

describe('a text variable <name>_other with its own column (issue #16.2)', () => {
  const book: Codebook = {
    id: 'o',
    variables: [
      { name: 'occupation', type: 'single', choices: choices(['工人', '农民', '其他']), aliases: [] },
      { name: 'occupation_other', type: 'text', aliases: [] },
      { name: 'age', type: 'numeric', aliases: [] },
    ],
    checks: [],
    derive: [],
  };

  it.each([
    ['after', ['occupation', 'occupation_other', 'age']],
    ['before', ['occupation_other', 'occupation', 'age']],
  ])('gets the column of that name (%s the choice column), which is neither unmapped nor emptied', (_, header) => {
    const mapping = mapColumns(parseWjxHeader(header), book, 'plain');
    expect(mapping.unmapped).toEqual([]);
    expect(mapping.mapped.find((m) => m.column === 'occupation_other')?.variable).toBe('occupation_other');
    const at = (name: string) => header.indexOf(name);
    const cells = (occupation: string, other: string) => {
      const row = ['', '', ''];
      row[at('occupation')] = occupation;
      row[at('occupation_other')] = other;
      row[at('age')] = '40';
      return row;
    };
    const outputs = mapping.coders.flatMap((c) => c.outputs.map((o) => o.name));
    expect(outputs.filter((o) => o === 'occupation_other')).toHaveLength(1);
    const sink = { row: 1, values: [] as CodedValue[], reasons: [] as (MissingReason | null)[], issues: [] as Issue[] };
    let k = 0;
    for (const coder of mapping.coders) {
      coder.code(cells('其他', '司机'), sink, k);
      k += coder.outputs.length;
    }
    expect(Object.fromEntries(outputs.map((o, i) => [o, sink.values[i]]))).toEqual({ occupation: 3, occupation_other: '司机', age: 40 });
  });

  it('still takes the 〖…〗 fill-in of a 问卷星 answer when no column names it', () => {
    const mapping = mapColumns(parseWjxHeader(['occupation', 'age']), book, 'wjx-text');
    expect(mapping.missingVariables).toEqual([]);
    const sink = { row: 1, values: [] as CodedValue[], reasons: [] as (MissingReason | null)[], issues: [] as Issue[] };
    mapping.coders[0].code(['其他〖司机〗', '40'], sink, 0);
    expect(sink.values).toEqual([3, '司机']);
  });
});
