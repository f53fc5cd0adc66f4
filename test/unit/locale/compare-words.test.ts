import { describe, expect, it } from 'vitest';
import { compareWords } from '../../../src/locale/compare-words.js';

describe('the comparison words', () => {
  it('say a group\'s change with its size apart from up/down in English, run together in Chinese', () => {
    const change = { name: 'Urban', up: true, size: '5.7', share: true, low: '2.1', high: '9.3', p: '0.002', significant: true };
    expect(compareWords('en').groupChange(change)).toBe('Urban up 5.7 points (significant)');
    expect(compareWords('zh').groupChange({ ...change, name: '城市', up: false, significant: false })).toBe('城市下降5.7个百分点（不显著）');
  });
});
