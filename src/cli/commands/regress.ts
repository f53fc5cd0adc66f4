import { InvalidArgumentError, Option } from 'commander';
import { fitLogit } from '../../analyze/fit-logit.js';
import { fitOls } from '../../analyze/fit-ols.js';
import { fitOrdinal } from '../../analyze/fit-ordinal.js';
import { formatRegressionTable } from '../../analyze/format-regression-table.js';
import { regressionJson } from '../../analyze/regression-json.js';
import type { RegressionResult } from '../../analyze/regression-result.js';
import { UsageError } from '../../core/errors.js';
import { printJson, withCommonOptions, withExamples, type CommonOptions, type RegisterCommand } from '../base.js';
import { loadDesign, withDesignOptions, type DesignCliOptions } from '../design-options.js';

interface RegressOptions extends CommonOptions, DesignCliOptions {
  model: 'ols' | 'logit' | 'ologit' | 'oprobit';
  robust?: 'HC0' | 'HC1' | 'HC2' | 'HC3';
  levels: Record<string, string[]>;
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
      .option('--levels <VAR=L1,L2>', 'level order of a categorical variable, first = reference (repeatable)', collectLevels, {}),
    [
      'survey regress responses.csv "happiness ~ log(income) + sat_health_cost + area" --codebook codebook.yaml',
      'survey regress responses.csv "happiness ~ log(income) + sat_health_cost" --model ologit --codebook codebook.yaml --json',
      'survey regress data.csv "y ~ x1 * x2 + factor(region)" --robust HC3 --levels region=North,South',
    ],
  ).action(async (file: string, formula: string, options: RegressOptions) => {
    const design = await loadDesign(file, options);
    const common = { levels: options.levels };
    let result: RegressionResult;
    if (options.model === 'ols') result = fitOls(design, formula, { ...common, robust: options.robust });
    else if (options.model === 'logit') result = fitLogit(design, formula, { ...common, robust: options.robust });
    else if (options.robust) throw new UsageError(`--robust is for ols and logit`, { hint: 'ordinal models use Hessian or, with --weight, design-based SEs' });
    else result = fitOrdinal(design, formula, { ...common, link: options.model });
    if (options.json) printJson(io, regressionJson(result));
    else io.stdout.write(formatRegressionTable(result, design.table.codebook, options.lang));
  });
};
