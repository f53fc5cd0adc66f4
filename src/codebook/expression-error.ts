import { UsageError } from '../core/errors.js';

/** `what` followed by the 1-based character it happened at, the way every expression message ends. */
export function atCharacter(what: string, position: number): string {
  return `${what} at character ${position + 1}`;
}

/** An expression that does not parse, or cannot be evaluated, at a known character. */
export class ExpressionError extends UsageError {
  /** 0-based offset of the offending character in the expression. */
  readonly position: number;

  constructor(what: string, position: number) {
    super(atCharacter(what, position));
    this.name = 'ExpressionError';
    this.position = position;
  }
}
