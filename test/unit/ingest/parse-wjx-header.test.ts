import { describe, expect, it } from 'vitest';
import { isWjxHeader, parseWjxHeader } from '../../../src/ingest/wjx/parse-wjx-header.js';

describe('parseWjxHeader', () => {
  const header = [
    '序号', '提交答卷时间', '所用时间', '来自IP', '来源', '来源详情',
    '1、请问您的性别？ ',
    '3、您从哪里了解到?(多选,) (多选题 *必答)',
    '第6题(运动)', '第6题(阅读)',
    '13、各方面的重要性如何? (矩阵单选题 *必答)—外观', '界面美观度', '屏幕显示效果',
    '15、整体满意度 (单选题 *必答)',
    '请选择省份城市与地区:',
  ];
  const items = parseWjxHeader(header);

  it('recognises metadata, questions, option columns and matrix rows', () => {
    expect(items.map((i) => i.kind)).toEqual(['meta', 'meta', 'meta', 'meta', 'meta', 'meta', 'question', 'question', 'options', 'matrix', 'question', 'question']);
    expect(isWjxHeader(items)).toBe(true);
  });

  it('keeps numbers and texts, strips the type suffix into a hint', () => {
    expect(items[6]).toMatchObject({ kind: 'question', number: 1, text: '请问您的性别？', typeHint: null, header: '1、请问您的性别？ ' });
    expect(items[7]).toMatchObject({ number: 3, text: '您从哪里了解到?(多选,)', typeHint: 'multi' });
    expect(items[10]).toMatchObject({ number: 15, text: '整体满意度', typeHint: 'single' });
  });

  it('groups option columns of one question', () => {
    expect(items[8]).toEqual({
      kind: 'options',
      number: 6,
      options: [
        { column: 8, label: '运动', header: '第6题(运动)' },
        { column: 9, label: '阅读', header: '第6题(阅读)' },
      ],
    });
  });

  it('collects bare matrix row labels after the first row', () => {
    const matrix = items[9];
    expect(matrix).toMatchObject({ kind: 'matrix', number: 13, text: '各方面的重要性如何?', typeHint: 'matrix' });
    expect(matrix.kind === 'matrix' && matrix.rows.map((r) => r.label)).toEqual(['外观', '界面美观度', '屏幕显示效果']);
  });

  it('treats a bare column after an ordinary question as a question without a number', () => {
    expect(items[11]).toMatchObject({ kind: 'question', number: null, text: '请选择省份城市与地区:' });
  });

  it('does not take an ordinary table for a 问卷星 export', () => {
    expect(isWjxHeader(parseWjxHeader(['id', 'area', 'happiness', 'income']))).toBe(false);
  });
});
