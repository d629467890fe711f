/**
 * The small checker the widgets validate with, instead of carrying zod (≈ 9 KB gzip) into every
 * shop page. It is not written by hand per schema: `npm run generate` reads the contract's zod
 * schemas (schemas.ts, still the one source) and writes `contract-checks.ts` as calls to these
 * combinators. The unit tests compare both on every field of the contract's fixtures and on
 * hostile values, so the two answer alike: same data, same issues, in the same order.
 *
 * Every combinator is free of side effects, so a bundle keeps only the checks it uses.
 */

/** One problem, as zod reports it: `code`, the field's `path`, the value, and the kind of value. */
export interface Issue {
  code: 'invalid_type' | 'invalid_value' | 'invalid_format' | 'too_small' | 'too_big' | 'custom';
  path: PropertyKey[];
  input: unknown;
  /** For `too_small`/`too_big`: `string` (a length) or `number`; `string` for a format. */
  origin?: string;
  message: string;
  /** A wrong type or value: the refinements of the objects around it are not run (as in zod). */
  fatal?: true;
}

/** Checks `value` at `path`, adding what is wrong to `issues`; returns the (trimmed, normalised) value. */
export type Check<T = unknown> = (value: unknown, path: PropertyKey[], issues: Issue[]) => T;

/** A rule of a typed value: returns it, changed (trimmed) or not, and reports a problem with `add`. */
type Rule<T> = (value: T, add: (code: Issue['code'], message: string, origin?: string) => void) => T;

export type Parsed<T> = { success: true; data: T } | { success: false; issues: Issue[] };

/** Runs a check on a whole value. */
/* @__NO_SIDE_EFFECTS__ */
export function parser<T>(check: Check<T>): (value: unknown) => Parsed<T> {
  return (value) => {
    const issues: Issue[] = [];
    const data = check(value, [], issues);
    return issues.length === 0 ? { success: true, data } : { success: false, issues };
  };
}

/* @__NO_SIDE_EFFECTS__ */
function typed<T>(is: (value: unknown) => boolean, expected: string, rules: Rule<T>[]): Check<T> {
  return (value, path, issues) => {
    if (!is(value)) {
      issues.push({ code: 'invalid_type', path, input: value, message: `expected ${expected}`, fatal: true });
      return value as T;
    }
    let result = value as T;
    for (const rule of rules) {
      result = rule(result, (code, message, origin) => issues.push({ code, path, input: result, origin, message }));
    }
    return result;
  };
}

/* @__NO_SIDE_EFFECTS__ */
export function str(...rules: Rule<string>[]): Check<string> {
  return typed((value) => typeof value === 'string', 'string', rules);
}

/* @__NO_SIDE_EFFECTS__ */
export function num(...rules: Rule<number>[]): Check<number> {
  return typed((value) => typeof value === 'number' && Number.isFinite(value), 'number', rules);
}

/** An integer in the safe range, as zod's `int()`. */
/* @__NO_SIDE_EFFECTS__ */
export function int(...rules: Rule<number>[]): Check<number> {
  return typed(Number.isInteger, 'int', [
    (value, add) => {
      if (value > Number.MAX_SAFE_INTEGER) add('too_big', 'too big', 'int');
      if (value < Number.MIN_SAFE_INTEGER) add('too_small', 'too small', 'int');
      return value;
    },
    ...rules,
  ]);
}

/* @__NO_SIDE_EFFECTS__ */
export function bool(): Check<boolean> {
  return typed((value) => typeof value === 'boolean', 'boolean', []);
}

/** One of `values` (an enum, or a literal). */
/* @__NO_SIDE_EFFECTS__ */
export function oneOf<T>(...values: T[]): Check<T> {
  return (value, path, issues) => {
    if (!values.includes(value as T)) {
      issues.push({
        code: 'invalid_value',
        path,
        input: value,
        message: `expected one of ${values.join(', ')}`,
        fatal: true,
      });
    }
    return value as T;
  };
}

