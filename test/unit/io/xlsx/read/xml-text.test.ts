import { describe, expect, it } from 'vitest';
import { runText } from '../../../../../src/io/xlsx/read/xml-text.js';

describe('runText', () => {
  it('reads a single run, with or without attributes, decoding entities and _xHHHH_ escapes', () => {
    expect(runText('<si><t>非常满意</t></si>')).toBe('非常满意');
    expect(runText('<si><t xml:space="preserve"> a &amp; b </t></si>')).toBe(' a & b ');
    expect(runText('<is><t>line_x000D_end</t></is>')).toBe('line\rend');
    expect(runText('<x:si><x:t>前缀</x:t></x:si>')).toBe('前缀');
  });

  it('joins rich-text runs and leaves out phonetic guides', () => {
    expect(runText('<si><r><rPr><b/></rPr><t>比较</t></r><r><t>满意</t></r></si>')).toBe('比较满意');
    expect(runText('<si><t>满意</t><rPh sb="0" eb="2"><t>まんぞく</t></rPh></si>')).toBe('满意');
  });

  it('gives empty text for an item without text', () => {
    expect(runText('<si><t/></si>')).toBe('');
    expect(runText('<si></si>')).toBe('');
  });
});
