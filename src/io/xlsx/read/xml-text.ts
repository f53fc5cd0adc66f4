const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Replaces XML entities (`&amp;`, `&#20013;`, `&#x4E2D;`) and OOXML's `_xHHHH_` escapes (how
 * xlsx stores control characters such as `_x000D_`) by the characters they stand for, in one pass
 * so that an escaped `_x005F_` (a literal underscore) is not decoded twice.
 */
export function decodeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(lt|gt|amp|quot|apos));|_x([0-9a-f]{4})_/gi,
    (match, hex: string | undefined, dec: string | undefined, name: string | undefined, escape: string | undefined) => {
      if (name) return named[name];
      const code = Number.parseInt(hex ?? escape ?? dec ?? '', hex || escape ? 16 : 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    },
  );
}

/** The attributes of a start tag (`<c r="A1" t="s">`), values decoded; prefixed names (`r:id`) kept whole. */
export function xmlAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) attributes[m[1]] = decodeXml(m[2] ?? m[3] ?? '');
  return attributes;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const contentPatterns = new Map<string, RegExp>();

/** The first `<name>…</name>` element's content in `xml` (any namespace prefix), or undefined. */
export function elementContent(xml: string, name: string): string | undefined {
  let pattern = contentPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${name}\\s*>`);
    contentPatterns.set(name, pattern);
  }
  return pattern.exec(xml)?.[1];
}

const SINGLE_RUN = /^<(?:[\w.-]+:)?(?:si|is)>\s*<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>\s*<\/(?:[\w.-]+:)?(?:si|is)>$/;

/**
 * The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, leaving out the phonetic
 * guides (`<rPh>`) that East Asian Excel adds above the characters.
 */
export function runText(xml: string): string {
  // Nearly every item is one plain run: one anchored match instead of a scan for runs.
  const single = SINGLE_RUN.exec(xml);
  if (single) return decodeXml(single[1]);
  let text = '';
  const withoutPhonetic = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  for (const m of withoutPhonetic.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) {
    text += decodeXml(m[1]);
  }
  return text;
}
