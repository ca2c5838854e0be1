import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const EXAMPLE = join(ROOT, 'examples', 'library.mjs');

describe('examples/library.mjs (against dist/, as a user of the package would run it)', () => {
  it('extracts a file, batches a folder and tracks two years', () => {
    expect(existsSync(join(ROOT, 'dist', 'index.js')), 'run npm run build first').toBe(true);
    const out = execFileSync(process.execPath, [EXAMPLE], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    expect(out[0]).toMatch(/^2023年示例区政府工作报告: 2 sections, 2 tasks, \d+ quantities$/);
    expect(out).toContain('  target 地区生产总值 2023: ~6%');
    expect(out.find((l) => l.startsWith('file,'))).toMatch(/,value,range_min,range_max,/);
    expect(out.find((l) => l.startsWith('batch:'))).toMatch(/^batch: 2 files, 0 failed, written to /);
    expect(out).toContain('  一般公共预算收入 2023: target 一般公共预算收入增长4% → actual 3.1% (missed)');
    expect(out.filter((l) => / \((met|missed|unknown)\)$/.test(l)).length).toBeGreaterThanOrEqual(3);
  });

  it('is the code the README shows under "## Library"', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Library\n'));
    const block = /```js\n([\s\S]*?)```/.exec(section);
    expect(block, 'a ```js block in the Library section').not.toBeNull();
    expect(block![1]).toBe(readFileSync(EXAMPLE, 'utf8'));
  });
});
