import { describe, expect, test } from 'vitest';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { stringifyCodebook } from '../../../src/codebook/stringify-codebook.js';
import type { Codebook } from '../../../src/core/types.js';
import { designCodebookYaml } from './design-codebook.js';

const roundTrip = (cb: Codebook) => parseCodebook(stringifyCodebook(cb), 'q.yaml');

describe('stringifyCodebook', () => {
  test('round-trips the DESIGN §3 codebook', () => {
    const cb = parseCodebook(designCodebookYaml, 'q.yaml');
    expect(roundTrip(cb)).toStrictEqual(cb);
  });

  test('round-trips short labels and group labels (the words a report names variables and sets by)', () => {
    const yaml = 'id: t\ngroups:\n  sat: {label: 生活各方面满意度, label_en: Satisfaction}\n  other: 其他题组\nvariables:\n  - {name: area, label: 您目前的居住地是？, short_label: 城乡, short_label_en: Area, type: single, choices: {1: 城市, 2: 农村}}\n  - {name: s1, label: 收入, type: single, group: sat, choices: {1: 不满意, 2: 满意}}\n';
    const cb = parseCodebook(yaml, 'q.yaml');
    expect(cb.variables[0]).toMatchObject({ shortLabel: '城乡', shortLabelEn: 'Area' });
    expect(cb.groups).toEqual({ sat: { label: '生活各方面满意度', labelEn: 'Satisfaction' }, other: { label: '其他题组' } });
    expect(roundTrip(cb)).toStrictEqual(cb);
    expect(stringifyCodebook(cb)).toContain('\n    short_label: 城乡\n');
  });

  test('writes the DESIGN §3 format: snake_case keys, short choices and derives on one line', () => {
    const yaml = stringifyCodebook(parseCodebook(designCodebookYaml, 'q.yaml'));
    expect(yaml).toContain('title_en: Bazhou urban and rural well-being survey (2025)\n');
    expect(yaml).toContain('\n    choices: {1: 城市, 2: 农村}\n');
    expect(yaml).toContain('\n      4: {label: 比较幸福, label_en: Fairly happy, aliases: [较幸福]}\n');
    expect(yaml).toContain('\n    missing: {8: 说不清, 9: 拒绝回答}\n');
    expect(yaml).toContain('\n    range: [16, 100]\n');
    expect(yaml).toContain('\n    constraint_message: 年龄至少16岁\n');
    expect(yaml).toContain('\n  - {name: happy, expr: happiness >= 4, label: 幸福}\n');
    expect(yaml).not.toContain('labelEn');
  });

  test('keeps text that YAML would read as something else, codes of every kind, and order', () => {
    const cb: Codebook = {
      id: '2025',
      title: 'true',
      variables: [
        {
          name: 'q',
          label: '1、第一题：\n  续行  ',
          type: 'single',
          ordered: false,
          choices: [
            { code: 5, label: '5', aliases: ['null', '#1'] },
            { code: -1, label: 'no', aliases: [] },
            { code: 'yes', label: '- 是', labelEn: "it's: yes", aliases: [] },
            { code: 1.5, label: '{半}', aliases: [] },
          ],
          aliases: ['Q1', "'quoted'"],
          relevant: "x == 'a: b'",
          required: false,
        },
        { name: 'x', type: 'text', aliases: [] },
      ],
      checks: [{ name: 'k', check: 'x == "#" or x != \'. > 1\'', message: '["x"]' }],
      derive: [],
    };
    expect(roundTrip(cb)).toStrictEqual(cb);
  });

  test('a long list of choices is written one per line', () => {
    const choices = Array.from({ length: 12 }, (_, i) => ({ code: i + 1, label: `很长的选项标签第${i + 1}个`, aliases: [] }));
    const cb: Codebook = { id: 'x', variables: [{ name: 'q', type: 'single', choices, aliases: [] }], checks: [], derive: [] };
    const yaml = stringifyCodebook(cb);
    expect(yaml).toContain('\n    choices:\n      1: 很长的选项标签第1个\n      2: 很长的选项标签第2个\n');
    expect(roundTrip(cb)).toStrictEqual(cb);
  });
});
