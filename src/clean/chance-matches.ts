/**
 * How many rows would give row i's answers by chance, for each row `i` of `candidates` (rows with
 * an earlier identical row): (N − 1) × Π_c p_c, where N is the number of `eligible` rows and p_c the
 * share of the other eligible rows holding row i's answer in column c (leave-one-out, so a row
 * does not vouch for itself). Answers are treated as independent across columns, and an empty cell
 * is an answer like any other. On a 3-question questionnaire a common pattern is expected dozens
 * of times, so two rows that share it are no evidence of a duplicate submission; on 25 questions
 * answered with any variety the expectation is astronomically small.
 * `cells` holds `width` answer hashes per row (profileRows); the result is by position in `candidates`.
 * @example expectedChanceMatches(Uint32Array.of(1, 1, 2), 1, [true, true, true], [1]) // [0.5]: 1 of the 2 other rows holds answer 1
 */
export function expectedChanceMatches(cells: Uint32Array, width: number, eligible: ArrayLike<boolean>, candidates: readonly number[]): Float64Array {
  const expected = new Float64Array(candidates.length);
  if (candidates.length === 0) return expected;
  // Only the answers the candidates hold are counted: a column of a million distinct numbers
  // costs a lookup per row, not a map of a million entries.
  const counts = Array.from({ length: width }, () => new Map<number, number>());
  for (const i of candidates) for (let c = 0; c < width; c++) counts[c].set(cells[i * width + c], 0);
  let n = 0;
  for (let r = 0; r < eligible.length; r++) {
    if (!eligible[r]) continue;
    n++;
    for (let c = 0; c < width; c++) {
      const count = counts[c].get(cells[r * width + c]);
      if (count !== undefined) counts[c].set(cells[r * width + c], count + 1);
    }
  }
  candidates.forEach((i, k) => {
    // In logs: a product of thousands of small shares would underflow to 0.
    let log = Math.log(n - 1);
    for (let c = 0; c < width; c++) log += Math.log(((counts[c].get(cells[i * width + c]) as number) - 1) / (n - 1));
    expected[k] = Math.exp(log);
  });
  return expected;
}
