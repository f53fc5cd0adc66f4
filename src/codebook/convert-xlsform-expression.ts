// XPath words with a spelling of their own here; other hyphenated names (string-length) become
// snake_case so that the codebook check names the unsupported function plainly.
const words: Record<string, string> = { div: '/', mod: '%' };

/**
 * Rewrites an XLSForm (XPath) expression in the codebook language: `${x}` → `x`, `=` → `==`,
 * `div`/`mod` → `/`/`%`, `count-selected` → `count_selected`. Quoted text is left alone;
 * `.`, `and`, `or`, `not()`, `selected()` and comparisons read the same in both.
 */
export function convertXlsformExpression(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === "'" || char === '"') {
      const close = source.indexOf(char, i + 1);
      const end = close < 0 ? source.length : close + 1;
      out += source.slice(i, end);
      i = end;
      continue;
    }
    const reference = /^\$\{\s*([^}]*?)\s*\}/.exec(source.slice(i));
    if (reference) {
      out += reference[1];
      i += reference[0].length;
      continue;
    }
    if (char === '=') {
      const partOfOperator = /[!<>=]/.test(source[i - 1] ?? '') || source[i + 1] === '=';
      out += partOfOperator ? '=' : '==';
      i++;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z]+)*/.exec(source.slice(i))?.[0];
    if (word) {
      out += words[word] ?? word.replaceAll('-', '_');
      i += word.length;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}
