import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formSpec, parseCodebook } from '../../src/index.js';
import { jumpFrom, numberQuestions, whoAnswers } from '../../src/collect/paper/skip-wording.js';
import { FIXTURE_CODEBOOK } from '../helpers/collect-fixture.js';
import { runCli, tempDir } from '../helpers/run-cli.js';

const plan = fileURLToPath(new URL('../../data-samples/bazhou-2025/plan.yaml', import.meta.url));
const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0 && spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

/** The fixture questionnaire with a follow-up right after its question (a jump), a set condition and an expression no phrase covers. */
const SKIPS = `${FIXTURE_CODEBOOK.replace(/checks:[\s\S]*$/, '')}  - {name: smoke, label: 您吸烟吗？, type: single, choices: {1: 吸, 2: 不吸}}
  - {name: smoke_years, label: 吸烟多少年？, type: numeric, range: [0, 80], relevant: smoke == 1}
  - {name: smoke_daily, label: 每天吸几支？, type: numeric, range: [0, 100], relevant: smoke == 1}
  - {name: sleep, label: 您每天睡几小时？, type: numeric, range: [0, 24]}
  - {name: town_job, label: 您在城里做什么工作？, type: text, relevant: "area in (1, 3)"}
  - {name: odd, label: 备用, type: text, relevant: "age + household >= 90"}
  - {name: household, label: 家庭人口, type: numeric, range: [1, 20]}
`;

/** PDF text without the spaces pdftotext puts between CJK and digits. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('skip wording from relevant', () => {
  const spec = formSpec(parseCodebook(SKIPS, 'skips.yaml'));
  const numbered = numberQuestions(spec.questions);
  const q = (name: string) => spec.questions.findIndex((x) => x.name === name);
  it('words the common shapes as 填答 and 跳答 instructions, and falls back to 仅当…时回答', () => {
    expect(whoAnswers(spec.questions[q('farm_years')], numbered, 'zh')).toBe('（回答第1题选2者填答）');
    expect(whoAnswers(spec.questions[q('hobby_sport_hours')], numbered, 'zh')).toBe('（回答第4题选了1者填答）');
    expect(whoAnswers(spec.questions[q('town_job')], numbered, 'zh')).toBe('（回答第1题选1或3者填答）');
    expect(whoAnswers(spec.questions[q('odd')], numbered, 'zh')).toBe(`（仅当 第2题 + 第${q('household') + 1}题 >= 90 时回答）`);
    expect(whoAnswers(spec.questions[q('farm_years')], numbered, 'en')).toBe('(Answer if Q1 is 2)');
    // Both follow-ups come right after 您吸烟吗？: 不吸 jumps past them to 睡眠.
    expect(jumpFrom(q('smoke'), spec.questions, 'zh')).toBe(`（选2者跳答至第${q('sleep') + 1}题）`);
    // 居住地's follow-up is not right after it (age comes between): no jump, only 填答 at the follow-up.
    expect(jumpFrom(q('area'), spec.questions, 'zh')).toBeNull();
  });
});

describe('survey form', () => {
  it('writes the Word questionnaire for the bundled codebook through the report docx writer', async () => {
    const dir = tempDir('survey-form-');
    const out = join(dir, '问卷.docx');
    const result = (await runCli(['form', plan, '--out', out, '--json']));
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'docx', questions: 27 });
    const document = execFileSync('unzip', ['-p', out, 'word/document.xml'], { encoding: 'utf8' });
    expect(document).toContain('问卷编号');
    expect(document).toContain('□1\u00a0男');
    expect((await runCli(['form', plan, '--out', out])).code).toBe(2);
    expect((await runCli(['form', plan, '--out', join(dir, 'q.txt')])).stderr).toContain('expected a .docx or .pdf file');
  });

  it.skipIf(!hasSoffice)('converts to PDF with LibreOffice: numbered questions, codes, grids and skip instructions in the text', async () => {
    const dir = tempDir('survey-form-');
    writeFileSync(join(dir, 'skips.yaml'), SKIPS);
    const out = join(dir, 'q.pdf');
    const result = await runCli(['form', join(dir, 'skips.yaml'), '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const text = squeeze(execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }));
    for (const expected of ['问卷编号：□□□□□□', '1.您目前的居住地是？', '□1城市□2农村', '3.您务农多少年了？（回答第1题选2者填答）', '（可多选）', '□3<b>旅游</b>', '6–7.以下各项每行选一项', '□8', '（范围0–80）', '（选2者跳答至第12题）', '（回答第9题选1者填答）', '（仅当第2题+第15题>=90时回答）']) {
      expect(text).toContain(expected);
    }
    expect(existsSync(join(dir, 'q.docx'))).toBe(false);
  }, 120_000);

  it('says in one line how to get PDF when LibreOffice is missing, and writes nothing', async () => {
    const dir = tempDir('survey-form-');
    const out = join(dir, 'q.pdf');
    const result = (await runCli(['form', plan, '--out', out], { env: { PATH: dir } }));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('writing PDF needs LibreOffice (soffice), which is not installed');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
});
