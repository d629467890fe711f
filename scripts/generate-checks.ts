/**
 * `npm run generate`: writes src/client/contract-checks.ts and input-checks.ts, the checks the widgets and the client
 * validate answers and submissions with, from the contract's zod schemas (src/client/schemas.ts).
 * The schemas stay the one source; this only prints them as calls to src/client/check.ts, which
 * is a few hundred bytes where zod is nine kilobytes. test/unit/checks.test.ts fails when the
 * files are not what this script would write, and compares both checkers answer for answer.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import * as limits from '../src/client/limits.js';
import * as schemas from '../src/client/schemas.js';

/**
 * The schemas the client and the widgets check with, by the name of their check and their type,
 * per file: the answers the client reads (the badge's page carries them), and the submission,
 * which only the form's code does.
 */
export const FILES = {
  'contract-checks.ts': {
    summaryCheck: ['summarySchema', 'Summary'],
    summaryBatchCheck: ['summaryBatchSchema', 'SummaryBatch'],
    reviewCheck: ['reviewSchema', 'Review'],
    reviewPageCheck: ['reviewPageSchema', 'ReviewPage'],
    submitResultCheck: ['submitResultSchema', 'SubmitResult'],
    helpfulResultCheck: ['helpfulResultSchema', 'HelpfulResult'],
    apiErrorCheck: ['apiErrorSchema', 'ApiErrorBody'],
  },
  'input-checks.ts': {
    reviewInputCheck: ['reviewInputSchema', 'ReviewInput'],
  },
} as const satisfies Record<string, Record<string, readonly [string, string]>>;

/** Every generated check, by its name. */
export const GENERATED: Record<string, readonly [string, string]> = Object.assign({}, ...Object.values(FILES));

export const outputOf = (file: string) => fileURLToPath(new URL(`../src/client/${file}`, import.meta.url));

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  valueType?: Schema;
  keyType?: Schema;
  entries?: Record<string, unknown>;
  values?: unknown[];
  format?: string;
  pattern?: RegExp;
}
interface Schema {
  _zod: { def: Def };
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  fn?: (value: never) => unknown;
  tx?: (value: string) => string;
  path?: PropertyKey[];
  error?: (issue: unknown) => unknown;
}

const literal = (value: unknown) => JSON.stringify(value);

/** The source of a function of the schemas: it must stand alone (the type check of the output sees to it). */
function functionSource(fn: (value: never) => unknown): string {
  const source = fn.toString();
  // Parses it as an expression, or fails here rather than in the written file.
  new Function(`return (${source});`);
  return source;
}

function messageOf(check: CheckDef): string {
  const message = check.error?.({});
  if (typeof message !== 'string') throw new Error(`a refinement without a message: ${String(check.fn)}`);
  return message;
}

