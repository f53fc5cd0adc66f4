// R's reserved words (?Reserved): never syntactic names, so deparse backquotes them.
const reserved = new Set(['if', 'else', 'repeat', 'while', 'function', 'for', 'next', 'break', 'in', 'TRUE', 'FALSE', 'NULL', 'Inf', 'NaN', 'NA', 'NA_integer_', 'NA_real_', 'NA_character_', 'NA_complex_']);

/**
 * True when R would write `name` without backquotes (R `make.names(name) == name`, in a UTF-8
 * locale where CJK characters are letters): a letter, or a dot not followed by a digit, then
 * letters, digits, dots and underscores; not a reserved word.
 */
export function isSyntacticName(name: string): boolean {
  return /^(?:(?:\p{L}|\.[._\p{L}])[._\p{L}\p{N}]*|\.)$/u.test(name) && !reserved.has(name);
}
