import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildWjxExport } from '../../../src/simulate/wjx/build-wjx-export.js';
import { encodeWjxCsv } from '../../../src/simulate/wjx/encode-wjx-csv.js';
import { formatTruthCsv } from '../../../src/simulate/format-truth-csv.js';
import { formatWjxDuration } from '../../../src/simulate/wjx/format-wjx-duration.js';
import { formatWjxTime } from '../../../src/simulate/wjx/format-wjx-time.js';
import { sampleAnswers } from '../../../src/simulate/draw/sample-answers.js';
import { simulateResponses } from '../../../src/simulate/simulate-responses.js';
import { wjxRows } from '../../../src/simulate/wjx/wjx-rows.js';
import type { WjxAnswer, WjxRecord } from '../../../src/simulate/wjx/wjx-record.js';
import { planOf } from './fixture.js';

const plan = planOf();
const sample = simulateResponses(plan, { seed: 42 });
const data = buildWjxExport(plan, sample);
const same = (a: WjxAnswer, b: WjxAnswer) => JSON.stringify(a) === JSON.stringify(b);
const differences = (a: WjxRecord, b: WjxRecord) => a.answers.filter((x, i) => !same(x, b.answers[i])).length;
const faulty = (fault: string) => data.truth.filter((t) => t.fault === fault).map((t) => ({ ...t, record: data.records[t.id - 1] }));
const clean = data.records.filter((r) => !r.fault);
const median = [...data.records.map((r) => r.meta.duration)].sort((a, b) => a - b)[Math.floor(data.records.length / 2)];

describe('buildWjxExport', () => {
  it('writes the 问卷星 header: metadata, numbered questions, trailing spaces, grids as matrices', () => {
    expect(data.header).toEqual([
      '序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP',
      '1、居住地', '2、性别 ', '3、年龄', '4、人均收入', '5、您对以下方面满意吗？—收入', '服务', '环境', '6、幸福吗？',
    ]);
  });

  it('adds round(rate × n) faulty rows of each kind and lists every one in the truth, nothing else', () => {
    expect(data.counts).toEqual({
      speeder: 10, duplicate: 10, 'near-duplicate': 10, 'straight-liner': 10, 'out-of-range': 10, 'unknown-answer': 10, blank: 5,
    });
    expect(data.records).toHaveLength(500 + 65);
    expect(data.truth).toHaveLength(65);
    expect(data.truth.map((t) => t.id)).toEqual(data.records.flatMap((r, i) => (r.fault ? [i + 1] : [])));
  });

  it('keeps the clean respondents once each, in id order', () => {
    expect(clean).toHaveLength(500);
    clean.forEach((record, row) => expect(record.answers).toEqual(sampleAnswers(sample, data.layout, row)));
    const times = data.records.map((r) => r.meta.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('injects each fault as documented', () => {
    for (const { record } of faulty('speeder')) expect(record.meta.duration).toBeLessThan(median / 5);
    for (const { record } of faulty('duplicate')) {
      const original = clean.find((c) => differences(c, record) === 0);
      expect(original?.meta.ip).toBe(record.meta.ip);
      expect(original && original.meta.time < record.meta.time).toBe(true);
    }
    for (const { record, variable } of faulty('near-duplicate')) {
      const original = clean.find((c) => differences(c, record) === 1);
      expect(original).toBeDefined();
      const column = data.layout.findIndex((c) => c.variable.name === variable);
      expect(same(original!.answers[column], record.answers[column])).toBe(false);
    }
    for (const { record, variable } of faulty('straight-liner')) {
      expect(variable).toBe('sat');
      const grid = record.answers.filter((_, i) => data.layout[i].grid === 'sat');
      expect(new Set(grid.map((a) => JSON.stringify(a))).size).toBe(1);
    }
    for (const { record, variable } of faulty('out-of-range')) {
      const column = data.layout.findIndex((c) => c.variable.name === variable);
      const answer = record.answers[column];
      expect(answer.kind === 'number' && answer.value > (data.layout[column].variable.range as number[])[1]).toBe(true);
    }
    for (const { record, variable } of faulty('unknown-answer')) {
      const column = data.layout.findIndex((c) => c.variable.name === variable);
      const answer = record.answers[column];
      expect(answer.kind).toBe('unknown');
      const { choices = [], missing = [] } = data.layout[column].variable;
      if (answer.kind === 'unknown') {
        expect([...choices, ...missing].map((c) => c.label)).not.toContain(answer.text);
        expect([...choices, ...missing].map((c) => c.code)).not.toContain(answer.code);
      }
    }
    for (const { record } of faulty('blank')) expect(record.answers.every((a) => a.kind === 'empty')).toBe(true);
  });

  it('writes the text and code layouts', () => {
    const text = wjxRows(data, 'text');
    const code = wjxRows(data, 'code');
    expect(text[0]).toEqual(data.header);
    const firstClean = data.records.findIndex((r) => !r.fault) + 1;
    expect(text[firstClean][0]).toBe(firstClean);
    expect(text[firstClean][1]).toMatch(/^2025\/03\/(1\d|20) (0[89]|1\d|2[01]):\d\d:\d\d$/);
    expect(text[firstClean][2]).toMatch(/^(\d+秒|\d+分\d+秒)$/);
    expect(text[firstClean][5]).toMatch(/^\d+\.\d+\.\d+\.\d+\((四川-巴中|四川-成都)\)$/);
    expect(['城市', '农村']).toContain(text[firstClean][6]);
    expect([1, 2]).toContain(code[firstClean][6]);
    const blank = faulty('blank')[0].id;
    expect(text[blank].slice(6).every((c) => c === '(空)')).toBe(true);
    const unknown = faulty('unknown-answer')[0];
    const column = 6 + data.layout.findIndex((c) => c.variable.name === unknown.variable);
    expect(typeof text[unknown.id][column]).toBe('string');
    expect(typeof code[unknown.id][column]).toBe('number');
  });

  it('is the same for the same seed', () => {
    const again = buildWjxExport(plan, simulateResponses(plan, { seed: 42 }));
    expect(formatTruthCsv(again.truth)).toBe(formatTruthCsv(data.truth));
    expect(encodeWjxCsv(wjxRows(again, 'code')).equals(encodeWjxCsv(wjxRows(data, 'code')))).toBe(true);
  });
});

describe('export files', () => {
  it('encodes CSV as GB18030 with CRLF line endings', () => {
    const bytes = encodeWjxCsv([['序号', '1、性别 '], [1, '男']]);
    expect(iconv.decode(bytes, 'gb18030')).toBe('序号,1、性别 \r\n1,男\r\n');
    expect(bytes.includes(Buffer.from('序号', 'utf8'))).toBe(false);
  });

  it('writes the truth as 序号,fault,variable', () => {
    expect(formatTruthCsv([{ id: 7, fault: 'straight-liner', variable: 'sat' }, { id: 9, fault: 'blank', variable: '' }])).toBe(
      '序号,fault,variable\n7,straight-liner,sat\n9,blank,\n',
    );
  });

  it('formats times and durations as 问卷星 does', () => {
    expect(formatWjxTime('2025-03-14', 9 * 3600 + 12 * 60 + 44)).toBe('2025/03/14 09:12:44');
    expect(formatWjxTime('2025-02-28', 86400 + 5)).toBe('2025/03/01 00:00:05');
    expect(formatWjxDuration(136, false)).toBe('136秒');
    expect(formatWjxDuration(123, true)).toBe('2分3秒');
    expect(formatWjxDuration(45, true)).toBe('45秒');
  });
});
