import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
import { run } from '../src/api.js';
import { assemble, assembled } from '../src/assemble.js';
import { conformance } from '../src/conform.js';
import { failureReason } from '../src/failure.js';
import { Result } from '../src/schema.js';
import { docOf, rules, SEEDS } from './helpers.js';

const conforms = conformance(Result)!;

/** What the zod parse says of a value: its error's one line, or the JSON text of its copy. */
function parseOutcome(value: unknown): { ok: true; json: string } | { ok: false; reason: string } {
  try {
    return { ok: true, json: JSON.stringify(Result.parse(value), null, 2) };
  } catch (error) {
    return { ok: false, reason: failureReason(error) };
  }
}

const REPORT = [
  '某区2023年政府工作报告',
  '一、2022年工作回顾',
  '地区生产总值增长6.5%,新建5G基站120个,完成固定资产投资1200亿元。',
  '二、2023年重点工作',
  '(一)扩大有效投资(牵头单位:区发改局)',
  '1.推进项目建设。全年完成固定资产投资1300亿元以上,新增就业岗位1.2万个。(责任单位:区发改局、区财政局)',
].join('\n');

const seedDocs = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => run({ path: join(SEEDS, f) }, { rules, path: f }));

/** A fresh assembled result, not yet validated, of the small report above. */
const fresh = () => assembled(docOf(REPORT)) as Record<string, unknown>;

