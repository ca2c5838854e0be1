import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, run } from '../src/api.js';
import { emit } from '../src/emit/index.js';
import { BUILTIN_RULES_DIR, loadRules, RuleError, rulesCacheText, validateRules } from '../src/rules/load.js';
import { fingerprint, reviveRules } from '../src/rules/cache.js';
import { stripDocs } from '../src/rules/compile.js';
import { SEEDS } from './helpers.js';
import { backtrackingRisk } from '../src/rules/pattern.js';

/** A rules directory holding the given files. */
function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cnreport-rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The error `loadRules` throws for an override directory, as `file:line:column: detail` relative to the directory. */
function errorOf(files: Record<string, string>): string {
  const dir = dirWith(files);
  try {
    loadRules([dir]);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleError);
    return (error as RuleError).message.replace(`${dir}/`, '');
  }
  throw new Error('expected a RuleError');
}

describe('backtracking check', () => {
  it('rejects repetitions that can split the same text in several ways', () => {
    for (const p of ['(a+)+', '(.*)*', '(a|a)*', '(\\d+\\.?)+', '(a|aa)+', '(.*,)*x', '(\\s*\\S+)+$', '(\\w+\\s?)*$', '(a+){2,5}b', '(?=(a+)+)b', '\\d+\\d+x', '.*.*=', '[^。]*\\d+%']) {
      expect(backtrackingRisk(p), p).not.toBeNull();
    }
  });

  it('accepts unambiguous repetitions and bounded ones', () => {
    for (const p of ['(\\d|,)+', '(?:\\d+,)+', '(ab|a)*c', '(记者|通讯员)+', '^\\S{2,4}(\\s+\\S{2,4}){0,3}$', '\\([^()]*(\\([^()]*\\)[^()]*){0,3}\\)$', '^\\s*[、.]?\\s*', '(了|分别|为|)*', 'a.{0,20}b.{0,20}c']) {
      expect(backtrackingRisk(p), p).toBeNull();
    }
  });

  it('passes every built-in pattern', () => {
    expect(() => loadRules()).not.toThrow();
  });
});

describe('rule files: errors name the file, line and column', () => {
  it('YAML syntax errors', () => {
    expect(errorOf({ 'boilerplate.yaml': 'lines:\n  - id: a\n    pattern: [unclosed\n' })).toMatch(/^boilerplate\.yaml:4:1: YAML syntax error: /);
  });

  it('schema violations: unknown keys, wrong types, bad ids', () => {
    expect(errorOf({ 'boilerplate.yaml': 'lines:\n  - id: my.rule\n    pattern: "^x$"\n    colour: red\n' })).toMatch(/^boilerplate\.yaml:4:5: Unrecognized key: "colour" at lines\.0$/);
    expect(errorOf({ 'boilerplate.yaml': 'blocks:\n  - id: my.block\n    pattern: "^x$"\n    within: lots\n' })).toMatch(/^boilerplate\.yaml:4:13: .* at blocks\.0\.within$/);
    expect(errorOf({ 'boilerplate.yaml': 'lines:\n  - id: My Rule\n    pattern: "^x$"\n' })).toMatch(/^boilerplate\.yaml:2:9: rule ids are lower-case/);
    expect(errorOf({ 'boilerplate.yaml': '- just a list\n' })).toBe('boilerplate.yaml:1:1: expected a mapping at the top of the rule file');
  });

  it('regular expressions that do not compile or can backtrack catastrophically', () => {
    expect(errorOf({ 'boilerplate.yaml': 'lines:\n  - id: a\n    pattern: "^(来源"\n' })).toMatch(/^boilerplate\.yaml:3:14: invalid regular expression: /);
    expect(errorOf({ 'boilerplate.yaml': 'spans:\n  - id: a\n    pattern: "(\\\\d+\\\\.?)+%"\n' })).toMatch(/^boilerplate\.yaml:3:14: pattern rejected, it can backtrack catastrophically: `\(\\d\+\\\.\?\)\+`/);
  });

  it('duplicate ids, unknown rule files and missing directories', () => {
    expect(errorOf({ 'boilerplate.yaml': 'lines:\n  - id: a\n    pattern: x\n  - id: a\n    pattern: y\n' })).toBe('boilerplate.yaml:4:9: duplicate rule id "a" in lines');
    expect(errorOf({ 'bolierplate.yaml': 'lines: []\n' })).toMatch(/^bolierplate\.yaml:1:1: unknown rule file "bolierplate\.yaml", expected one of: boilerplate\.yaml/);
    expect(() => loadRules(['/nonexistent/rules'])).toThrow(/^\/nonexistent\/rules:1:1: cannot read rules directory: ENOENT$/);
  });

  it('character pairs that would change the view\'s length', () => {
    const file = (pairs: string) => ({ 'script.yaml': `traditional:\n  id: script.traditional\n  pairs:\n    - ${pairs}\n` });
    expect(errorOf(file('萬万億'))).toMatch(/^script\.yaml:4:7: "萬万億" is no run of pairs \(an odd number of characters\)/);
    expect(errorOf(file('𠀋万'))).toMatch(/^script\.yaml:4:7: "𠀋万": only characters of the Basic Multilingual Plane/);
  });
});

