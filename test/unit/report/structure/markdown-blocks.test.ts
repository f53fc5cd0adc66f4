import { describe, expect, it } from 'vitest';
import { inlineSpans, markdownBlocks } from '../../../../src/report/markdown-blocks.js';

describe('markdownBlocks: the team\'s section text', () => {
  it('reads paragraphs, headings under the section, lists and bold; comments are left out', () => {
    const text = [
      '<!-- 示例：请课题组改写 -->',
      '调查显示，城乡居民的幸福感',
      '总体较高。',
      '',
      '# 近期工作',
      '## 细项',
      '1. **减轻负担。** 提高报销',
      '   比例。',
      '2. 促进增收',
      '',
      '- 专项调研',
      '* 纳入评估',
      'A line',
      'in English.',
    ].join('\n');
    expect(markdownBlocks(text, 2)).toEqual([
      // Chinese lines join without a space; the bold markers leave the plain text.
      { kind: 'paragraph', text: '调查显示，城乡居民的幸福感总体较高。', spans: [{ text: '调查显示，城乡居民的幸福感总体较高。' }] },
      { kind: 'heading', level: 2, text: '近期工作' },
      { kind: 'heading', level: 3, text: '细项' },
      { kind: 'list', ordered: true, items: [[{ text: '减轻负担。', bold: true }, { text: ' 提高报销比例。' }], [{ text: '促进增收' }]] },
      { kind: 'list', ordered: false, items: [[{ text: '专项调研' }], [{ text: '纳入评估' }]] },
      { kind: 'paragraph', text: 'A line in English.', spans: [{ text: 'A line in English.' }] },
    ]);
  });

  it('keeps headings at level 3 at most, and reads a BOM, CRLF and 1、 numbering', () => {
    const blocks = markdownBlocks('\uFEFF### 深\r\n\r\n1、第一\r\n2、第二\r\n', 2);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 3, text: '深' });
    expect(blocks[1]).toEqual({ kind: 'list', ordered: true, items: [[{ text: '第一' }], [{ text: '第二' }]] });
  });

  it('splits __bold__ as **bold**, and leaves a lone asterisk as text', () => {
    expect(inlineSpans('a __b__ c * d')).toEqual([{ text: 'a ' }, { text: 'b', bold: true }, { text: ' c * d' }]);
    expect(markdownBlocks('', 2)).toEqual([]);
  });
});
