import { Option, type Command } from 'commander';
import { LONELY_PSU, UsageError, cliWords, calibrateDesign, describeDesign, loadCodebook, loadTargets, makeDesign, readDataTable, type Design, type LonelyPsu, type Codebook, type DataTable, type DesignSpec, type FileRequest, type FileResults, estimateFile } from '../index.js';
import type { Io } from './base.js';
import { helpLangOf } from './localize-help.js';
import { applyReplicateOptions, type ReplicateCliOptions } from './replicate-options.js';

/** The options of every estimator command: the codebook and the design columns. */
export interface DesignCliOptions extends ReplicateCliOptions {
  codebook?: string;
  weight?: string;
  freq?: string;
  strata?: string;
  cluster?: string;
  fpc?: string;
  nest?: boolean;
  lonelyPsu?: LonelyPsu;
  sheet?: string;
  encoding?: string;
  poststratify?: string;
  rake?: string;
}

/** Adds `--codebook`, `--weight`, `--freq`, `--strata`, `--cluster`, `--fpc`, `--nest`, `--lonely-psu`, `--poststratify`, `--rake` (DESIGN §2 contracts). */
export function withDesignOptions(cmd: Command): Command {
  return cmd
    .option('--codebook <q.yaml>', 'codebook giving types, codes, labels and level order')
    .option('--weight <W>', 'sampling (probability) weights: design-based estimates and standard errors')
    .option('--strata <S>', 'strata of the sample design (with --weight)')
    .option('--cluster <C>', 'clusters of the sample design, one column per stage joined by + (PSUs first: dnum+snum; with replacement unless --fpc)')
    .option('--fpc <F>', 'finite population correction, one column per stage joined by +: population size per stratum (or unit above), or sampling fraction ≤ 1 (R svydesign fpc); without --weight the weights it implies')
    .option('--nest', 'cluster ids restart in each stratum: the same id in two strata is two PSUs (R nest = TRUE)')
    .addOption(new Option('--lonely-psu <how>', 'a stratum with a single PSU (R options(survey.lonely.psu))').choices([...LONELY_PSU]))
    .option('--freq <F>', 'frequency weights: a row counts as F cases (not the same as --weight)')
    .option('--poststratify <targets.yaml>', 'post-stratify the weights to population targets first; SEs account for it (R postStratify)')
    .option('--rake <targets.yaml>', 'rake the weights to population margins first; SEs account for it (R rake)')
    .option('--repweights <pattern>', 'replicate weight columns: a regular expression over column names, e.g. "^repwt[0-9]+$" (R svrepdesign repweights; with --weight and --rep-type)')
    .option('--rep-type <type>', 'how the replicates combine: JK1, JKn, BRR, Fay, bootstrap or other (R svrepdesign type)')
    .option('--rho <r>', "Fay's ρ for --rep-type Fay (or --replicates Fay)")
    .option('--scale <s>', 'overall variance multiplier of the replicates (R svrepdesign scale; default by type)')
    .option('--rscales <list|file>', 'per-replicate multipliers: comma-separated, or a file of numbers (R rscales; JKn needs them)')
    .option('--mse', 'centre replicate variances on the full-sample estimate, not the replicates\' mean (R mse = TRUE)')
    .option('--replicates <type>', 'make replicate weights from --weight/--strata/--cluster/--fpc: JK1, JKn, BRR (2 PSUs per stratum) or Fay (R as.svrepdesign)')
    .option('--sheet <name>', 'worksheet of an .xlsx/.xls input')
    .addHelpText('after', () => replicateExamples(cmd));
}

/** The replicate-weight examples under a design command's help, headed in the help's language. */
function replicateExamples(cmd: Command): string {
  const w = cliWords(helpLangOf(cmd)).replicates;
  return `
${w.heading}
  $ survey ${cmd.name()} acs-pums.csv --weight PWGTP --repweights '^PWGTP[0-9]+$' --rep-type other --scale 0.05 --mse …
  $ survey ${cmd.name()} file.csv --weight w --repweights '^rw[0-9]+$' --rep-type Fay --rho 0.3 …   (${w.regex})
  $ survey ${cmd.name()} api.csv --weight pw --strata stype --replicates JKn …   (${w.made})`;
}

