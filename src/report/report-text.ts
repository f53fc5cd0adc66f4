// The words' home is src/locale; re-exported here for the report's section files.
export { REPORT_TEXT } from '../locale/report-words.js';

/** Significance stars of a p-value (the 三线表 convention). */
export function stars(p: number): string {
  if (!(p < 0.05)) return '';
  return p < 0.001 ? '***' : p < 0.01 ? '**' : '*';
}
