/**
 * Rows in a burst: more than `maxPerIp` submissions from one IP within `windowSeconds` (rows
 * without a time count together as one window). Returns a flag per row.
 * @example findIpBursts(['a','a','a','b'], [0, 10, 20, 0], 2, 60) // [true, true, true, false]
 */
export function findIpBursts(ips: readonly (string | null)[], times: ArrayLike<number>, maxPerIp: number, windowSeconds: number): boolean[] {
  const flags = new Array<boolean>(ips.length).fill(false);
  const byIp = new Map<string, number[]>();
  ips.forEach((ip, i) => {
    if (!ip) return;
    const rows = byIp.get(ip);
    if (rows) rows.push(i);
    else byIp.set(ip, [i]);
  });
  for (const rows of byIp.values()) {
    if (rows.length <= maxPerIp) continue;
    const timed = rows.filter((i) => Number.isFinite(times[i])).sort((a, b) => times[a] - times[b]);
    const untimed = rows.filter((i) => !Number.isFinite(times[i]));
    if (untimed.length > maxPerIp) for (const i of untimed) flags[i] = true;
    let start = 0;
    for (let end = 0; end < timed.length; end++) {
      while (times[timed[end]] - times[timed[start]] > windowSeconds) start++;
      if (end - start + 1 > maxPerIp) for (let k = start; k <= end; k++) flags[timed[k]] = true;
    }
  }
  return flags;
}
