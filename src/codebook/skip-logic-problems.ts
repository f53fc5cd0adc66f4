import type { Problem } from '../core/errors.js';
import type { Codebook } from '../core/types.js';
import { optionColumn } from './expression.js';
import { ExpressionError } from './expression-error.js';
import { listReferences } from './list-references.js';
import { parseExpression } from './parse-expression.js';

/**
 * Skip logic that goes round in a circle: a question whose `relevant` reads its own answer
 * (`area` asked only when `area == 1`), or questions whose `relevant`s read each other (age ↔ sex,
 * or a longer loop). Whether such a question was asked depends on its own answer, so no answer
 * can be judged, and cleaning would blank valid answers as skip-logic errors. One problem per
 * loop, on the `relevant` of its first question in codebook order. `unchecked` entries are skipped.
 */
export function skipLogicProblems(cb: Codebook, unchecked: ReadonlySet<string> = new Set()): Problem[] {
  const index = new Map(cb.variables.map((v, i) => [v.name, i]));
  // Option columns (`hobby_2`) stand for their multi-select or ranking question.
  const owner = new Map<string, number>(index);
  cb.variables.forEach((v, i) => {
    if (v.type === 'multi' || v.type === 'rank') for (const { code } of v.choices ?? []) owner.set(optionColumn(v.name, code), i);
  });
  const reads: number[][] = cb.variables.map((v, i) => {
    if (v.relevant === undefined || unchecked.has(`variables[${i}]`)) return [];
    try {
      return [...new Set(listReferences(parseExpression(v.relevant)).flatMap((name) => (owner.has(name) ? [owner.get(name) as number] : [])))];
    } catch (err) {
      // expressionProblems reports what does not parse.
      if (err instanceof ExpressionError) return [];
      throw err;
    }
  });
  const problems: Problem[] = [];
  reads.forEach((targets, i) => {
    if (targets.includes(i)) {
      problems.push({ path: `variables[${i}].relevant`, message: `"${cb.variables[i].name}" is asked only depending on its own answer: relevant must read earlier questions, not the question itself` });
    }
  });
  for (const loop of loops(reads)) {
    const names = loop.map((i) => cb.variables[i].name);
    problems.push({
      path: `variables[${loop[0]}].relevant`,
      message: `skip logic goes round in a circle: ${[...names, names[0]].join(' → ')} (each is asked depending on the next, so none can be judged)`,
    });
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

/**
 * The loops of two or more questions in the "relevant reads" graph: one per strongly connected
 * component (Tarjan's algorithm, iterative so a long codebook cannot overflow the stack), listed
 * from its first question in codebook order along edges inside the component.
 */
function loops(edges: number[][]): number[][] {
  const n = edges.length;
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] >= 0) continue;
    const work: [number, number][] = [[root, 0]];
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, k] = frame;
      if (k < edges[v].length) {
        frame[1]++;
        const w = edges[v][k];
        if (order[w] < 0) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v], order[w]);
        continue;
      }
      work.pop();
      if (work.length) low[work[work.length - 1][0]] = Math.min(low[work[work.length - 1][0]], low[v]);
      if (low[v] === order[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        if (component.length > 1) components.push(component);
      }
    }
  }
  return components.map((component) => {
    const members = new Set(component);
    const start = Math.min(...component);
    // The shortest loop through the start, by a breadth-first search inside the component.
    const previous = new Map<number, number>([[start, -1]]);
    const queue = [start];
    for (let q = 0; q < queue.length; q++) {
      const at = queue[q];
      for (const w of edges[at]) {
        if (w === start) {
          const path: number[] = [];
          for (let v = at; v !== -1; v = previous.get(v) as number) path.unshift(v);
          return path;
        }
        if (members.has(w) && !previous.has(w)) {
          previous.set(w, at);
          queue.push(w);
        }
      }
    }
    return component;
  });
}
