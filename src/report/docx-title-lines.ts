import { textWidth } from './charts/svg-text.js';

// Where a title may break: after a closing bracket or punctuation, before an opening bracket.
const BREAK_AFTER = new Set('）)」』】》〉：:，,、—');
const BREAK_BEFORE = new Set('（(「『【《〈');

/**
 * A title too long for one line split into two at a bracket or punctuation mark, as GB/T 9704
 * asks of 公文 titles (词意完整, 排列对称: whole words, balanced lines), so that Word does not
 * leave one or two characters on a line of their own. `capacity` is the line's width in
 * ems of the title's size, text measured as a CJK font draws it (charts' textWidth). A title that
 * fits, or has no such mark to break at with both lines fitting and neither under a third of the
 * other, stays whole.
 * @example titleLines('巴州区城乡居民幸福生活调查（2025）结项报告', 20) // ['巴州区城乡居民幸福生活调查', '（2025）结项报告']
 */
export function titleLines(title: string, capacity: number): string[] {
  const width = (text: string) => textWidth(text, 1);
  if (width(title) <= capacity) return [title];
  let best: [string, string] | null = null;
  let bestLonger = Infinity;
  for (let i = 1; i < title.length; i++) {
    if (!BREAK_AFTER.has(title[i - 1]) && !BREAK_BEFORE.has(title[i])) continue;
    const lines: [string, string] = [title.slice(0, i).trimEnd(), title.slice(i).trimStart()];
    const longer = Math.max(width(lines[0]), width(lines[1]));
    // A line under a third of the other (a lone "（2025）") is no better than Word's own wrapping.
    if (!lines[1] || longer > capacity || Math.min(width(lines[0]), width(lines[1])) < longer / 3) continue;
    // The most even split wins; a tie goes to the longer first line (a 梯形, wide on top).
    if (longer < bestLonger || (longer === bestLonger && best && width(lines[0]) > width(best[0]))) {
      best = lines;
      bestLonger = longer;
    }
  }
  return best ?? [title];
}