describe('rule files: overrides', () => {
  it('replace built-in rules by id and append new ones', () => {
    const dir = dirWith({ 'boilerplate.yaml': 'lines:\n  - id: furniture.icp\n    pattern: "^备案号"\n  - id: my.footer\n    pattern: "^本站由.*维护$"\n' });
    const { lines } = loadRules([dir]).boilerplate;
    const builtin = loadRules().boilerplate.lines;
    expect(lines.length).toBe(builtin.length + 1);
    expect(lines.find((r) => r.id === 'furniture.icp')!.pattern.source).toBe('^备案号');
    expect(lines.at(-1)!.id).toBe('my.footer');
  });
});

describe('the compiled rule set', () => {
  it('is compiled once per process for the built-in rules, afresh for overrides', () => {
    expect(loadRules()).toBe(loadRules());
    const dir = dirWith({ 'units.yaml': 'units:\n  - id: unit.zha\n    words: [拃]\n    dimension: length\n' });
    const over = loadRules([dir]);
    expect(over).not.toBe(loadRules());
    expect(over.quantities.compiled.unitOf.get('拃')?.id).toBe('unit.zha');
    expect(loadRules().quantities.compiled.unitOf.has('拃')).toBe(false);
  });

  it('is revived from the build-time cache as validated, and not when a rule file differs', () => {
    const file = join(dirWith({}), 'rules.cache.json');
    writeFileSync(file, rulesCacheText());
    const revived = reviveRules(file, fingerprint(BUILTIN_RULES_DIR));
    expect(revived).toEqual(stripDocs(validateRules()));
    expect(revived!.boilerplate.lines[0]!.pattern).toBeInstanceOf(RegExp);
    expect(reviveRules(file, fingerprint(dirWith({ 'units.yaml': 'units: []\n' })))).toBeNull();
  });

  it('is frozen, with each compiled piece beside its rules and left out of their keys', () => {
    const rules = loadRules();
    expect(Object.isFrozen(rules)).toBe(true);
    expect(Object.isFrozen(rules.boilerplate.lines[0])).toBe(true);
    expect(() => Object.assign(rules.units.units[0]!, { id: 'unit.other' })).toThrow(TypeError);
    expect(Object.isFrozen(rules.tables.compiled)).toBe(true);
    expect(Object.keys(rules.tables)).not.toContain('compiled');
    expect(rules.tables.compiled.separators.each.size).toBe(rules.tables.layouts.length);
    expect(rules.organizations.compiled.labels.size).toBeGreaterThan(0);
    expect(rules.boilerplate.compiled.lines.index.of('字'.charCodeAt(0)).map((g) => g.rule.id)).toContain('furniture.font-size');
  });

  it('is never written to by a stage: the seeds extract the same over rules frozen whole, arrays too', () => {
    // Arrays of the rule set are read-only by type only (frozen, V8 loops over them slowly): this shows no stage
    // writes to one. A strict-mode write to a frozen array throws, so a stage that wrote would fail here.
    const freezeAll = (value: unknown): void => {
      if (!value || typeof value !== 'object' || value instanceof RegExp || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return;
      Object.freeze(value);
      for (const key of Reflect.ownKeys(value)) freezeAll((value as Record<PropertyKey, unknown>)[key]);
    };
    const frozen = loadRules([dirWith({})]);
    expect(frozen).not.toBe(loadRules());
    freezeAll(frozen);
    expect(Object.isFrozen(frozen.units.units)).toBe(true);
    const seeds = readdirSync(SEEDS).filter((name) => name.endsWith('.txt'));
    expect(seeds.length).toBeGreaterThan(0);
    for (const name of seeds) {
      const bytes = readFileSync(join(SEEDS, name));
      expect(emit(extract(bytes, { rules: frozen }), 'json'), name).toBe(emit(extract(bytes, { rules: loadRules() }), 'json'));
    }
  });

  it('indexes what the code asks of rules by attribute, never by a built-in id or style name', () => {
    const rules = loadRules();
    expect([...rules.headings.compiled.outlineStyles].sort()).toEqual(['chapter', 'cn-dun', 'cn-paren', 'part']);
    expect([...rules.boilerplate.compiled.pageBreaks]).toEqual(['furniture.page-number']);
    const dir = dirWith({ 'headings.yaml': "markers:\n  - id: heading.roman\n    pattern: '^[ⅠⅡⅢⅣⅤ][、.]'\n    style: roman\n    outline: true\n" });
    expect(loadRules([dir]).headings.compiled.outlineStyles.has('roman')).toBe(true);
  });

  it('keeps no examples: they document rules and are read by the rule tester only', () => {
    const keys = (value: unknown): string[] => (Array.isArray(value) ? value.flatMap(keys)
      : value && typeof value === 'object' && !(value instanceof RegExp) ? Object.entries(value).flatMap(([k, v]) => [k, ...keys(v)]) : []);
    expect(keys(loadRules())).not.toContain('examples');
  });
});

describe('rule examples in rule files', () => {
  it('are accepted on any rule with an id, and refused when empty or duplicated', () => {
    const ok = dirWith({ 'headings.yaml': "notHeading:\n  - id: my.cue\n    pattern: '^其中'\n    examples: {match: ['其中：'], noMatch: ['其它']}\n" });
    expect(loadRules([ok]).headings.notHeading.find((r) => r.id === 'my.cue')).not.toHaveProperty('examples');
    expect(errorOf({ 'headings.yaml': "notHeading:\n  - id: my.cue\n    pattern: '^其中'\n    examples: {match: []}\n" })).toMatch(/^headings\.yaml:4:\d+: examples without a case/);
    expect(errorOf({ 'headings.yaml': "notHeading:\n  - id: my.cue\n    pattern: '^其中'\n    examples: {match: ['其中', '其它'], noMatch: ['其中']}\n" })).toMatch(/^headings\.yaml:4:\d+: duplicate example "其中" at notHeading\.0\.examples\.noMatch\.0/);
    expect(errorOf({ 'headings.yaml': "notHeading:\n  - id: my.cue\n    pattern: '^其中'\n    examples: {match: ['']}\n" })).toMatch(/an empty example/);
  });
});

describe('rule files: script.yaml', () => {
  it('a user file adds character pairs to the built-in ones, and a later pair for a character wins', () => {
    const mine = loadRules([dirWith({ 'script.yaml': 'traditional:\n  id: script.traditional\n  pairs:\n    - 乾干萬萬\n' })]);
    const read = (text: string, r: ReturnType<typeof loadRules>) => run({ text }, { rules: r }).view;
    // 乾 is a simplified character too (乾县): the built-in pairs leave it, the user's read it as 干.
    expect(read('乾燥天數', loadRules())).toBe('乾燥天数');
    expect(read('乾燥天數', mine)).toBe('干燥天数');
    // The user's 萬萬 replaces the built-in 萬万.
    expect(read('1.2萬人', mine)).toBe('1.2萬人');
    expect(read('1.2萬人', loadRules())).toBe('1.2万人');
  });
});
