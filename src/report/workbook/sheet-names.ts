// The words' home is src/locale; re-exported here for the workbook's builders.
export { SHEET_NAMES } from '../../locale/sheet-names.js';