/* @__NO_SIDE_EFFECTS__ */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path, issues) => (value === null ? null : check(value, path, issues));
}

/* @__NO_SIDE_EFFECTS__ */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path, issues) => (value === undefined ? undefined : check(value, path, issues));
}

/* @__NO_SIDE_EFFECTS__ */
export function array<T>(item: Check<T>): Check<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push({ code: 'invalid_type', path, input: value, message: 'expected array', fatal: true });
      return value as T[];
    }
    return Array.from(value, (entry, index) => item(entry, [...path, index], issues));
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object of any keys, each value checked by `item`. */
/* @__NO_SIDE_EFFECTS__ */
export function record<T>(item: Check<T>): Check<Record<string, T>> {
  return (value, path, issues) => {
    if (!isRecord(value)) {
      issues.push({ code: 'invalid_type', path, input: value, message: 'expected record', fatal: true });
      return value as Record<string, T>;
    }
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, item(entry, [...path, key], issues)]));
  };
}

/** A rule over a whole object; `at` names the field to blame. */
export interface Refinement {
  // The generated checks print the schemas' own functions, whose parameter is the object.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  test: (value: any) => unknown;
  message: string;
  at?: PropertyKey[];
}

/**
 * An object with these fields; others are left out of the result (as zod does). Refinements run
 * unless a field has the wrong type or value.
 */
/* @__NO_SIDE_EFFECTS__ */
export function object(shape: Record<string, Check>, ...refinements: Refinement[]): Check<Record<string, unknown>> {
  return (value, path, issues) => {
    if (!isRecord(value)) {
      issues.push({ code: 'invalid_type', path, input: value, message: 'expected object', fatal: true });
      return value as Record<string, unknown>;
    }
    const before = issues.length;
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const field = shape[key]!(value[key], [...path, key], issues);
      if (field !== undefined || key in value) result[key] = field;
    }
    const fatal = issues.slice(before).some((issue) => issue.fatal);
    for (const { test, message, at = [] } of refinements) {
      if (!fatal && !test(result)) {
        issues.push({ code: 'custom', path: [...path, ...at], input: result, message });
      }
    }
    return result;
  };
}

// String and number rules, in the order the schema lists them.

/* @__NO_SIDE_EFFECTS__ */
export function minLength(min: number): Rule<string> {
  return (value, add) => {
    if (value.length < min) add('too_small', `at least ${min} characters`, 'string');
    return value;
  };
}

/* @__NO_SIDE_EFFECTS__ */
export function maxLength(max: number): Rule<string> {
  return (value, add) => {
    if (value.length > max) add('too_big', `at most ${max} characters`, 'string');
    return value;
  };
}

/** A pattern; `format` names it in the message (`regex`, `email`, `date`, `datetime`). */
/* @__NO_SIDE_EFFECTS__ */
export function pattern(regex: RegExp, format = 'regex'): Rule<string> {
  return (value, add) => {
    regex.lastIndex = 0;
    if (!regex.test(value)) add('invalid_format', `invalid ${format}`, 'string');
    return value;
  };
}

/** Replaces the value (a trim, line breaks as LF) before the rules after it. */
/* @__NO_SIDE_EFFECTS__ */
export function transform(change: (value: string) => string): Rule<string> {
  return (value) => change(value);
}

/** `value ≥ min`, or `> min` when not `inclusive`. */
/* @__NO_SIDE_EFFECTS__ */
export function min(bound: number, inclusive = true): Rule<number> {
  return (value, add) => {
    if (inclusive ? value < bound : value <= bound) add('too_small', `${inclusive ? '≥' : '>'} ${bound}`, 'number');
    return value;
  };
}

/** `value ≤ max`, or `< max` when not `inclusive`. */
/* @__NO_SIDE_EFFECTS__ */
export function max(bound: number, inclusive = true): Rule<number> {
  return (value, add) => {
    if (inclusive ? value > bound : value >= bound) add('too_big', `${inclusive ? '≤' : '<'} ${bound}`, 'number');
    return value;
  };
}
