import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cnreport-bad-'));
const file = (name: string, data: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const good = file('good.txt', '一、总体要求\n全年地区生产总值增长6%左右。\n');
/** One line on stderr, no stack trace. */
const oneLine = (stderr: string) => expect(stderr).toMatch(/^cnreport: [^\n]+\n$/);

describe('bad input files: exit 1, one line each, the other files still processed', () => {
  const cases: [string, () => string, RegExp][] = [
    ['an empty file', () => file('empty.txt', ''), /: empty file$/],
    ['a blank file', () => file('blank.txt', ' \n\u3000\n'), /: no text in file \(only white space\)$/],
    ['a binary file', () => file('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])), /: binary file, not text/],
    ['a directory', () => { mkdirSync(join(dir, 'folder'), { recursive: true }); return join(dir, 'folder'); }, /: is a directory, not a file$/],
    ['a nonexistent path', () => join(dir, 'missing.txt'), /: no such file$/],
    ['a file over the 64 MiB limit', () => { const p = file('huge.txt', ''); truncateSync(p, 65 * 1024 * 1024); return p; }, /: file too large \(68157440 bytes; the limit is 67108864\)$/],
  ];
  for (const [what, make, reason] of cases) {
    it(what, async () => {
      const path = make();
      const r = await cli('extract', path, good);
      expect(r.code).toBe(1);
      oneLine(r.stderr);
      expect(r.stderr.trimEnd()).toMatch(new RegExp(`^cnreport: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${reason.source}`));
      expect(JSON.parse(r.stdout).source.path).toBe(good);
    });
  }

  it.skipIf(process.getuid?.() === 0)('an unreadable file', async () => {
    const path = file('secret.txt', '一、总体要求\n');
    chmodSync(path, 0o000);
    const r = await cli('extract', path);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `cnreport: ${path}: permission denied\n` });
  });
});

describe('output with -o', () => {
  it('writes nothing, and leaves an existing output alone, when every file failed', async () => {
    const out = file('kept.json', 'previous output\n');
    const r = await cli('extract', join(dir, 'missing.txt'), file('empty2.txt', ''), '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    expect(readFileSync(out, 'utf8')).toBe('previous output\n');
    const fresh = join(dir, 'never.json');
    await cli('extract', join(dir, 'missing.txt'), '-o', fresh);
    expect(existsSync(fresh)).toBe(false);
  });

  it('writes the files that succeeded when some failed, and exits 1', async () => {
    const out = join(dir, 'partial.json');
    const r = await cli('extract', join(dir, 'missing.txt'), good, '-o', out);
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(out, 'utf8')).source.path).toBe(good);
  });

  it('exits 2 when the output cannot be written', async () => {
    const r = await cli('extract', good, '-o', join(good, 'out.json'));
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/cannot write output: (ENOTDIR|EEXIST)/);
  });
});

describe('bad --rules: exit 2, one line naming the rule file, line and column, nothing on stdout', () => {
  const rulesDir = (text: string) => {
    const d = mkdtempSync(join(tmpdir(), 'cnreport-badrules-'));
    writeFileSync(join(d, 'boilerplate.yaml'), text);
    return join(d, 'boilerplate.yaml');
  };
  const cases: [string, string, RegExp][] = [
    ['a YAML syntax error', 'lines:\n  - id: a\n    pattern: "unclosed\n', /:4:1: YAML syntax error: /],
    ["a schema violation", "lines:\n  - id: a\n    pattren: \"^x\"\n", /:3:5: Unrecognized key: "pattren"/],
    ['a regex that does not compile', 'lines:\n  - id: a\n    pattern: "[z-a]"\n', /:3:14: invalid regular expression: /],
    ['a regex prone to catastrophic backtracking', 'lines:\n  - id: a\n    pattern: "^(\\\\s*\\\\S+)+$"\n', /:3:14: pattern rejected, it can backtrack catastrophically/],
  ];
  for (const [what, text, where] of cases) {
    it(what, async () => {
      const ruleFile = rulesDir(text);
      const r = await cli('extract', good, '--rules', join(ruleFile, '..'));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      oneLine(r.stderr);
      expect(r.stderr.startsWith(`cnreport: ${ruleFile}:`)).toBe(true);
      expect(r.stderr).toMatch(where);
      expect((await cli('rules', 'check', join(ruleFile, '..'))).code).toBe(2);
    });
  }

  it('a rules directory that does not exist', async () => {
    const r = await cli('extract', good, '--rules', join(dir, 'no-rules'));
    expect(r).toMatchObject({ code: 2, stdout: '' });
    oneLine(r.stderr);
  });
});

describe('--encoding', () => {
  it('reads a GB18030 file when forced, and reports an unknown encoding in one line', async () => {
    const gb = file('gb.txt', new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xd2, 0xaa, 0xc7, 0xf3, 0x0a]));
    const r = await cli('extract', gb, '--encoding', 'gbk');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sections[0].heading).toBe('一、总体要求');
    const bad = await cli('extract', gb, '--encoding', 'latin-9');
    expect(bad.code).toBe(2);
    oneLine(bad.stderr);
    expect(bad.stderr).toMatch(/unknown encoding "latin-9"/);
  });

  it('is checked once, as a usage error, by every command that reads reports', async () => {
    const gb = file('gb2.txt', new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0x0a]));
    for (const command of ['extract', 'view', 'track']) {
      const r = await cli(command, gb, '--encoding', 'latin-9');
      expect([command, r.code, r.stdout]).toEqual([command, 2, '']);
      expect(r.stderr).toBe('cnreport: unknown encoding "latin-9", expected one of: utf-8, utf-16le, utf-16be, gb18030 (gbk and gb2312 read as gb18030), big5, shift_jis\n');
    }
  });
});
