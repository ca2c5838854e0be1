import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { lineStarts } from '../src/span.js';
import { detectEncoding, encodingName, InputError } from '../src/stages/read.js';
import { docOf, rules, SEEDS } from './helpers.js';

const TEXT = '一、总体要求\r\n全年地区生产总值增长６％左右。\n（一）稳投资\n';
const bytesOf = (text: string, enc: string) => new Uint8Array(iconv.encode(text, enc));
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array([...bom, ...body]);
const fromBytes = (bytes: Uint8Array, encoding?: string) => extract(bytes, { rules, encoding });

describe('read: encodings', () => {
  it('detects UTF-8 with and without BOM, UTF-16 LE/BE with BOM and GB18030, keeping the BOM out of the text', () => {
    const cases: [Uint8Array, string][] = [
      [bytesOf(TEXT, 'utf-8'), 'utf-8'],
      [withBom([0xef, 0xbb, 0xbf], bytesOf(TEXT, 'utf-8')), 'utf-8'],
      [withBom([0xff, 0xfe], bytesOf(TEXT, 'utf-16le')), 'utf-16le'],
      [withBom([0xfe, 0xff], bytesOf(TEXT, 'utf-16be')), 'utf-16be'],
      [bytesOf(TEXT, 'gb18030'), 'gb18030'],
      [bytesOf(TEXT, 'gbk'), 'gb18030'],
    ];
    for (const [bytes, encoding] of cases) {
      const r = fromBytes(bytes);
      expect(r.source.encoding).toBe(encoding);
      expect(r.source.chars).toBe(TEXT.length);
      expect(r.sections.map((s) => s.heading)).toEqual(['一、总体要求', '（一）稳投资']);
    }
  });

  it('detects UTF-16 without a BOM, telling it from binary data', () => {
    expect(detectEncoding(bytesOf(TEXT, 'utf-16le')).encoding).toBe('utf-16le');
    expect(detectEncoding(bytesOf(TEXT, 'utf-16be')).encoding).toBe('utf-16be');
    expect(() => detectEncoding(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]))).toThrow(/binary/);
  });

  it('keeps a damaged UTF-8 file UTF-8 (with U+FFFD) instead of reading it as GB18030', () => {
    const good = bytesOf('各位代表：现在，我代表市人民政府向大会报告工作，请予审议。'.repeat(5), 'utf-8');
    const damaged = new Uint8Array([...good.subarray(0, 40), 0xff, ...good.subarray(40)]);
    const r = fromBytes(damaged);
    expect(r.source.encoding).toBe('utf-8');
    expect(r.source.chars).toBe(new TextDecoder().decode(damaged).length);
  });

  it('lets --encoding force an encoding, with the usual aliases', () => {
    const gb = bytesOf(TEXT, 'gb18030');
    expect(fromBytes(gb, 'GBK').source.encoding).toBe('gb18030');
    expect(() => fromBytes(gb, 'utf-8')).toThrow(/--encoding utf-8 does not fit this file \(\d+ invalid byte sequences for utf-8 replaced by U\+FFFD\)/);
    expect(encodingName('utf-16', new Uint8Array([0xfe, 0xff]))).toBe('utf-16be');
    expect(encodingName('UTF_16')).toBe('utf-16le');
    expect(fromBytes(withBom([0xfe, 0xff], bytesOf(TEXT, 'utf-16be')), 'utf-16').source.chars).toBe(TEXT.length);
    expect(() => fromBytes(gb, 'latin-9')).toThrow(/unknown encoding "latin-9"/);
    expect(encodingName('Big5')).toBe('big5');
    expect(encodingName('SJIS')).toBe('shift_jis');
    expect(encodingName('cp932')).toBe('shift_jis');
  });

  it('gives the same result for a seed in any encoding, but for `source`', () => {
    const path = join(SEEDS, '003_7bedf75ac75c1b6a.txt');
    const text = readFileSync(path, 'utf8');
    const strip = ({ source, ...rest }: ReturnType<typeof extract>) => (void source, rest);
    const base = strip(fromBytes(bytesOf(text, 'utf-8')));
    expect(strip(fromBytes(bytesOf(text, 'gb18030')))).toEqual(base);
    expect(strip(fromBytes(withBom([0xff, 0xfe], bytesOf(text, 'utf-16le'))))).toEqual(base);
    expect(strip(fromBytes(withBom([0xfe, 0xff], bytesOf(text, 'utf-16be'))))).toEqual(base);
  });
});

// Texts of our own: a traditional-Chinese paragraph for Big5 and a Japanese one for Shift-JIS.
const TRADITIONAL = '一、總體要求\n全年地區生產總值增長6%左右，城鎮新增就業十萬人以上。\n（一）擴大有效投資。推進重點項目建設，完成固定資產投資五百億元。\n';
const JAPANESE = '一、全体の目標\n今年の地域内総生産は六パーセント前後の成長を見込んでいます。\n重点事業の建設を進め、投資を拡大します。\n';

