/** The parsed form of an R model formula (R: `terms.formula`). */

/** A node of the expression language of formulas: R's arithmetic, calls and `:` / `~` operators. */
export type FormulaNode =
  | { kind: 'name'; name: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'call'; fn: string; args: FormulaNode[] }
  | { kind: 'binary'; op: string; left: FormulaNode; right: FormulaNode }
  | { kind: 'unary'; op: '-' | '+'; arg: FormulaNode }
  | { kind: 'paren'; inner: FormulaNode };

/** One term of the right-hand side: the variables it multiplies, in formula order; label as R prints it. */
export interface FormulaTerm {
  label: string;
  variables: string[];
}

/** A formula expanded like R's `terms()`: response, terms ordered by degree, intercept flag. */
export interface Formula {
  source: string;
  response: FormulaNode;
  responseLabel: string;
  /** Every variable (response first), keyed by its deparsed label, as R's `attr(terms, "variables")`. */
  variables: Map<string, FormulaNode>;
  terms: FormulaTerm[];
  intercept: boolean;
}
