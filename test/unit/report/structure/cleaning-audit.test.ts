import { describe, expect, it } from 'vitest';
import { cleaningSection } from '../../../../src/report/cleaning-section.js';
import { cleaningAuditor } from '../../../../src/report/cleaning-audit.js';
import type { CleanSummary } from '../../../../src/clean/clean-file.js';
import type { Issue } from '../../../../src/core/types.js';

const issue = (sourceRow: number, rule: string): Issue => ({ sourceRow, variable: 'v', rawValue: '', rule, severity: 'warning', message: '' });

describe('the cleaning tables: questionnaires and issues apart', () => {
  it('counts each excluded row once, by its first reason, and the issues in kept rows apart', () => {
    const audit = cleaningAuditor();
    audit.issues([issue(1, 'required-missing'), issue(1, 'required-missing'), issue(2, 'required-missing'), issue(3, 'out-of-range')]);
    audit.excluded(1, ['blank']);
    audit.excluded(4, ['speeder', 'student-age']);
    audit.excluded(5, ['speeder']);
    const result = audit.finish();
    expect(result.excludedBy).toEqual([['speeder', 2], ['blank', 1]]);
    // Row 1 was set aside: its two issues are not in a valid questionnaire.
    expect(result.issues).toEqual([
      { rule: 'required-missing', count: 3, inKept: 1 },
      { rule: 'out-of-range', count: 1, inKept: 1 },
    ]);

    const summary = { inputRows: 10, keptRows: 7, excludedRows: 3, flaggedRows: 1, reasons: {} } as unknown as CleanSummary;
    const [sentence, rows, issues] = cleaningSection(summary, 12, result, 'zh');
    expect(sentence).toEqual({ kind: 'paragraph', text: '本次调查发放问卷12份，回收10份，经清洗剔除3份，有效问卷7份，有效率70.0%。' });
    if (rows.kind !== 'table' || issues.kind !== 'table') throw new Error('two tables');
    expect(rows.columns).toEqual(['项目', '份数', '占回收']);
    expect(rows.rows.map((r) => [r[0].trim(), r[1]])).toEqual([['发放', '12'], ['回收', '10'], ['剔除', '3'], ['其中：答题时间过短', '2'], ['空白问卷', '1'], ['有效', '7']]);
    // The reasons add up to 剔除.
    expect(rows.rows.slice(3, -1).reduce((sum, r) => sum + Number(r[1]), 0)).toBe(summary.excludedRows);
    expect(issues.columns).toEqual(['规则', '问题数', '其中在有效问卷中']);
    expect(issues.rows).toEqual([['必答题未答', '3', '1'], ['数值超出范围', '1', '1']]);
    expect(JSON.stringify([rows, issues])).not.toContain('行/问题数');
  });
});
