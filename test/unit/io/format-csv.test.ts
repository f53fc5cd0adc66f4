import { describe, expect, it } from 'vitest';
import { csvField, csvLine, csvRecord } from '../../../src/io/format-csv.js';

describe('csvField', () => {
  it('writes numbers in shortest round-trip form and non-finite ones as empty', () => {
    expect([0.1 + 0.2, -3, 1e21, NaN, Infinity].map(csvField)).toEqual(['0.30000000000000004', '-3', '1e+21', '', '']);
    expect([0, -0, 7, 1023, 1024, 2.5, 4294967296].map(csvField)).toEqual(['0', '0', '7', '1023', '1024', '2.5', '4294967296']);
  });

  it('writes null, undefined, empty text and booleans', () => {
    expect([null, undefined, '', true, false].map(csvField)).toEqual(['', '', '', 'TRUE', 'FALSE']);
  });

  it('quotes text holding a quote, comma, LF or CR, doubling quotes', () => {
    expect(['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', '满意'].map(csvField)).toEqual(['"a,b"', '"say ""hi"""', '"two\nlines"', '"cr\rhere"', '满意']);
  });

  it("neutralises text a spreadsheet would run as a formula with a leading '", () => {
    expect(['=SUM(A1)', '+1', '-2', '@x', '\tx', '\rx', 'a=b'].map(csvField)).toEqual(["'=SUM(A1)", "'+1", "'-2", "'@x", "'\tx", `"'\rx"`, 'a=b']);
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('csvRecord', () => {
  it('joins fields with commas, keeping empty ones', () => {
    expect(csvRecord([1, null, 'a,b', '', 2.5])).toBe('1,,"a,b",,2.5');
    expect(csvRecord([])).toBe('');
    expect(csvLine(['x', 1])).toBe('x,1\n');
  });
});
