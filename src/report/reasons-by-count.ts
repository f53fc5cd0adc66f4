/**
 * A cleaning run's hits per rule, most first, ties by rule name in code-unit order (not
 * localeCompare: its first call starts ICU's collator, ~10 ms of a report run).
 * @example reasonsByCount({ speeder: 3, blank: 3, duplicate: 9 }) // [['duplicate', 9], ['blank', 3], ['speeder', 3]]
 */
export function reasonsByCount(reasons: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(reasons).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
