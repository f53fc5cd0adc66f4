import ExcelJS from 'exceljs';
import { join } from 'node:path';

/** Rows of one sheet: the header first. */
export type SheetRows = (string | number | null)[][];

/** Writes an .xlsx with the given sheets (name → rows) into `dir` and returns its path. */
export async function writeXlsform(dir: string, sheets: Record<string, SheetRows>, name = 'form.xlsx'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheetName, rows] of Object.entries(sheets)) workbook.addWorksheet(sheetName).addRows(rows);
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

const surveyHeader = [
  'type', 'name', 'label::中文 (zh)', 'label::English (en)', 'hint', 'relevant', 'constraint',
  'constraint_message::中文 (zh)', 'required', 'calculation',
];

/** A small bilingual XLSForm with groups, selects, a bounded integer, skip logic and a calculate. */
export const happinessForm: Record<string, SheetRows> = {
  survey: [
    surveyHeader,
    ['start', 'start'],
    ['begin group', 'basic', '基本情况', 'Basics'],
    ['select_one area', 'area', '您目前的居住地是？', 'Where do you live?', '', '', '', '', 'yes'],
    ['integer', 'age', '您的年龄', 'Age', '周岁', '', '. >= 16 and . <= 100', '年龄应在16到100岁之间', 'true()'],
    ['end group'],
    ['note', 'intro', '以下是关于生活的问题'],
    ['select_multiple hobby', 'hobby', '您的业余爱好', 'Hobbies'],
    ['text', 'hobby_text', '其他爱好', 'Other hobby', '', "selected(${hobby}, 'other')"],
    ['decimal', 'income', '家庭年收入（元）', 'Household income', '', '${age} >= 18', '. >= 0'],
    ['begin_group', 'sat', '满意度'],
    ['select_one yn', 'smoker', '您吸烟吗？', 'Do you smoke?', '', "${area} = '1' and ${age} > 18", '', '', 'no'],
    ['end_group'],
    ['calculate', 'income_k', '', '', '', '', '', '', '', '${income} div 1000'],
  ],
  choices: [
    ['list_name', 'name', 'label::中文 (zh)', 'label::English (en)'],
    ['area', 1, '城市', 'Urban'],
    ['area', 2, '农村', 'Rural'],
    ['hobby', 1, '运动', 'Sports'],
    ['hobby', 'other', '其他', 'Other'],
    ['yn', 'yes', '是', 'Yes'],
    ['yn', 'no', '否', 'No'],
  ],
  settings: [
    ['form_title', 'form_id'],
    ['城乡居民幸福感调查', 'happiness_2025'],
  ],
};
