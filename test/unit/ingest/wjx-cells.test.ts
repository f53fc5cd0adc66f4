import { describe, expect, it } from 'vitest';
import { parseWjxDuration } from '../../../src/ingest/wjx/parse-wjx-duration.js';
import { parseWjxIp } from '../../../src/ingest/wjx/parse-wjx-ip.js';
import { parseWjxTime } from '../../../src/ingest/wjx/parse-wjx-time.js';
import { wjxMissingReason } from '../../../src/ingest/wjx/wjx-missing-reason.js';
import { mergeSequences, orderLabels } from '../../../src/ingest/draft/order-labels.js';
import { parseNumber, splitFillIn } from '../../../src/ingest/code/code-scalar.js';

describe('问卷星 cells', () => {
  it('parses 所用时间 in every form 问卷星 writes', () => {
    expect(parseWjxDuration('136秒')).toBe(136);
    expect(parseWjxDuration('2分3秒')).toBe(123);
    expect(parseWjxDuration('1小时2分')).toBe(3720);
    expect(parseWjxDuration(' 5秒 ')).toBe(5);
    expect(parseWjxDuration('95')).toBe(95);
    expect(parseWjxDuration('NULL')).toBeNull();
    expect(parseWjxDuration('秒')).toBeNull();
    expect(parseWjxDuration('3 apples')).toBeNull();
  });

  it('turns 提交答卷时间 into ISO local date-times and rejects impossible dates', () => {
    expect(parseWjxTime('2016/12/17 14:25:31')).toBe('2016-12-17T14:25:31');
    expect(parseWjxTime('2025-3-4 9:05')).toBe('2025-03-04T09:05:00');
    expect(parseWjxTime('2025/03/14')).toBe('2025-03-14T00:00:00');
    expect(parseWjxTime('2025/13/14 10:00:00')).toBeNull();
    expect(parseWjxTime('yesterday')).toBeNull();
  });

  it('splits 来自IP into address and region', () => {
    expect(parseWjxIp('183.192.16.69(上海-上海)')).toEqual({ address: '183.192.16.69', region: '上海-上海' });
    expect(parseWjxIp('10.0.0.1（四川-巴中）')).toEqual({ address: '10.0.0.1', region: '四川-巴中' });
    expect(parseWjxIp('10.0.0.1')).toEqual({ address: '10.0.0.1', region: null });
  });

  it('keeps the reason a cell is empty', () => {
    expect(wjxMissingReason('(跳过)')).toBe('skipped');
    expect(wjxMissingReason('-3')).toBe('skipped');
    expect(wjxMissingReason('-2')).toBe('not-ranked');
    expect(wjxMissingReason('(空)')).toBe('empty');
    expect(wjxMissingReason('  ')).toBe('empty');
    expect(wjxMissingReason('NULL')).toBe('empty');
    expect(wjxMissingReason('3')).toBeNull();
  });

  it('separates the 〖fill-in〗 from the answer and parses numbers as typed', () => {
    expect(splitFillIn('其他【请注明】〖柜台〗')).toEqual({ answer: '其他【请注明】', fillIn: '柜台' });
    expect(splitFillIn('男')).toEqual({ answer: '男', fillIn: null });
    expect(parseNumber('１２,０００')).toBe(12000);
    expect(parseNumber('-3.5')).toBe(-3.5);
    expect(parseNumber('1部')).toBeNull();
  });
});

describe('ordering answer texts for a drafted codebook', () => {
  it('orders Likert wording from low to high', () => {
    expect(orderLabels(['比较满意', '一般', '非常满意', '很不满意', '不太满意'])).toEqual(['很不满意', '不太满意', '一般', '比较满意', '非常满意']);
  });
  it('orders ranges by their first number, words last', () => {
    expect(orderLabels(['3500元及以上', '免费赠送的', '0-799元', '1000-1499元', '800-999元'])).toEqual(['0-799元', '800-999元', '1000-1499元', '3500元及以上', '免费赠送的']);
  });
  it('keeps first appearance when nothing else is known', () => {
    expect(orderLabels(['男', '女'])).toEqual(['男', '女']);
  });
  it('merges multi-select answer orders into the questionnaire order', () => {
    expect(mergeSequences([['运动', '影视'], ['阅读', '影视'], ['运动', '阅读']])).toEqual(['运动', '阅读', '影视']);
    expect(mergeSequences([['b', 'a'], ['a', 'b']])).toEqual(['b', 'a']);
  });
});
