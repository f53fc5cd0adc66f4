import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/ingest/ingest-file.js';
import { writeText } from './collect-rows.js';

describe('--allow-ragged (issue #16.3)', () => {
  it('records an issue for every row it pads, naming the first padded column', async () => {
    const path = writeText('ragged.csv', 'a,b,c,d\n1,2,3,4\n5,6\n7,8,9,10\n11\n');
    const summary = await ingestFile(path, { allowRagged: true });
    expect(summary.rows).toBe(4);
    const ragged = summary.issues.filter((i) => i.rule === 'ragged-row');
    expect(ragged.map((i) => [i.sourceRow, i.variable, i.severity])).toEqual([
      [2, 'c', 'warning'],
      [4, 'b', 'warning'],
    ]);
    expect(ragged[0].message).toBe('the row has 2 fields, the header 4: padded with 2 empty cells from this column on (--allow-ragged)');
  });

  it('records nothing when no row is short', async () => {
    const path = writeText('even.csv', 'a,b\n1,2\n3,4\n');
    expect((await ingestFile(path, { allowRagged: true })).issues.filter((i) => i.rule === 'ragged-row')).toEqual([]);
  });
});
