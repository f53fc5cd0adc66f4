import { describe, expect, it } from 'vitest';
import { reasonsByCount } from '../../../src/report/reasons-by-count.js';

describe('reasonsByCount', () => {
  it('puts the most frequent rule first and breaks ties by name', () => {
    expect(reasonsByCount({ speeder: 3, 'duplicate-id': 3, duplicate: 9, blank: 3 })).toEqual([
      ['duplicate', 9],
      ['blank', 3],
      ['duplicate-id', 3],
      ['speeder', 3],
    ]);
    expect(reasonsByCount({})).toEqual([]);
  });
});
