import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';

/** A small 问卷星 survey written in both download layouts from the same answers. */
export interface WjxFixture {
  text: string[][];
  code: string[][];
}

const META = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP'];
const SEX = ['男', '女'];
const HAPPY = ['非常不幸福', '不太幸福', '一般', '比较幸福', '非常幸福'];
const HOBBY = ['运动', '阅读', '影视', '其他【请注明】'];
const SCORE = ['1分', '2分', '3分', '4分', '5分'];
const WHY = ['价格', '外观', '屏幕'];

interface Answer {
  sex: number;
  happy: number | null;
  hobby: number[] | null;
  hobbyOther?: string;
  age: number;
  grid: [number, number] | null;
  why: number[] | null;
}

/** Builds `n` respondents deterministically and renders them 按文本 and 按序号. */
export function wjxFixture(n = 12): WjxFixture {
  const answers: Answer[] = Array.from({ length: n }, (_, i) => ({
    sex: (i % 2) + 1,
    happy: i % 6 === 5 ? null : (i % 5) + 1,
    hobby: i % 6 === 5 ? null : [1 + (i % 3), ...(i % 4 === 0 ? [4] : [])].sort(),
    hobbyOther: i % 4 === 0 ? `钓鱼${i}` : undefined,
    age: 18 + i * 3,
    grid: i % 6 === 5 ? null : [(i % 5) + 1, ((i + 2) % 5) + 1],
    why: i % 6 === 5 ? null : i % 2 ? [3, 1] : [2, 3, 1],
  }));
  const meta = (i: number) => [String(i + 1), `2025/03/${String(10 + (i % 9)).padStart(2, '0')} 09:1${i % 10}:4${i % 10}`, i % 3 ? `${60 + i}秒` : `2分${i}秒`, '手机提交', '微信', `183.192.16.${i}(四川-巴中)`];
  const textHeader = [...META, '1、您的性别： ', '2、总体而言，您觉得自己的生活幸福吗？', '3、您的兴趣爱好 (多选题 *必答)', '4、您的年龄（周岁）', '5、请为以下方面打分 (矩阵单选题 *必答)—住房', '交通', '6、请排序 (排序题)'];
  const codeHeader = [...META, '1、您的性别： ', '2、总体而言，您觉得自己的生活幸福吗？', ...HOBBY.map((h) => `第3题(${h})`), '4、您的年龄（周岁）', '5、请为以下方面打分 (矩阵单选题 *必答)—住房', '交通', ...WHY.map((w) => `第6题(${w})`)];
  const text = [textHeader, ...answers.map((a, i) => [
    ...meta(i),
    SEX[a.sex - 1],
    a.happy === null ? '(跳过)' : HAPPY[a.happy - 1],
    a.hobby === null ? '(跳过)' : a.hobby.map((h) => (h === 4 ? `${HOBBY[3]}〖${a.hobbyOther}〗` : HOBBY[h - 1])).join('┋'),
    String(a.age),
    a.grid === null ? '(跳过)' : SCORE[a.grid[0] - 1],
    a.grid === null ? '(跳过)' : SCORE[a.grid[1] - 1],
    a.why === null ? '(跳过)' : a.why.map((w) => WHY[w - 1]).join('→'),
  ])];
  const code = [codeHeader, ...answers.map((a, i) => [
    ...meta(i),
    String(a.sex),
    a.happy === null ? '-3' : String(a.happy),
    ...HOBBY.map((_, k) => (a.hobby === null ? '-3' : a.hobby.includes(k + 1) ? '1' : '0')),
    String(a.age),
    a.grid === null ? '-3' : String(a.grid[0]),
    a.grid === null ? '-3' : String(a.grid[1]),
    ...WHY.map((_, k) => (a.why === null ? '-3' : a.why.includes(k + 1) ? String(a.why.indexOf(k + 1) + 1) : '-2')),
  ])];
  return { text, code };
}

function csvText(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}

/** Writes rows as CSV in an encoding Excel users produce (GB18030 by default, as Excel in a Chinese locale; `utf-8-bom` too). */
export function writeCsv(path: string, rows: string[][], encoding = 'gb18030'): void {
  const bom = encoding === 'utf-8-bom';
  writeFileSync(path, iconv.encode(csvText(rows), bom ? 'utf8' : encoding, { addBOM: bom }));
}

/** Writes rows to an .xlsx the way 问卷星 downloads look (one sheet, strings and numbers). */
export async function writeXlsx(path: string, rows: string[][], sheet = 'Sheet1'): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(sheet);
  rows.forEach((r, i) => ws.addRow(i === 0 ? r : r.map((c) => (/^-?\d+$/.test(c) ? Number(c) : c))));
  await workbook.xlsx.writeFile(path);
}