describe('the validate step', () => {
  it('models the whole output schema (no zod feature it would have to leave to the parse)', () => {
    expect(conforms).toBeTypeOf('function');
  });

  it('takes every seed as it is: the parse would accept it and give back the same JSON', () => {
    for (const doc of [docOf(REPORT), ...seedDocs]) {
      const raw = assembled(doc);
      expect(conforms(raw), doc.path ?? 'report').toBe(true);
      expect(JSON.stringify(assemble(doc), null, 2)).toBe(JSON.stringify(Result.parse(raw), null, 2));
      expect(assemble(doc)).toStrictEqual(Result.parse(raw));
    }
  });

  it('refuses a result the schema refuses, with the one-line error the parse gives', () => {
    const doc = docOf(REPORT);
    expect(doc.quantities.length).toBeGreaterThan(1);
    doc.quantities[1]!.span.line = 0;
    const raw = assembled(doc);
    expect(conforms(raw)).toBe(false);
    let error: unknown;
    try {
      assemble(doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ZodError);
    expect(failureReason(error)).toBe((parseOutcome(raw) as { reason: string }).reason);
    expect(failureReason(error)).toMatch(/^output does not validate: quantities\.1\.span\.line: .+$/);
  });

  it('hands to the parse every result the parse would change, and returns the parse’s copy for those', () => {
    const cases: [string, (r: any) => void][] = [
      ['a key more', (r) => { r.quantities[0].extra = 1; }],
      ['keys in another order', (r) => { const { id, ...rest } = r.sections[0]; r.sections[0] = { ...rest, id }; }],
      ['a default left to fill', (r) => { delete r.quantities[0].normalized.currency; }],
      ['a default given as undefined', (r) => { r.quantities[0].normalized.base = undefined; }],
    ];
    for (const [label, change] of cases) {
      const raw = fresh();
      change(raw);
      expect(conforms(raw), label).toBe(false);
      const outcome = parseOutcome(raw);
      expect(outcome.ok, label).toBe(true);
      expect(outcome.ok && outcome.json !== JSON.stringify(raw, null, 2), label).toBe(true);
    }
  });

  it('refuses what the schema refuses, field by field', () => {
    class Plain {
      constructor(readonly start: number, readonly end: number, readonly line: number, readonly column: number) {}
      toJSON() { return 'not a span'; }
    }
    const cases: [string, (r: any) => void][] = [
      ['a fraction for an integer', (r) => { r.sections[0].depth = 1.5; }],
      ['zero for a positive integer', (r) => { r.sections[0].depth = 0; }],
      ['a negative offset', (r) => { r.quantities[0].span.start = -1; }],
      ['NaN', (r) => { r.quantities[0].value = NaN; }],
      ['Infinity', (r) => { r.quantities[0].value = Infinity; }],
      ['an unsafe integer', (r) => { r.source.bytes = 2 ** 53; }],
      ['a number as text', (r) => { r.quantities[0].value = '6.5'; }],
      ['a date of another form', (r) => { r.meta.date = '2023/01/01'; }],
      ['a value outside an enum', (r) => { r.quantities[0].kind = 'plan'; }],
      ['another schema version', (r) => { r.schemaVersion = 2; }],
      ['a period of three years', (r) => { r.quantities[0].period = [2021, 2022, 2023]; }],
      ['a period of one year', (r) => { r.quantities[0].period = [2021]; }],
      ['null where null is not allowed', (r) => { r.quantities[0].unit = null; }],
      ['a missing field', (r) => { delete r.quantities[0].rule; }],
      ['an object for a list', (r) => { r.tasks = {}; }],
      ['a list for an object', (r) => { r.meta = []; }],
      ['a hole in a list', (r) => { r.quantities.length += 1; }],
    ];
    for (const [label, change] of cases) {
      const raw = fresh();
      change(raw);
      expect(conforms(raw), label).toBe(false);
      expect(parseOutcome(raw).ok, label).toBe(false);
    }
    // Objects the parse accepts but JSON.stringify writes differently: an instance with its own toJSON.
    const raw = fresh() as any;
    const s = raw.quantities[0].span;
    raw.quantities[0].span = new Plain(s.start, s.end, s.line, s.column);
    expect(conforms(raw)).toBe(false);
  });

  it('never takes a changed result the parse would refuse or rewrite (random changes)', () => {
    const base = JSON.stringify(fresh());
    const leaf = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.integer({ min: -3, max: 3 }),
      fc.double(), fc.constantFrom(NaN, Infinity, -0, 0.5, 2 ** 53, 2023), fc.string({ maxLength: 4 }),
      fc.constantFrom('2023-01-01', 'target', 'growth', 'up', '>=', 'work-report', 'plan', ''),
      fc.constant([]), fc.constant({}), fc.constant([2021, 2022]));
    const change = fc.record({ pick: fc.nat(), op: fc.constantFrom('set', 'delete', 'add', 'move'), value: leaf });
    fc.assert(fc.property(fc.array(change, { minLength: 1, maxLength: 4 }), (changes) => {
      const raw = JSON.parse(base);
      for (const c of changes) {
        const holders: [any, string | number][] = [];
        const walk = (x: any) => {
          if (Array.isArray(x)) x.forEach((v, i) => { holders.push([x, i]); walk(v); });
          else if (x && typeof x === 'object') for (const k of Object.keys(x)) { holders.push([x, k]); walk(x[k]); }
        };
        walk(raw);
        const [holder, key] = holders[c.pick % holders.length]!;
        // A copy of an array or object value: fc.constant gives one object to every run, and a later change made
        // inside it (a set on its element) would carry over into other runs, even make it contain itself.
        const value = c.value !== null && typeof c.value === 'object' ? JSON.parse(JSON.stringify(c.value)) : c.value;
        if (c.op === 'set') holder[key] = value;
        else if (c.op === 'delete') delete holder[key];
        else if (c.op === 'add' && !Array.isArray(holder)) holder[`${String(key)}2`] = value;
        else if (c.op === 'move' && !Array.isArray(holder)) { const v = holder[key]; delete holder[key]; holder[key] = v; }
      }
      if (conforms(raw)) {
        const outcome = parseOutcome(raw);
        expect(outcome.ok).toBe(true);
        expect(outcome.ok && outcome.json).toBe(JSON.stringify(raw, null, 2));
      }
    }), { numRuns: 400 });
  });

  it('agrees with zod on single values of every kind of field it models', () => {
    const scalars = [
      z.number(), z.number().int(), z.number().int().nonnegative(), z.number().int().positive(), z.number().gt(1).lte(5),
      z.string(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string().regex(/a/g), z.boolean(), z.literal(1), z.enum(['a', 'b']),
      z.number().nullable(), z.string().nullable().default(null), z.tuple([z.number(), z.number()]), z.array(z.number().int()),
    ];
    const objects = [z.object({ a: z.number(), b: z.string().nullable().default(null) }), z.object({ a: z.object({ b: z.boolean() }).nullable() })];
    class Box {
      a = 1;
      b = null;
      toJSON() { return 'box'; }
    }
    const value = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, 0, 1, 5, 2 ** 53, -(2 ** 53), 1.5, NaN, -Infinity),
      fc.string(), fc.constantFrom('2023-01-01', 'a', 'aa', 'b', '1'), fc.boolean(), fc.constant(null), fc.constant(undefined),
      fc.array(fc.oneof(fc.integer(), fc.double()), { maxLength: 3 }),
      fc.constantFrom({ a: 1 }, { a: 1, b: null }, { b: null, a: 1 }, { a: 1, b: 'x', c: 1 }, { a: 1, b: undefined }, { a: null },
        { a: { b: true } }, { a: { b: true, c: 1 } }, { a: {} }, Object.assign(Object.create(null), { a: 1, b: null }), new Box()));
    for (const schema of [...scalars, ...objects]) {
      const check = conformance(schema)!;
      expect(check, schema.def.type).toBeTypeOf('function');
      fc.assert(fc.property(value, (v) => {
        const parsed = schema.safeParse(v);
        const same = parsed.success && v !== undefined && JSON.stringify(parsed.data) === JSON.stringify(v);
        // Never yes where the parse fails or changes the value; for scalars, exactly the parse's verdict.
        if (check(v)) expect(same).toBe(true);
        if (scalars.includes(schema as never)) expect(check(v)).toBe(same);
      }), { numRuns: 300 });
    }
  });

  it('leaves to the parse any schema with a feature it does not model', () => {
    const unsupported = [
      z.string().email(), z.email(), z.int(), z.string().min(1), z.array(z.string()).min(1), z.number().multipleOf(2),
      z.object({ a: z.string() }).strict(), z.object({ a: z.string() }).passthrough(), z.object({ a: z.string().optional() }),
      z.union([z.string(), z.number()]), z.string().transform((s) => s.trim()), z.string().refine((s) => s.length > 0),
      z.coerce.number(), z.tuple([z.string()], z.number()), z.record(z.string(), z.number()), z.object({ a: z.number() }).refine(() => true),
      z.object({ [Symbol('a')]: z.string() }), z.lazy(() => z.string()), z.string().optional(), z.nullish(z.string()), z.any(), z.unknown(),
    ];
    for (const schema of unsupported) expect(conformance(schema), schema.def.type).toBeNull();
  });

  it('gives the same output where code generation is refused (the parse then does the work)', () => {
    const seed = join(SEEDS, readdirSync(SEEDS).find((f) => f.endsWith('.txt'))!);
    const bin = join(import.meta.dirname, '..', 'bin', 'cnreport.js');
    const probe = "import('./dist/conform.js').then(async (m) => console.log(m.conformance((await import('./dist/schema.js')).Result)))";
    const root = join(import.meta.dirname, '..');
    expect(execFileSync(process.execPath, ['--disallow-code-generation-from-strings', '-e', probe], { cwd: root, encoding: 'utf8' }).trim()).toBe('null');
    const refused = execFileSync(process.execPath, ['--disallow-code-generation-from-strings', bin, 'extract', seed], { encoding: 'utf8' });
    expect(refused).toBe(execFileSync(process.execPath, [bin, 'extract', seed], { encoding: 'utf8' }));
  });

  it('reads the seeds from disk (the test would pass vacuously without them)', () => {
    expect(seedDocs.length).toBeGreaterThan(0);
    for (const doc of seedDocs) expect(readFileSync(join(SEEDS, doc.path!)).length).toBe(doc.bytes.length);
  });
});
