import type { z } from 'zod';

/** Yes only for a value `schema.parse` would accept and give back unchanged (see `conformance`). */
export type Conforms<T> = (value: unknown) => value is T;

interface Node {
  _zod: { def: Def; traits: Set<string>; values?: Set<unknown> };
}

interface Def {
  type: string;
  checks?: Node[];
  coerce?: boolean;
  shape?: Record<string, Node>;
  catchall?: Node;
  element?: Node;
  items?: Node[];
  rest?: Node | null;
  innerType?: Node;
}

interface CheckDef {
  check: string;
  when?: unknown;
  format?: string;
  pattern?: RegExp;
  value?: unknown;
  inclusive?: boolean;
}

class Unsupported extends Error {}

/**
 * A check compiled once from a zod schema that answers, without building anything, whether `schema.parse(value)`
 * would succeed AND give back a value that serialises exactly like `value` itself: every object a plain object with
 * exactly the schema's keys in the schema's order (nothing to strip, no default to fill in, no key to reorder), every
 * array a plain array, every scalar one the schema accepts. When it says yes the value can be used as the parse's
 * result; when it says no, only `schema.parse` knows (it may still pass, giving a reordered or completed copy, or
 * throw its usual error), so the caller parses. It may say no where the parse would pass unchanged, never yes where
 * the parse would fail or change the value.
 *
 * It is derived from the schema's own definition, so the two cannot drift apart: each zod feature it meets is either
 * one it models exactly (object without catchall, array, tuple without rest, nullable, default, string with regex
 * checks, number with safe-integer and bound checks, boolean, enum, literal) or one it refuses to model, and then
 * `conformance` returns null and the caller always parses (slower, never wrong). Values are assumed to be plain data
 * (no getters, proxies): what the pipeline builds. It reads zod's definitions (`_zod.def`, `_zod.values`): a zod
 * release that renames them makes it refuse (null), which tests/validate.test.ts reports, and outputs stay right.
 */
export function conformance<S extends z.ZodType>(schema: S): Conforms<z.output<S>> | null {
  const constants: unknown[] = [];
  const functions: string[] = [];
  const names = new Map<Node, string>();
  const constant = (value: unknown): string => `c${constants.push(value) - 1}`;
  const literal = (key: string): string => JSON.stringify(key);

  const scalarChecks = (node: Node, allowed: (check: CheckDef) => string): string[] => {
    if (node._zod.traits.has('$ZodCheck')) throw new Unsupported('a type that is itself a check');
    return (node._zod.def.checks ?? []).map((check) => {
      const def = check._zod.def as unknown as CheckDef;
      if (def.when !== undefined) throw new Unsupported('a conditional check');
      return allowed(def);
    });
  };

  const compile = (node: Node): string => {
    const known = names.get(node);
    if (known) return known;
    const name = `f${names.size}`;
    names.set(node, name);
    const def = node._zod.def;
    if (def.coerce) throw new Unsupported('coercion');
    if (def.type !== 'string' && def.type !== 'number' && (def.checks?.length || node._zod.traits.has('$ZodCheck'))) {
      throw new Unsupported(`checks on ${def.type}`);
    }
    let body: string;
    switch (def.type) {
      case 'object': {
        if (def.catchall) throw new Unsupported('an object with a catchall');
        const keys = Object.keys(def.shape!);
        if (keys.includes('__proto__') || Object.getOwnPropertySymbols(def.shape!).length) throw new Unsupported('a key __proto__ or a symbol key');
        const K = constant(keys);
        const fields = keys.map((key) => `${compile(def.shape![key]!)}(x[${literal(key)}])`);
        body = `if (typeof x !== 'object' || x === null || Object.getPrototypeOf(x) !== O) return false;
  let i = 0;
  for (const k in x) if (k !== ${K}[i++]) return false;
  return i === ${keys.length}${fields.map((f) => ` && ${f}`).join('')};`;
        break;
      }
      case 'array': {
        const element = compile(def.element!);
        body = `if (!Array.isArray(x) || Object.getPrototypeOf(x) !== A) return false;
  for (let i = 0; i < x.length; i++) if (!${element}(x[i])) return false;
  return true;`;
        break;
      }
      case 'tuple': {
        if (def.rest) throw new Unsupported('a tuple with a rest element');
        const items = def.items!.map((item, i) => ` && ${compile(item)}(x[${i}])`);
        body = `return Array.isArray(x) && Object.getPrototypeOf(x) === A && x.length === ${items.length}${items.join('')};`;
        break;
      }
      case 'nullable':
        body = `return x === null || ${compile(def.innerType!)}(x);`;
        break;
      case 'default':
        // An absent value would be replaced by the default: only a present one is the parse's own result.
        body = `return x !== undefined && ${compile(def.innerType!)}(x);`;
        break;
      case 'string': {
        const tests = scalarChecks(node, (check) => {
          if (check.check !== 'string_format' || check.format !== 'regex' || !(check.pattern instanceof RegExp)) throw new Unsupported(`string check ${check.format ?? check.check}`);
          const re = constant(check.pattern);
          return ` && (${re}.lastIndex = 0, ${re}.test(x))`;
        });
        body = `return typeof x === 'string'${tests.join('')};`;
        break;
      }
      case 'number': {
        let base = `typeof x === 'number' && Number.isFinite(x)`;
        const bounds = scalarChecks(node, (check) => {
          if (check.check === 'number_format' && check.format === 'safeint') {
            base = 'Number.isSafeInteger(x)';
            return '';
          }
          if ((check.check === 'greater_than' || check.check === 'less_than') && typeof check.value === 'number' && Number.isFinite(check.value)) {
            const op = check.check === 'greater_than' ? (check.inclusive ? '>=' : '>') : check.inclusive ? '<=' : '<';
            return ` && x ${op} (${String(check.value)})`;
          }
          throw new Unsupported(`number check ${check.format ?? check.check}`);
        });
        body = `return ${base}${bounds.join('')};`;
        break;
      }
      case 'boolean':
        body = `return typeof x === 'boolean';`;
        break;
      case 'enum':
      case 'literal':
        // The very set the parse looks values up in.
        if (!(node._zod.values instanceof Set)) throw new Unsupported(`${def.type} without values`);
        body = `return ${constant(node._zod.values)}.has(x);`;
        break;
      default:
        throw new Unsupported(def.type);
    }
    functions.push(`function ${name}(x) {\n  ${body}\n}`);
    return name;
  };

  let root: string;
  try {
    root = compile(schema as unknown as Node);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  try {
    const source = `'use strict';\nconst O = Object.prototype, A = Array.prototype;\n${constants.map((_, i) => `const c${i} = c[${i}];\n`).join('')}${functions.join('\n')}\nreturn ${root};`;
    // One function per schema node, generated once: a tree of closures measured 4x slower than the parse it replaces.
    return new Function('c', source)(constants) as Conforms<z.output<S>>;
  } catch {
    // Code generation refused (node --disallow-code-generation-from-strings): the parse does the work, as zod's own
    // compiled paths fall back to its interpreter there.
    return null;
  }
}
