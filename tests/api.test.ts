import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { badSpans, rules, SEEDS } from './helpers.js';

describe('public API', () => {
  it('should expose the public API, and nothing internal (run returns the working document)', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BUILTIN_RULES_DIR', 'FORMATS', 'InputError', 'MAX_INPUT_BYTES', 'Result', 'RuleError', 'SCHEMA_VERSION',
      'TrackResult', 'batch', 'check', 'csvOf', 'emit', 'extract', 'jsonSchema', 'loadRules', 'parseWords', 'scoreGold',
      'terms', 'termsCsv', 'termsJson', 'track', 'viewHtml',
    ]);
    expect('run' in api).toBe(false);
  });

  it('documents every exported name in docs/library.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'library.md'), 'utf8');
    for (const name of Object.keys(api)) expect(doc, name).toContain(`\`${name}`);
  });

  it('extracts from text, bytes and paths alike', () => {
    const text = '一、总体要求\n全年地区生产总值增长6%。\n';
    const fromText = api.extract({ text }, { rules });
    const fromBytes = api.extract(new TextEncoder().encode(text), { rules });
    expect(fromBytes).toEqual(fromText);
    expect(fromText.schemaVersion).toBe(1);
    expect(fromText.source).toMatchObject({ path: null, encoding: 'utf-8', bytes: 55, chars: text.length });
  });

  it('keeps offsets into the string given as text input, a leading U+FEFF included', () => {
    const text = '\ufeff一、总体要求\n';
    const section = api.extract({ text }, { rules }).sections[0]!;
    expect([section.span.start, text.slice(section.span.start, section.span.end)]).toEqual([1, '一、总体要求']);
  });

  it('derives the JSON Schema from the zod schema', () => {
    const schema = api.jsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual([
      'schemaVersion', 'source', 'meta', 'sections', 'tasks', 'quantities', 'organizations', 'tables', 'glossary', 'removed', 'messages',
    ]);
    expect(schema.required).toContain('quantities');
  });
});

describe('every seed keeps the contract', () => {
  for (const name of readdirSync(SEEDS).filter((n) => n.endsWith('.txt'))) {
    it(`${name}: validates and every span slices to its text`, () => {
      const path = join(SEEDS, name);
      const result = api.extract({ path }, { rules });
      expect(api.Result.safeParse(result).success).toBe(true);
      expect(result.source.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(badSpans(result, readFileSync(path, 'utf8'))).toEqual([]);
      expect(result.sections.length).toBeGreaterThan(0);
    });
  }
});
