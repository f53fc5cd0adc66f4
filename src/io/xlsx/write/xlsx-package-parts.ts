import { escapeXml } from '../../escape-xml.js';

const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'application/vnd.openxmlformats-officedocument';

/** Which parts the package has, for [Content_Types].xml. */
export interface PackageContents {
  sheets: number;
  drawings: readonly number[];
  sharedStrings: boolean;
  images: boolean;
}

/** [Content_Types].xml: the media type of every part. */
export function contentTypesXml(contents: PackageContents): string {
  const overrides: [string, string][] = [
    ['/xl/workbook.xml', `${MAIN}.spreadsheetml.sheet.main+xml`],
    ['/xl/styles.xml', `${MAIN}.spreadsheetml.styles+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', `${MAIN}.extended-properties+xml`],
  ];
  if (contents.sharedStrings) overrides.push(['/xl/sharedStrings.xml', `${MAIN}.spreadsheetml.sharedStrings+xml`]);
  for (let n = 1; n <= contents.sheets; n++) overrides.push([`/xl/worksheets/sheet${n}.xml`, `${MAIN}.spreadsheetml.worksheet+xml`]);
  for (const n of contents.drawings) overrides.push([`/xl/drawings/drawing${n}.xml`, `${MAIN}.drawing+xml`]);
  return (
    HEADER +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    (contents.images ? '<Default Extension="png" ContentType="image/png"/>' : '') +
    overrides.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}

/** xl/workbook.xml: the sheets in tab order, linked as rId1… by the workbook's relationships, and the rows each repeats on every printed page. */
export function workbookXml(sheetNames: readonly string[], repeatRows: readonly number[] = []): string {
  const sheets = sheetNames.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  // Print titles: the rows each sheet repeats at the top of every printed page ('名'!$1:$2).
  const titles = sheetNames.flatMap((name, i) =>
    repeatRows[i] ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`'${name.replace(/'/g, "''")}'!$1:$${repeatRows[i]}`)}</definedName>`] : [],
  );
  return (
    HEADER +
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.join('')}</sheets>` +
    (titles.length ? `<definedNames>${titles.join('')}</definedNames>` : '') +
    '</workbook>'
  );
}

/** docProps/core.xml: title and author, and no dates, so that the same report gives the same bytes. */
export function coreXml(title: string | undefined, creator: string | undefined): string {
  return (
    HEADER +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    (title === undefined ? '' : `<dc:title>${escapeXml(title)}</dc:title>`) +
    (creator === undefined ? '' : `<dc:creator>${escapeXml(creator)}</dc:creator>`) +
    '</cp:coreProperties>'
  );
}

/** docProps/app.xml: the application that wrote the file. */
export function appXml(): string {
  return `${HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>survey</Application></Properties>`;
}
