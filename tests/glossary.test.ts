import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml as load } from '../src/util/yaml.js';
import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { docOf, SEEDS, SHARED } from './helpers.js';

const entries = (text: string) => assemble(docOf(text)).glossary.map((g) => [g.marker, g.term, g.definition]);
const BODY = '一、工作回顾\n今年以来，全区经济运行总体平稳，发展质量稳步提升，社会大局保持稳定。\n';

describe('glossary', () => {
  it('reads numbered entries with ASCII or full-width colons', () => {
    const text = `${BODY}名词解释\n1.两拆一增:是指拆除违法建筑,增加城市公共绿地。\n2.九责工作法：是指明责、谈责的工作方法。\n`;
    expect(entries(text)).toEqual([
      ['1.', '两拆一增', '是指拆除违法建筑,增加城市公共绿地。'],
      ['2.', '九责工作法', '是指明责、谈责的工作方法。'],
    ]);
  });

  it('reads 〔1〕 entries under a spaced heading and skips stray lines between them', () => {
    const text = `${BODY}名 词 解 释\n〔1〕两不愁三保障：稳定实现农村贫困人口不愁吃、不愁穿。(见第2页)\n按在报告中出现的先后排序\n〔2〕六大产业：指现代食用菌、高效林果等六大扶贫产业。\n`;
    expect(entries(text).map((e) => e[0] + e[1])).toEqual(['〔1〕两不愁三保障', '〔2〕六大产业']);
  });

  it('reads unmarked term：definition lines and stops at the first line that is not one', () => {
    const text = `${BODY}名词解释\n\n带押过户：指申请办理已抵押不动产转移登记。\n\n枫桥经验：指上世纪60年代初的经验。\nQQ空间\n上一篇：2022年工作报告\n`;
    expect(entries(text)).toEqual([[null, '带押过户', '指申请办理已抵押不动产转移登记。'], [null, '枫桥经验', '指上世纪60年代初的经验。']]);
  });

  it('reads [1] term definition without a colon, and a definition that runs over two lines', () => {
    const text = `${BODY}注释\n[1] 零关税清单 指原辅料、交通工具及游艇、自用生产设备三张清单。\n[2] 五网：指路网、光网、电网、气网、水网。\n五网建设自2016年起实施。\n`;
    const [first, second] = assemble(docOf(text)).glossary;
    expect([first!.marker, first!.term, first!.definition]).toEqual(['[1]', '零关税清单', '指原辅料、交通工具及游艇、自用生产设备三张清单。']);
    expect(second!.text).toBe('[2] 五网：指路网、光网、电网、气网、水网。\n五网建设自2016年起实施。');
  });

  it('finds nothing outside a glossary section', () => {
    expect(entries(`${BODY}1.两拆一增:是指拆除违法建筑。\n`)).toEqual([]);
  });

  it('covers exactly the entries of seed 004, spans slicing the source', () => {
    const source = readFileSync(join(SEEDS, '004_d207dd5c7035d7fb.txt'), 'utf8');
    const glossary = assemble(docOf(source)).glossary;
    expect(glossary.map((g) => g.marker)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.', '9.']);
    for (const g of glossary) expect(source.slice(g.span.start, g.span.end)).toBe(g.text);
  });
});

const GOLD = [['gold', 'seeds', '004_d207dd5c7035d7fb'], ['corpus/gold', 'corpus', 'c001'], ['corpus/gold', 'corpus', 'c024']] as const;

describe.skipIf(!existsSync(join(SHARED, 'corpus', 'gold')))('glossary against the gold files', () => {
  it.each(GOLD)('%s/%s/%s: every gold entry found with its marker, term and definition, nothing more', (goldDir, srcDir, name) => {
    const gold = (load(readFileSync(join(SHARED, goldDir, `${name}.yaml`), 'utf8')) as { glossary: { marker: string | null; term: string; definition: string }[] }).glossary;
    const got = assemble(docOf(readFileSync(join(SHARED, srcDir, `${name}.txt`), 'utf8'))).glossary;
    expect(got.length).toBe(gold.length);
    gold.forEach((g, i) => {
      expect([got[i]!.marker, got[i]!.term]).toEqual([g.marker, g.term]);
      expect(got[i]!.definition.startsWith(g.definition)).toBe(true);
    });
  });
});
