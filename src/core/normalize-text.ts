/**
 * Normalises text for tolerant matching of headers, labels and answer texts:
 * Unicode NFKC (full-width → half-width), lower case, and every space and punctuation mark removed,
 * so `1、您的性别？ ` and `1.您的性别?` compare equal.
 * @example normalizeText('比较 幸福！') === normalizeText('比较幸福') // true
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}