describe('read: encodings that are not GB18030 (issue 14 point 7, issue 17)', () => {
  it('detects Big5 and Shift-JIS instead of reading them as GB18030', () => {
    expect(detectEncoding(bytesOf(TRADITIONAL, 'big5')).encoding).toBe('big5');
    expect(detectEncoding(bytesOf(JAPANESE, 'shift_jis')).encoding).toBe('shift_jis');
    const r = fromBytes(bytesOf(TRADITIONAL, 'big5'));
    expect(r.source.encoding).toBe('big5');
    expect(r.sections[0]!.heading).toBe('一、總體要求');
    expect(r.messages.filter((m) => m.code === 'read.invalid-bytes')).toEqual([]);
  });

  it('still reads GB18030 and GBK reports (simplified Chinese) as GB18030, short ones too', () => {
    for (const text of [TEXT, TEXT.slice(0, 8), TRADITIONAL, '各位代表：现在，我代表市人民政府向大会报告工作。'.repeat(3)]) {
      expect(detectEncoding(bytesOf(text, 'gb18030')).encoding).toBe('gb18030');
      expect(detectEncoding(bytesOf(text, 'gbk')).encoding).toBe('gb18030');
    }
  });

  it('supports --encoding big5 and shift_jis', () => {
    expect(fromBytes(bytesOf(TRADITIONAL, 'big5'), 'big5').source.chars).toBe(TRADITIONAL.length);
    expect(fromBytes(bytesOf(JAPANESE, 'shift_jis'), 'shift_jis').source.chars).toBe(JAPANESE.length);
  });

  it('refuses random high bytes 0x80-0xFF as not text, naming --encoding', () => {
    let seed = 7;
    const random = new Uint8Array(4096).map(() => 0x80 | ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
    expect(() => fromBytes(random)).toThrow(/not text in a known encoding .*--encoding/);
  });

  it('a forced encoding that does not fit fails the file; with force it is a warning in messages, never silent', () => {
    const gb = bytesOf(TEXT, 'gb18030');
    expect(() => fromBytes(gb, 'utf-8')).toThrow(/^--encoding utf-8 does not fit this file .*--force/);
    expect(() => fromBytes(bytesOf(JAPANESE, 'shift_jis'), 'big5')).toThrow(/--encoding big5 does not fit this file/);
    const kept = extract(gb, { rules, encoding: 'utf-8', force: true });
    expect(kept.source.encoding).toBe('utf-8');
    expect(kept.messages).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'read.invalid-bytes', message: expect.stringMatching(/replaced by U\+FFFD \(kept with --force\)$/) }));
    // A U+FFFD that is really in the file is text, not a decoding error.
    expect(fromBytes(bytesOf(`${TEXT}\ufffd`, 'utf-8'), 'utf-8').messages.filter((m) => m.code === 'read.invalid-bytes')).toEqual([]);
  });

  it('says how many characters of a damaged UTF-8 file were replaced', () => {
    const good = bytesOf('各位代表：现在，我代表市人民政府向大会报告工作，请予审议。'.repeat(5), 'utf-8');
    const damaged = new Uint8Array([...good.subarray(0, 39), 0xff, ...good.subarray(39)]);
    expect(fromBytes(damaged).messages).toContainEqual(expect.objectContaining({ code: 'read.invalid-bytes', message: '1 invalid byte sequence for utf-8 replaced by U+FFFD' }));
  });
});

describe('read: what is not a report', () => {
  it('refuses empty, blank and binary input with an InputError', () => {
    expect(() => fromBytes(new Uint8Array())).toThrow(new InputError('empty file'));
    expect(() => fromBytes(bytesOf(' \r\n\u3000\t\n', 'utf-8'))).toThrow(/no text in file/);
    expect(() => fromBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3, 4, 0, 5, 6]))).toThrow(/binary file/);
  });
});

describe('read: line endings', () => {
  it('counts CRLF as one break and CR CR LF as two, keeping offsets exact', () => {
    expect(lineStarts('a\r\nb')).toEqual([0, 3]);
    expect(lineStarts('a\r\r\nb')).toEqual([0, 2, 4]);
    expect(lineStarts('a\rb\nc')).toEqual([0, 2, 4]);
    const text = '一、总体要求\r\r\n正文。\r二、保障措施\r\n三、组织实施';
    const doc = docOf(text);
    const starts = doc.sections.map((s) => [text.slice(s.heading.start, s.heading.end)]);
    expect(starts).toEqual([['一、总体要求'], ['二、保障措施'], ['三、组织实施']]);
    const r = extract({ text }, { rules });
    expect(r.sections.map((s) => [s.span.line, s.span.column])).toEqual([[1, 1], [4, 1], [5, 1]]);
  });
});
