import { InvalidArgumentError, Option } from 'commander';
import { UsageError, estimateFile, fitByGroup, fitLogit, fitOls, fitOrdinal, formatGroupedRegression, formatRegressionTable, regressionJson, type RegressionResult } from '../../index.js';
import { printJson, withCommonOptions, withExamples, type CommonOptions, type RegisterCommand } from '../base.js';
import { loadDesign, readOptionsOf, reportDesign, streamsFile, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface RegressOptions extends CommonOptions, DesignCliOptions {
  model: 'ols' | 'logit' | 'ologit' | 'oprobit';
  robust?: 'HC0' | 'HC1' | 'HC2' | 'HC3';
  levels: Record<string, string[]>;
  by?: string;
}

function collectLevels(text: string, previous: Record<string, string[]>): Record<string, string[]> {
  const match = /^([^=]+)=(.+)$/.exec(text);
  if (!match) throw new InvalidArgumentError('write --levels VAR=L1,L2,... (first level = reference)');
  return { ...previous, [match[1].trim()]: match[2].split(',').map((s) => s.trim()) };
}

/** Registers `survey regress`: OLS, binary and ordinal logit with classical, robust or design-based SEs. */
export const registerRegress: RegisterCommand = (program, { io }) => {
  withExamples(
    withDesignOptions(withCommonOptions(program.command('regress <file> <formula>')))
      .description('fit an R-style formula: OLS (default), binary logit, ordinal logit/probit')
      .addOption(new Option('--model <model>', 'ols, logit, ologit or oprobit').choices(['ols', 'logit', 'ologit', 'oprobit']).default('ols'))
      .addOption(new Option('--robust <type>', 'heteroskedasticity-consistent standard errors').choices(['HC0', 'HC1', 'HC2', 'HC3']))
      .option('--levels <VAR=L1,L2>', 'level order of a categorical variable, first = reference (repeatable)', collectLevels, {})
      .option('--by <G>', 'also fit within each group of G (with --weight: as domains of the design), side by side, and test that the coefficients are equal'),
    [
      'survey regress responses.csv "happiness ~ log(income) + sat_health_cost + area" --codebook codebook.yaml',
      'survey regress responses.csv "happiness ~ log(income) + sat_health_cost" --model ologit --codebook codebook.yaml --json',
      'survey regress data.csv "y ~ x1 * x2 + factor(region)" --robust HC3 --levels region=North,South',
      'survey regress apiclus1.csv "api00 ~ ell + meals" --weight pw --cluster dnum --poststratify stype.yaml   # svyglm on postStratify()',
      'survey regress longley.csv "Employed ~ GNP.deflator + GNP + Unemployed + Armed.Forces + Population + Year"',
      'survey regress 调查.csv "幸福感 ~ `收入 (元)` + 年龄 + `地区 名`"   # any column name, backquoted as in R',
    ],
  ).action(async (file: string, formula: string, options: RegressOptions) => {
    if (options.model === 'ols' && !options.by && !Object.keys(options.levels).length && !options.weight && !options.freq && streamsFile(file, options)) {
      // OLS without a design streams a CSV through in blocks (bounded memory), with the in-memory path's results.
      const streamed = await estimateFile(file, { read: await readOptionsOf(options), ols: [{ formula, options: { robust: options.robust } }] });
      const [result] = streamed.ols;
      if (options.json) printJson(io, regressionJson(result));
      else io.stdout.write(formatRegressionTable(result, streamed.codebook, options.lang));
      return;
    }
    const design = await loadDesign(file, options);
    reportDesign(io, design);
    const common = { levels: options.levels };
    const model = options.model;
    if (model !== 'ols' && model !== 'logit' && options.robust) {
      throw new UsageError('--robust is for ols and logit', { hint: 'ordinal models use Hessian or, with --weight, design-based SEs' });
    }
    const fit = (f: string, domain?: Uint8Array): RegressionResult =>
      model === 'ols' ? fitOls(design, f, { ...common, domain, robust: options.robust })
        : model === 'logit' ? fitLogit(design, f, { ...common, domain, robust: options.robust })
          : fitOrdinal(design, f, { ...common, domain, link: model });
    if (options.by) {
      const grouped = fitByGroup(design, formula, options.by, fit, options.levels);
      if (options.json) {
        printJson(io, {
          by: grouped.by,
          pooled: regressionJson(grouped.pooled),
          groups: grouped.groups.map((g) => ({ level: g.level, ...regressionJson(g.result) })),
          test: grouped.test && { kind: grouped.test.kind, statistic: grouped.test.statistic, df: grouped.test.df, df2: grouped.test.df2 ?? null, p_value: grouped.test.pValue },
        });
      } else io.stdout.write(formatGroupedRegression(grouped, options.lang));
      return;
    }
    const result = fit(formula);
    if (options.json) printJson(io, regressionJson(result));
    else io.stdout.write(formatRegressionTable(result, design.table.codebook, options.lang));
  });
};
