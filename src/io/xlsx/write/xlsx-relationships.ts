import { escapeXml } from '../../escape-xml.js';

/** Relationship types by the last segment of their URI. */
const TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
} as const;

/** A link from one package part to another, by a path relative to the linking part's folder. */
export interface Relationship {
  type: keyof typeof TYPES;
  target: string;
}

/** A relationships part; the links get ids rId1, rId2, … in order. */
export function relationshipsXml(links: readonly Relationship[]): string {
  const items = links.map((link, i) => `<Relationship Id="rId${i + 1}" Type="${TYPES[link.type]}" Target="${escapeXml(link.target)}"/>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`
  );
}
