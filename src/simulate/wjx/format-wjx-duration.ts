/** Writes 所用时间 as 问卷星 does: `136秒`, or `2分16秒` in the minutes form (for a minute or more). */
export function formatWjxDuration(seconds: number, minutes: boolean): string {
  if (!minutes || seconds < 60) return `${seconds}秒`;
  return `${Math.floor(seconds / 60)}分${seconds % 60}秒`;
}
