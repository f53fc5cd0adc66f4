import type { RegisterCommand } from '../base.js';
import { registerClean } from './clean.js';
import { registerCodebook } from './codebook.js';
import { registerCompare } from './compare.js';
import { registerCrosstab } from './crosstab.js';
import { registerFreq } from './freq.js';
import { registerIngest } from './ingest.js';
import { registerMeans } from './means.js';
import { registerMulti } from './multi.js';
import { registerQuantiles } from './quantiles.js';
import { registerRatio } from './ratio.js';
import { registerRegress } from './regress.js';
import { registerReliability } from './reliability.js';
import { registerRun } from './run.js';
import { registerShares } from './shares.js';
import { registerSimulate } from './simulate.js';
import { registerTotals } from './totals.js';
import { registerWeight } from './weight.js';
import { registerServe } from './serve.js';
import { registerUsers } from './users.js';
import { registerExport } from './export.js';
import { registerQuality } from './quality.js';
import { registerVerify } from './verify.js';
import { registerForm } from './form.js';

/** Every command of the `survey` program, in pipeline order (as `--help` lists them). */
export const commands: RegisterCommand[] = [
  registerIngest,
  registerClean,
  registerWeight,
  registerFreq,
  registerShares,
  registerMulti,
  registerMeans,
  registerTotals,
  registerQuantiles,
  registerRatio,
  registerCrosstab,
  registerReliability,
  registerRegress,
  registerRun,
  registerCompare,
  registerCodebook,
  registerSimulate,
  registerServe,
  registerUsers,
  registerExport,
  registerQuality,
  registerForm,
  registerVerify,
];
