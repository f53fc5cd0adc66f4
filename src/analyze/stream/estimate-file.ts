import { describeDesign, makeDesign, type Design, type DesignSpec } from '../../core/design.js';
import type { DataTable } from '../../core/data-table.js';
import { UsageError } from '../../core/errors.js';
import type { Codebook } from '../../core/types.js';
import type { IngestOptions } from '../../ingest/ingest-file.js';
import { readDataTable } from '../../ingest/read-data-table.js';
import { estimateMeans, type MeansResult, type MeansSpec } from '../estimators/estimate-means.js';
import { estimateShares, type SharesResult, type SharesSpec } from '../estimators/estimate-shares.js';
import { fitOls, type OlsOptions } from '../regression/fit-ols.js';
import type { OlsResult } from '../regression/regression-result.js';
import { readTableBlocks } from './read-table-blocks.js';
import { canStreamOls, olsStream, type OlsStream } from './stream-ols.js';
import { canStreamShares, shareStream, type ShareStream } from './stream-shares.js';
import { meanStream, type MeanStream } from './stream-means.js';
import { rowsArePsus, StreamUnsupported } from './stream-unsupported.js';

/** What to estimate from a file: its design, shares, means and OLS fits. */
export interface FileRequest {
  /** How to read the file (its codebook, sheet, encoding); without a codebook one is drafted from the data. */
  read?: IngestOptions;
  design?: DesignSpec;
  /** Shares to estimate, or a function giving them from the table's columns (e.g. to expand globs); it sees the first block. */
  shares?: readonly SharesSpec[] | ((table: DataTable) => SharesSpec[]);
  /** Means to estimate, or a function giving them from the first block's table. */
  means?: readonly MeansSpec[] | ((table: DataTable) => MeansSpec[]);
  /** OLS fits; each on `design` unless it names its own (e.g. unweighted fits beside weighted shares, in one pass). */
  ols?: readonly { formula: string; options?: OlsOptions; design?: DesignSpec }[];
  /** Rows per block (default BLOCK_ROWS); small blocks are for tests. */
  blockRows?: number;
}

/** The estimates, as estimateShares, estimateMeans and fitOls give them, and how they were computed. */
export interface FileResults {
  readonly shares: SharesResult[];
  readonly means: MeansResult[];
  readonly ols: OlsResult[];
  /** The codebook the file was read with (given, or drafted from the data). */
  readonly codebook: Codebook;
  /** The design as `describeDesign` words it (null without one), for a command to print. */
  readonly designDescription: string | null;
  /** True when the file streamed through in bounded memory, false when it was read whole (a request the stream cannot serve). */
  readonly streamed: boolean;
  /** Why it was read whole, when it was. */
  readonly fallback: string | null;
}

/**
 * Estimates shares (by group, design-based with logit intervals), means (by group, with their
 * tests) and OLS fits (classical or HC0–HC3 errors) from a file in bounded memory: the file streams through once in blocks of rows — twice
 * when robust errors need each row's leverage — and each estimator keeps mergeable partial results
 * (sums and moments per domain, a QR factor), never the rows. The results are those of
 * estimateShares, estimateMeans and fitOls on the whole table, to rounding (≤ 1e-12), except that an OLS result has no per-row
 * residuals or fitted values (empty arrays). What the stream cannot serve — strata, clusters,
 * calibration or replicate weights, OLS with weights or `--by`, a design-based test of more than two
 * groups, a factor level first seen after the first block — is computed in memory instead, with the
 * same results.
 * @example
 * const { shares, ols } = await estimateFile('million.csv', {
 *   design: { weight: 'w' },
 *   shares: [{ variable: 'happy', values: [4, 5], by: 'area' }],
 *   ols: [{ formula: 'y ~ x1 + x2 + area', options: { robust: 'HC3' } }],
 * });
 */
export async function estimateFile(path: string, request: FileRequest): Promise<FileResults> {
  const spec = request.design ?? {};
  if (spec.poststratify || spec.rake) throw new UsageError('estimateFile does not calibrate weights', { hint: 'read the table, then calibrateDesign and estimate in memory' });
  const designFree = (d: DesignSpec) => !d.weight && !d.freq && !d.strata && !d.cluster && !d.fpc;
  const streamable = !spec.strata && !spec.cluster && !spec.fpc && (request.ols ?? []).every((o) => canStreamOls(o.options ?? {}, designFree(o.design ?? spec)));
  if (streamable) {
    try {
      return await streamFile(path, request, spec);
    } catch (error) {
      if (!(error instanceof StreamUnsupported)) throw error;
      return inMemory(path, request, spec, error.message);
    }
  }
  return inMemory(path, request, spec, 'the design or a model needs the whole table');
}

async function streamFile(path: string, request: FileRequest, spec: DesignSpec): Promise<FileResults> {
  let shares: ShareStream[] = [];
  let means: MeanStream[] = [];
  let kinds = '';
  let ols: OlsStream[] = [];
  let first: Design | null = null;
  let codebook: Codebook | null = null;
  const start = (used: Codebook) => {
    codebook = used;
    first = null;
    shares = [];
    means = [];
    for (const o of ols) o.close();
    ols = (request.ols ?? []).map((o) => olsStream(o.formula, o.options));
  };
  try {
    await readTableBlocks(path, request.read ?? {}, {
      start,
      block(table) {
        const design = makeDesign(table, spec);
        // A column is numeric or text in the whole table: a block that says otherwise of one (numbers
        // until a text answer) would code it differently from memory.
        const blockKinds = table.names.map((n) => table.column(n).kind).join();
        if (!first) {
          first = design;
          kinds = blockKinds;
          const wantedShares = wanted(request.shares, table);
          if (!rowsArePsus(design) || !wantedShares.every((s) => canStreamShares(design, s))) throw new StreamUnsupported('the design or a share needs the whole table');
          shares = wantedShares.map((s) => shareStream(s));
          means = wanted(request.means, table).map((s) => meanStream(s));
        } else if (blockKinds !== kinds) throw new StreamUnsupported('a column changes from numbers to text after the first block');
        for (const s of shares) s.block(design);
        for (const m of means) m.block(design);
        for (const o of ols) o.block(table);
      },
    }, request.blockRows);
    if (!first) throw new StreamUnsupported('no rows');
    return { shares: shares.map((s) => s.finish()), means: means.map((m) => m.finish()), ols: ols.map((o) => o.finish()), codebook: codebook!, designDescription: describeDesign(first), streamed: true, fallback: null };
  } finally {
    for (const o of ols) o.close();
  }
}

async function inMemory(path: string, request: FileRequest, spec: DesignSpec, reason: string): Promise<FileResults> {
  const { table } = await readDataTable(path, request.read);
  const design = makeDesign(table, spec);
  return {
    shares: wanted(request.shares, table).map((s) => estimateShares(design, s)),
    means: wanted(request.means, table).map((s) => estimateMeans(design, s)),
    ols: (request.ols ?? []).map((o) => fitOls(o.design ? makeDesign(table, o.design) : design, o.formula, o.options)),
    codebook: table.codebook,
    designDescription: describeDesign(design),
    streamed: false,
    fallback: reason,
  };
}

/** The estimates asked for: a list, or a list made from the table's columns. */
function wanted<T>(asked: readonly T[] | ((table: DataTable) => T[]) | undefined, table: DataTable): readonly T[] {
  return typeof asked === 'function' ? asked(table) : asked ?? [];
}
