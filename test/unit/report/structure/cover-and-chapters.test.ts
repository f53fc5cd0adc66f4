import { describe, expect, it } from 'vitest';
import { chapterTitle } from '../../../../src/report/chapter-number.js';
import { coverPage } from '../../../../src/report/cover-page.js';
import { keyFindings, summarySection } from '../../../../src/report/summary-section.js';
import { reportFolder } from '../../../../src/run/report-folder.js';
import { join } from 'node:path';

describe('the 结项 report\'s structure', () => {
  it('fills the cover from the plan, the title, unit and date standing in; an empty field stays a blank to fill in', () => {
    const cover = coverPage({ number: 'SK-01', leader: '张三' }, { title: '某某调查结项报告', unit: '某单位', date: '2025-06-30' }, 'zh');
    expect(cover.number).toEqual(['立项编号', 'SK-01']);
    expect(cover.heading).toBe('结项报告');
    expect(cover.fields).toEqual([
      ['项目类别', ''],
      ['项目名称', '某某调查'],
      ['项目负责人', '张三'],
      ['所在单位', '某单位'],
      ['填表日期', '2025年6月30日'],
    ]);
    expect(coverPage({ date: '2025年夏' }, { title: 't' }, 'en').fields.at(-1)).toEqual(['Date', '2025年夏']);
  });

  it('numbers chapters as a 结项 report does', () => {
    expect([1, 5, 10, 11, 20, 23].map((k) => chapterTitle(k, '章', 'zh'))).toEqual(['一、章', '五、章', '十、章', '十一、章', '二十、章', '二十三、章']);
    expect(chapterTitle(2, 'Findings', 'en')).toBe('2. Findings');
  });

  it('takes each analysis\'s first sentence as a key finding, and puts the team\'s text after them', () => {
    const findings = keyFindings([[{ kind: 'paragraph', text: '比例为55.2%（95%置信区间：54.2%–56.2%）。分组看，城市更高。' }], [{ kind: 'heading', level: 2, text: '无段落' }]], 'zh');
    expect(findings).toEqual(['比例为55.2%（95%置信区间：54.2%–56.2%）。']);
    expect(keyFindings([[{ kind: 'paragraph', text: 'The share is 55.2% (p < 0.001). By area, more.' }]], 'en')).toEqual(['The share is 55.2% (p < 0.001).']);
    const blocks = summarySection('摘要', '有效问卷600份。', findings, [{ kind: 'paragraph', text: '团队的话。' }], 'zh');
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'paragraph']);
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: '有效问卷600份。主要发现如下：' });
  });

  it('writes a report in another language than the plan\'s beside it, not over it', () => {
    expect(reportFolder('reports', 'bazhou-2025', 'zh', 'zh')).toBe(join('reports', 'bazhou-2025'));
    expect(reportFolder('reports', 'bazhou-2025', 'zh', 'en')).toBe(join('reports', 'bazhou-2025-en'));
  });
});
