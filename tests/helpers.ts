import { expect } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run, type ExtractOptions } from '../src/api.js';
import type { Doc } from '../src/document.js';
import { loadRules } from '../src/rules/load.js';

/** The built-in rules, loaded once per test file. */
export const rules = loadRules();

export function docOf(text: string, options: ExtractOptions = {}): Doc {
  return run({ text }, { rules, ...options });
}

export const SHARED = join(import.meta.dirname, '..', '..', 'shared');
export const hasShared = existsSync(join(SHARED, 'gold'));
export const SEEDS = join(import.meta.dirname, '..', 'seeds');

interface Spanned {
  text: string;
  span: { start: number; end: number };
}

/** Every item of a result that carries a span, with a label saying where it sits. */
export function spannedItems(result: import('../src/schema.js').Result): [string, Spanned][] {
  const out: [string, Spanned][] = [];
  result.sections.forEach((s, i) => out.push([`sections[${i}]`, s]));
  result.tasks.forEach((t, i) => out.push([`tasks[${i}]`, t]));
  result.quantities.forEach((q, i) => out.push([`quantities[${i}]`, q], [`quantities[${i}].core`, q.core]));
  result.glossary.forEach((g, i) => out.push([`glossary[${i}]`, g]));
  result.removed.forEach((r, i) => out.push([`removed[${i}]`, r]));
  result.tables.forEach((t, i) => {
    out.push([`tables[${i}]`, t]);
    t.rows.forEach((row, j) => row.cells.forEach((c, k) => out.push([`tables[${i}].rows[${j}].cells[${k}]`, c])));
  });
  return out;
}

/** Labels of the items whose span does not slice to their text. */
export function badSpans(result: import('../src/schema.js').Result, source: string): string[] {
  return spannedItems(result)
    .filter(([, item]) => source.slice(item.span.start, item.span.end) !== item.text)
    .map(([label]) => label);
}

/** Drive the CLI in-process, collecting its output and exit code. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { run: runCli } = await import('../src/cli/index.js');
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

/** The files below `dir`, as sorted paths relative to it (none when it does not exist). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * Print a text to a page as pdftotext gives it back: paragraphs open with two ideographic spaces and every line is
 * broken at `columns` display columns (CJK two, ASCII one), in the middle of words and numbers alike. Table rows
 * (with |) and short lines are left as they are.
 */
export function hardWrap(text: string, columns = 56): string {
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length < 20 || line.includes('|')) {
      out.push(line);
      continue;
    }
    let cur = '\u3000\u3000';
    let width = 4;
    for (const ch of line) {
      const w = ch.charCodeAt(0) > 0xff ? 2 : 1;
      if (width + w > columns) {
        out.push(cur);
        cur = '';
        width = 0;
      }
      cur += ch;
      width += w;
    }
    out.push(cur);
  }
  return out.join('\n');
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every spanned item of a result (tasks, quantities and their cores, sections, table cells…) holds the text its span gives. */
export function spansHold(text: string, r: ReturnType<typeof import('../src/assemble.js').assemble>): void {
  for (const [where, item] of spannedItems(r)) expect([where, text.slice(item.span.start, item.span.end)]).toEqual([where, item.text]);
  for (const t of r.tasks) expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
  for (const q of r.quantities) {
    expect(text.slice(q.span.start, q.span.end)).toBe(q.text);
    expect(text.slice(q.core.span.start, q.core.span.end)).toBe(q.core.text);
  }
}

/** The best of two wall times (ms) of a whole extraction of `text`, for the tests that check cost grows linearly. */
export function bestCost(text: string): number {
  let best = Infinity;
  for (let k = 0; k < 2; k++) {
    const t = performance.now();
    run({ text }, { rules });
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
