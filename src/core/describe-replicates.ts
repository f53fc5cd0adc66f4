import type { ReplicateWeights } from './replicate-weights.js';

/**
 * The replicate design in R's words: `svrepdesign(repweights = "^rw[0-9]+$", type = "JK1", weights = ~W,
 * combined.weights = TRUE, scale = 0.975)` for columns of the file, `as.svrepdesign(svydesign(...),
 * type = "JKn")` for a converted design; `linearization` is the converted design's own description.
 */
export function describeReplicates(replicates: ReplicateWeights, weight: string | undefined, linearization: string | null, calibration: string): string {
  const { origin, type } = replicates;
  const extra = [...(replicates.mse ? ['mse = TRUE'] : [])];
  if (origin.kind === 'converted') {
    const rho = replicates.rho !== null ? `, fay.rho = ${replicates.rho}` : '';
    return `as.svrepdesign(${linearization ?? 'svydesign(ids = ~1)'}, type = "${type}"${rho}${extra.map((e) => `, ${e}`).join('')}) [${replicates.weights.length} replicates, degf ${replicates.degf}]${calibration}`;
  }
  const args = [
    `repweights = "${origin.pattern}"`,
    `type = "${type}"`,
    `weights = ~${weight}`,
    'combined.weights = TRUE',
    ...(replicates.rho !== null ? [`rho = ${replicates.rho}`] : []),
    ...(origin.scaleGiven ? [`scale = ${replicates.scale}`] : []),
    ...(origin.rscalesGiven ? ['rscales = <given>'] : []),
    ...extra,
  ];
  const columns = origin.columns.length > 2 ? `${origin.columns[0]} … ${origin.columns[origin.columns.length - 1]}` : origin.columns.join(', ');
  return `svrepdesign(${args.join(', ')}) [${origin.columns.length} replicates: ${columns}; scale ${replicates.scale}, degf ${replicates.degf}]${calibration}`;
}