/** Prints one file's schemas; the schemas and patterns used more than once become constants. */
export function generate(entries: Record<string, readonly [string, string]>): string {
  const uses = new Map<object, number>();
  const count = (schema: Schema) => {
    uses.set(schema, (uses.get(schema) ?? 0) + 1);
    if ((uses.get(schema) ?? 0) > 1) return;
    const def = schema._zod.def;
    for (const pattern of [def.pattern, ...(def.checks ?? []).map((check) => check._zod.def.pattern)]) {
      if (pattern) uses.set(pattern, (uses.get(pattern) ?? 0) + 1);
    }
    for (const inner of [...Object.values(def.shape ?? {}), def.innerType, def.element, def.valueType]) {
      if (inner) count(inner);
    }
  };
  const roots = Object.values(entries).map(([name]) => (schemas as unknown as Record<string, Schema>)[name]!);
  roots.forEach(count);

  const constants: string[] = [];
  const names = new Map<object, string>();
  const imports = new Set<string>();
  // The patterns and functions limits.ts exports are imported by name, not printed again.
  const named = new Map<unknown, string>(Object.entries(limits).map(([name, value]) => [value, name]));
  const fromLimits = new Set<string>();
  const byName = (thing: unknown): string | undefined => {
    const name = named.get(thing);
    if (name) fromLimits.add(name);
    return name;
  };
  const call = (name: string, args: string[]) => {
    imports.add(name);
    return `${name}(${args.join(', ')})`;
  };
  const shared = (thing: object, build: () => string): string => {
    const known = names.get(thing);
    if (known) return known;
    const text = build();
    if ((uses.get(thing) ?? 0) < 2) return text;
    const name = `c${names.size + 1}`;
    names.set(thing, name);
    constants.push(`const ${name} = ${text};`);
    return name;
  };

  const patternOf = (regex: RegExp) => byName(regex) ?? shared(regex, () => regex.toString());
  const fn = (source: (value: never) => unknown) => byName(source) ?? functionSource(source);

  const rule = (check: CheckDef): string => {
    switch (check.check) {
      case 'min_length':
        return call('minLength', [literal(check.minimum)]);
      case 'max_length':
        return call('maxLength', [literal(check.maximum)]);
      case 'string_format':
        if (!check.pattern) throw new Error(`string format ${check.format} without a pattern`);
        return call('pattern', [
          patternOf(check.pattern),
          ...(check.format === 'regex' ? [] : [literal(check.format)]),
        ]);
      case 'overwrite':
        return call('transform', [fn(check.tx! as (value: never) => unknown)]);
      case 'greater_than':
        return call('min', [literal(check.value), ...(check.inclusive ? [] : ['false'])]);
      case 'less_than':
        return call('max', [literal(check.value), ...(check.inclusive ? [] : ['false'])]);
      default:
        throw new Error(`a check the generator does not know: ${check.check}`);
    }
  };

  const print = (schema: Schema): string =>
    shared(schema, () => {
      const def = schema._zod.def;
      const checks = (def.checks ?? []).map((check) => check._zod.def);
      const rules = () => checks.map(rule);
      switch (def.type) {
        case 'string': {
          // A format schema (`z.email()`, `z.iso.date()`) is a string with its pattern first.
          const own = def.format && def.pattern ? [call('pattern', [patternOf(def.pattern), literal(def.format)])] : [];
          return call('str', [...own, ...rules()]);
        }
        case 'number':
          return call(def.format === 'safeint' ? 'int' : 'num', rules());
        case 'boolean':
          return call('bool', []);
        case 'enum':
          return call('oneOf', Object.values(def.entries!).map(literal));
        case 'literal':
          return call('oneOf', def.values!.map(literal));
        case 'nullable':
          return call('nullable', [print(def.innerType!)]);
        case 'optional':
          return call('optional', [print(def.innerType!)]);
        case 'array':
          if (checks.length > 0) throw new Error('array checks are not generated');
          return call('array', [print(def.element!)]);
        case 'record':
          if (def.keyType?._zod.def.type !== 'string' || (def.keyType._zod.def.checks ?? []).length > 0) {
            throw new Error('records are generated with plain string keys only');
          }
          return call('record', [print(def.valueType!)]);
        case 'object': {
          const fields = Object.entries(def.shape!).map(([key, value]) => `${literal(key)}: ${print(value)}`);
          const refinements = checks.map((check) => {
            if (check.check !== 'custom')
              throw new Error(`an object check the generator does not know: ${check.check}`);
            const at = check.path && check.path.length > 0 ? `, at: ${literal(check.path)}` : '';
            return `{ test: ${fn(check.fn!)}, message: ${literal(messageOf(check))}${at} }`;
          });
          return call('object', [`{ ${fields.join(', ')} }`, ...refinements]);
        }
        default:
          throw new Error(`a schema type the generator does not know: ${def.type}`);
      }
    });

  const exports = Object.entries(entries).map(
    ([name, [schemaName, type]]) =>
      `/** \`${schemaName}\`. */\nexport const ${name} = ${print((schemas as unknown as Record<string, Schema>)[schemaName]!)} as Check<${type}>;`,
  );
  const types = [...new Set(Object.values(entries).map(([, type]) => type))].sort();
  return [
    '// Generated by `npm run generate` (scripts/generate-checks.ts) from the zod schemas of',
    '// schemas.ts: do not edit. The checks of check.ts, answer for answer what zod answers.',
    // zod's own patterns escape more than they need to; they are printed as zod wrote them.
    ...(/\\-/.test([...constants, ...exports].join('\n'))
      ? ["/* eslint-disable no-useless-escape -- zod's own patterns, printed as zod wrote them */"]
      : []),
    `import { ${[...imports].sort().join(', ')} } from './check.js';`,
    `import type { Check } from './check.js';`,
    ...(fromLimits.size > 0 ? [`import { ${[...fromLimits].sort().join(', ')} } from './limits.js';`] : []),
    `import type { ${types.join(', ')} } from './schemas.js';`,
    '',
    ...constants,
    '',
    ...exports,
    '',
  ].join('\n');
}

/** A file as written: generated, then formatted like every other source file. */
export async function generatedFile(file: keyof typeof FILES): Promise<string> {
  const output = outputOf(file);
  const config = (await resolveConfig(output)) ?? {};
  return format(generate(FILES[file]), { ...config, filepath: output });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of Object.keys(FILES) as (keyof typeof FILES)[]) {
    writeFileSync(outputOf(file), await generatedFile(file));
    console.log(`wrote src/client/${file}`);
  }
}
