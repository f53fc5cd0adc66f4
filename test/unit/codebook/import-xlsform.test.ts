import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importXlsform } from '../../../src/codebook/import-xlsform.js';
import { parseCodebook } from '../../../src/codebook/load-codebook.js';
import { stringifyCodebook } from '../../../src/codebook/stringify-codebook.js';
import { InputError, ProblemsError } from '../../../src/core/errors.js';
import { tempDir } from '../../helpers/run-cli.js';
import { happinessForm, writeXlsform, type SheetRows } from './write-xlsform.js';

/** The `path: message` lines importXlsform reports for a workbook. */
async function problems(sheets: Record<string, SheetRows>): Promise<string[]> {
  const path = await writeXlsform(tempDir(), sheets);
  try {
    await importXlsform(path);
  } catch (err) {
    if (err instanceof ProblemsError) return err.problems.map((p) => `${p.path}: ${p.message}`);
    throw err;
  }
  return [];
}

describe('importXlsform', () => {
  test('converts a bilingual form with groups, selects, skip logic and a calculate', async () => {
    const cb = await importXlsform(await writeXlsform(tempDir(), happinessForm));
    expect(cb).toStrictEqual({
      id: 'happiness_2025',
      title: '城乡居民幸福感调查',
      checks: [],
      derive: [{ name: 'income_k', expr: 'income / 1000' }],
      variables: [
        { name: 'start', type: 'datetime', aliases: [] },
        {
          name: 'area',
          label: '您目前的居住地是？',
          labelEn: 'Where do you live?',
          type: 'single',
          choices: [
            { code: 1, label: '城市', labelEn: 'Urban', aliases: [] },
            { code: 2, label: '农村', labelEn: 'Rural', aliases: [] },
          ],
          required: true,
          group: 'basic',
          aliases: [],
        },
        {
          name: 'age',
          label: '您的年龄',
          labelEn: 'Age',
          type: 'numeric',
          constraint: '. >= 16 and . <= 100',
          constraintMessage: '年龄应在16到100岁之间',
          range: [16, 100],
          required: true,
          group: 'basic',
          aliases: [],
        },
        {
          name: 'hobby',
          label: '您的业余爱好',
          labelEn: 'Hobbies',
          type: 'multi',
          choices: [
            { code: 1, label: '运动', labelEn: 'Sports', aliases: [] },
            { code: 'other', label: '其他', labelEn: 'Other', aliases: [] },
          ],
          aliases: [],
        },
        {
          name: 'hobby_text',
          label: '其他爱好',
          labelEn: 'Other hobby',
          type: 'text',
          relevant: "selected(hobby, 'other')",
          aliases: [],
        },
        {
          name: 'income',
          label: '家庭年收入（元）',
          labelEn: 'Household income',
          type: 'numeric',
          relevant: 'age >= 18',
          constraint: '. >= 0',
          aliases: [],
        },
        {
          name: 'smoker',
          label: '您吸烟吗？',
          labelEn: 'Do you smoke?',
          type: 'single',
          choices: [
            { code: 'yes', label: '是', labelEn: 'Yes', aliases: [] },
            { code: 'no', label: '否', labelEn: 'No', aliases: [] },
          ],
          relevant: "area == '1' and age > 18",
          group: 'sat',
          aliases: [],
        },
      ],
    });
  });

  test('the result round-trips through the YAML writer and passes the codebook check', async () => {
    const cb = await importXlsform(await writeXlsform(tempDir(), happinessForm));
    expect(parseCodebook(stringifyCodebook(cb), 'q.yaml')).toStrictEqual(cb);
  });

  test('a plain label column is the label; the file name is the id without settings', async () => {
    const cb = await importXlsform(
      await writeXlsform(tempDir(), {
        survey: [['type', 'name', 'label'], ['integer', 'q1', '您几岁？']],
      }, 'my-form.xlsx'),
    );
    expect(cb).toStrictEqual({
      id: 'my-form',
      variables: [{ name: 'q1', label: '您几岁？', type: 'numeric', aliases: [] }],
      checks: [],
      derive: [],
    });
  });

  test('an English-only form puts English into label', async () => {
    const cb = await importXlsform(
      await writeXlsform(tempDir(), { survey: [['type', 'name', 'label::English (en)'], ['text', 'q1', 'Your name']] }),
    );
    expect(cb.variables[0]).toStrictEqual({ name: 'q1', label: 'Your name', type: 'text', aliases: [] });
  });

  test('reports every problem at once, by sheet and row', async () => {
    expect(
      await problems({
        survey: [
          ['type', 'name', 'label', 'relevant', 'required'],
          ['select_one colour', 'q1', '颜色'],
          ['integer', 'q1', '重复'],
          ['geopoint', 'where', '位置'],
          ['integr', 'q3', '数量'],
          ['begin repeat', 'kids', '孩子'],
          ['text', 'kid_name', '姓名'],
          ['end repeat'],
          ['integer', 'q-4', '连字符'],
          ['text', 'q5', '备注', '${q9} > 1', 'maybe'],
          ['end group'],
          ['select_one yn or_other', 'q6', '是否'],
          ['begin group', 'open', '没有结束'],
        ],
        choices: [
          ['list_name', 'name', 'label'],
          ['yn', 'yes', '是'],
          ['yn', 'yes', '是的'],
          ['yn', 'no', ''],
          ['', 'x', '无列表'],
        ],
      }),
    ).toEqual([
      'choices row 3: name "yes" is already in list "yn" on row 2',
      'choices row 4: choice "no" of list "yn" has no label',
      'choices row 5: a choice needs both list_name and name',
      'survey row 2: list "colour" is not in the choices sheet',
      'survey row 3: name "q1" is already used on row 2',
      'survey row 4: type "geopoint" is not supported',
      'survey row 5: type "integr" is not supported (did you mean "integer"?)',
      'survey row 6: repeat groups are not supported; a codebook holds one row per respondent',
      'survey row 9: name "q-4" must be a letter or _ followed by letters, digits or _ (ASCII)',
      'survey row 10: required "maybe" is not supported; use yes or no',
      'survey row 11: end group without a begin',
      'survey row 12: "or_other" after the list name is not supported',
      'survey row 13: group "open" is never ended',
      'survey row 10 (relevant): unknown variable "q9" (did you mean "q1"?) at character 1',
    ]);
  });

  test('codebook problems of the result are located by survey row', async () => {
    expect(
      await problems({
        survey: [
          ['type', 'name', 'label', 'constraint', 'calculation'],
          ['select_multiple hobby', 'hobby', '爱好'],
          ['integer', 'hobby_a', '冲突'],
          ['integer', 'n', '数量', '. >= 10 and . <= 1'],
          ['calculate', 'c', '', '', 'string-length(${n})'],
          ['calculate', 'd', '', '', '${e} + 1'],
          ['calculate', 'e', '', '', '1'],
        ],
        choices: [['list_name', 'name', 'label'], ['hobby', 'a', '甲']],
      }),
    ).toEqual([
      'survey row 4 (range): low end 10 is above high end 1',
      'survey row 2 (choices): code "a" makes column "hobby_a", which is already the name of survey row 3',
      'survey row 5 (calculation): unknown function "string_length" at character 1',
      'survey row 6 (calculation): "e" is not derived yet (survey row 7 comes later) at character 1',
    ]);
  });

  test('a missing file, a file that is not a workbook, a workbook without a survey sheet', async () => {
    const dir = tempDir();
    await expect(importXlsform(join(dir, 'none.xlsx'))).rejects.toBeInstanceOf(InputError);
    await expect(importXlsform(join(dir, 'none.xlsx'))).rejects.toThrow('cannot read XLSForm: no such file');
    writeFileSync(join(dir, 'text.xlsx'), 'type,name\n');
    await expect(importXlsform(join(dir, 'text.xlsx'))).rejects.toThrow('not an .xlsx workbook');
    const noSurvey = await writeXlsform(dir, { choices: [['list_name', 'name', 'label']] }, 'no-survey.xlsx');
    await expect(importXlsform(noSurvey)).rejects.toThrow('not an XLSForm: the workbook has no "survey" sheet');
  });

  test('reads a form that comes through a pipe as it reads the file', async () => {
    const form = await writeXlsform(tempDir(), happinessForm);
    const fifo = join(tempDir(), 'form.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    createWriteStream(fifo).end(readFileSync(form));
    expect(await importXlsform(fifo)).toStrictEqual(await importXlsform(form));
  });
});
