import type { RegisterCommand } from '../base.js';
import { registerClean } from './clean.js';
import { registerCodebook } from './codebook.js';
import { registerIngest } from './ingest.js';
import { registerRegress } from './regress.js';
import { registerSimulate } from './simulate.js';
import { registerShares } from './shares.js';
import { registerCrosstab } from './crosstab.js';
import { registerMeans } from './means.js';
import { registerReliability } from './reliability.js';
import { registerFreq } from './freq.js';
import { registerWeight } from './weight.js';

/** Every command of the `survey` program, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [registerIngest, registerClean, registerCodebook, registerSimulate, registerRegress, registerShares, registerCrosstab, registerMeans, registerReliability, registerFreq, registerWeight];