/** Says on stderr which design the results come from, when it is not a simple random sample. */
export function reportDesign(io: Io, design: Design): void {
  reportDescription(io, describeDesign(design));
}

/** Prints a design's description (from describeDesign) to stderr, when there is one. */
export function reportDescription(io: Io, text: string | null): void {
  if (text) io.stderr.write(`survey: design: ${text}\n`);
}

/** The design columns the options name (R svydesign's arguments). */
export function designSpecOf(options: DesignCliOptions): DesignSpec {
  return { weight: options.weight, freq: options.freq, strata: options.strata, cluster: options.cluster, fpc: options.fpc, nest: options.nest, lonelyPsu: options.lonelyPsu };
}

/**
 * Whether a command may stream the file through estimateFile (issue #22: bounded memory) rather
 * than read it whole: a CSV, and a design of at most weights — strata, clusters, calibration and
 * replicate weights need the whole table. `SURVEY_STREAM=0` turns streaming off (the results are
 * the same either way; tests compare the two).
 */
export function streamsFile(file: string, options: DesignCliOptions): boolean {
  if (process.env.SURVEY_STREAM === '0' || !/\.csv$/i.test(file)) return false;
  const { strata, cluster, fpc, poststratify, rake, repweights, repType, rho, scale, rscales, mse, replicates } = options;
  return [strata, cluster, fpc, poststratify, rake, repweights, repType, rho, scale, rscales, mse, replicates].every((v) => v === undefined);
}

/**
 * The estimates a command asks for, one per spec: streamed through estimateFile when the file
 * allows it (`request` puts the specs in the request, `pick` takes the results out), else on the
 * design read whole. Either way the design is reported first, as loadDesign's commands do.
 */
export async function fileEstimates<S, R>(
  file: string,
  options: DesignCliOptions,
  io: Io,
  specs: (table: DataTable) => S[],
  stream: { request: (specs: (table: DataTable) => S[]) => FileRequest; pick: (results: FileResults) => R[] },
  estimate: (design: Design, spec: S) => R,
): Promise<R[]> {
  if (streamsFile(file, options)) {
    // A CSV streams through in blocks (bounded memory); the results are those of the in-memory path.
    const streamed = await estimateFile(file, { ...stream.request(specs), read: await readOptionsOf(options), design: designSpecOf(options) });
    reportDescription(io, streamed.designDescription);
    return stream.pick(streamed);
  }
  const design = await loadDesign(file, options);
  reportDesign(io, design);
  return specs(design.table).map((spec) => estimate(design, spec));
}

/** How estimateFile should read the file: the `--codebook` and `--sheet` options. */
export async function readOptionsOf(options: DesignCliOptions): Promise<{ codebook?: Codebook; sheet?: string }> {
  return { codebook: options.codebook ? await loadCodebook(options.codebook) : undefined, sheet: options.sheet };
}

/**
 * Reads the input (raw export or coded CSV) and builds the design the options describe; with
 * `--poststratify`/`--rake`, its weights (or equal weights) calibrated to the targets file.
 */
export async function loadDesign(file: string, options: DesignCliOptions): Promise<Design> {
  if (options.poststratify && options.rake) throw new UsageError('give either --poststratify or --rake, not both');
  const targetsFile = options.poststratify ?? options.rake;
  const targets = targetsFile ? await loadTargets(targetsFile) : null;
  const { table } = await readDataTable(file, await readOptionsOf(options));
  const design = applyReplicateOptions(makeDesign(table, designSpecOf(options)), options);
  return targets ? calibrateDesign(design, targets, { method: options.poststratify ? 'poststratify' : 'rake' }).design : design;
}
