import type { Problem } from '../../core/errors.js';
import type { Variable } from '../../core/types.js';
import type { WjxSpec } from './spec-schema.js';

/** Reports `wjx:` settings that name no written variable or ask for faults the questionnaire cannot carry. */
export function checkWjxSpec(wjx: WjxSpec, columns: readonly Variable[], problems: Problem[]): void {
  const report = (path: string, message: string) => problems.push({ path: `wjx.${path}`, message });
  const names = new Set(columns.map((v) => v.name));
  wjx.trailing_spaces.forEach((name, i) => {
    if (!names.has(name)) report(`trailing_spaces[${i}]`, `${name} is not a written variable`);
  });
  for (const group of Object.keys(wjx.grids)) {
    if (!columns.some((v) => v.group === group)) report(`grids.${group}`, `no written variable has group: ${group}`);
  }
  wjx.straight_line_grids?.forEach((group, i) => {
    if (wjx.grids[group] === undefined) report(`straight_line_grids[${i}]`, `${group} is not one of wjx.grids`);
  });
  const { faults } = wjx;
  if (faults.out_of_range > 0 && !columns.some((v) => v.type === 'numeric' && v.range)) {
    report('faults.out_of_range', 'needs a numeric variable with a range in the codebook');
  }
  if (faults.unknown_answer > 0 && !columns.some((v) => v.choices?.length)) {
    report('faults.unknown_answer', 'needs a variable with choices');
  }
  const gridSizes = Object.keys(wjx.grids).map((g) => columns.filter((v) => v.group === g).length);
  if (faults.straight_liner > 0 && !gridSizes.some((size) => size >= 2)) {
    report('faults.straight_liner', 'needs a grid (wjx.grids) of at least two written items');
  }
}
