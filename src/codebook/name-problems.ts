import type { Problem } from '../core/errors.js';
import type { Codebook } from '../core/types.js';
import { optionColumn } from './expression.js';
import { formatCode } from './format-code.js';

/**
 * Names that collide: two variables, a multi-select option column (`hobby_1`) and a variable,
 * a derive and a variable, two checks, or a check and a variable or derive.
 * `unchecked` holds entries (`variables[3]`) whose shape is already reported bad: they count by name only.
 */
export function nameProblems(cb: Codebook, unchecked: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  // Variables, option columns and derives share one namespace (they are all values in expressions);
  // checks have their own, but a check named like a value would confuse the reasons in reports.
  const values = new Map<string, string>();
  const checks = new Map<string, string>();
  const claim = (namespace: Map<string, string>, name: string, path: string, also?: Map<string, string>) => {
    if (name === '') return;
    const existing = namespace.get(name) ?? also?.get(name);
    if (existing !== undefined) problems.push({ path, message: `"${name}" is already ${existing}` });
    else namespace.set(name, `the name of ${path.replace(/\.name$/, '')}`);
  };
  cb.variables.forEach(({ name }, i) => claim(values, name, `variables[${i}].name`));
  cb.variables.forEach((variable, i) => {
    if (unchecked.has(`variables[${i}]`) || (variable.type !== 'multi' && variable.type !== 'rank')) return;
    for (const { code } of variable.choices ?? []) {
      const column = optionColumn(variable.name, code);
      const existing = values.get(column);
      if (existing !== undefined) {
        problems.push({
          path: `variables[${i}].choices`,
          message: `code ${formatCode(code)} makes column "${column}", which is already ${existing}`,
        });
      }
    }
  });
  cb.derive.forEach(({ name }, j) => claim(values, name, `derive[${j}].name`));
  cb.checks.forEach(({ name }, k) => claim(checks, name, `checks[${k}].name`, values));
  return problems;
}
