import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/api.js';
import { splitItems } from '../src/extract/units/split.js';
import { loadRules } from '../src/rules/load.js';

/** Language knowledge the code reads from the rule files: an override changes what is read, with no code change. */
function rulesWith(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'cnreport-language-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return loadRules([dir]);
}

const figures = (text: string, rules = loadRules()) => extract({ text }, { rules }).quantities.map((q) => `${q.value}${q.unit}`);

describe('number vocabulary from units.yaml', () => {
  it('reads a numeral after a prefix word as an amount of the unit that names it', () => {
    expect(figures('全年能耗降低百分之七。')).toEqual(['7%']);
    const rules = rulesWith({
      'units.yaml': "units:\n  - {id: my.permyriad, words: ['‱'], prefixes: [万分之], dimension: permyriad, examples: {match: [含量万分之三。]}}\n",
    });
    expect(figures('杂质含量万分之三。', rules)).toEqual(['3‱']);
    expect(figures('杂质含量万分之三。')).not.toContain('3‱');
  });

  it('reads a bare place as a number only when the rules say it may stand alone', () => {
    expect(figures('全年新建百个基站。')).toEqual([]);
    const rules = rulesWith({ 'units.yaml': 'numerals:\n  notAlone: 千\n' });
    expect(figures('全年新建百个基站。', rules)).toEqual(['100个']);
  });

  it('takes the decimal point and the capitals from the rules', () => {
    expect(figures('投入三点五亿元。')).toEqual(['3.5亿元']);
    const rules = rulesWith({ 'units.yaml': 'numerals:\n  point: 又\n' });
    expect(figures('投入三又五亿元。', rules)).toEqual(['3.5亿元']);
    expect(figures('投入三点五亿元。', rules)).not.toContain('3.5亿元');
  });

  it('leaves a subunit that begins a word, as units.yaml subunits.notBefore says', () => {
    expect(figures('每人100元5分钟送达。')).toEqual(['100元']);
    const rules = rulesWith({ 'units.yaml': "subunits:\n  id: number.yuan-jiao-fen\n  after: [元]\n  parts: {角: 0.1, 分: 0.01}\n  notBefore: '^[之]'\n  examples: {match: [售价58元3角6分。]}\n" });
    expect(figures('每人100元5分送达。', rules)).toEqual(['100.05元']);
  });
});

describe('clause punctuation from headings.yaml', () => {
  const text = '一、重点工作\n1.开展稳岗促就业专项行动。县民政局、县司法局负责。\n2.建设智慧停车场。县民政局/县司法局负责。\n';
  const responsible = (rules = loadRules()) => extract({ text }, { rules }).tasks.map((t) => t.responsible);

  it('splits a unit list on the enumeration marks the rule names', () => {
    expect(responsible()).toEqual([['县民政局', '县司法局'], ['县民政局/县司法局']]);
    const rules = rulesWith({
      'headings.yaml': "clausePunctuation:\n  id: text.clause-punctuation\n  fullStop: '。'\n  comma: ','\n  semicolon: ';'\n  colon: ':'\n  enumeration: '、/'\n",
    });
    expect(responsible(rules)).toEqual([['县民政局', '县司法局'], ['县民政局', '县司法局']]);
  });
});

describe('dates from meta.yaml', () => {
  const text = '某县政府工作报告\n——2024年1月18日在县第十八届人民代表大会第三次会议上\n发布日期：2024/01/20\n各位代表：\n';
  it('reads the date by the first date rule that finds one', () => {
    expect(extract({ text }).meta.date).toBe('2024-01-18');
    // With date lines and delivery phrases read only as bare dates, the byline's date is read.
    const bare = "'^(?<year>\\d{4})年(?<month>\\d{1,2})月(?<day>\\d{1,2})日$'";
    const rules = rulesWith({ 'meta.yaml': `dates:\n  line: {id: date.line, pattern: ${bare}}\n  delivery: {id: date.delivery, pattern: ${bare}}\n` });
    expect(extract({ text }, { rules }).meta.date).toBe('2024-01-20');
  });
});

describe('title stops from headings.yaml', () => {
  const text = '各位代表：\n2024年工作回顾过去一年，全县经济稳中向好，地区生产总值增长6%。\n';
  const titles = (rules = loadRules()) => extract({ text }, { rules }).sections.map((s) => s.title);

  it('ends a run-in part title only before a character that does not go on with it (titleGoesOn)', () => {
    expect(titles()).toEqual(['2024年工作回顾']);
    const rules = rulesWith({ 'headings.yaml': 'titleGoesOn:\n  id: heading.title-goes-on\n  subject: 是为过\n  phrase: 的和与及\n' });
    expect(titles(rules)).toEqual([]);
  });
});

describe('the glossary cue of a flattened report is the glossary heading rule (heading.glossary flatCut)', () => {
  const body = '全镇上下齐心协力，各项工作扎实推进，产业发展势头良好，民生保障持续加强，基层治理不断完善。'.repeat(6);
  const text = `${body}一、2026年工作回顾${body}名词解释 1.高标准农田：指田块平整、集中连片、设施完善的耕地。`;
  const titles = (rules = loadRules()) => extract({ text }, { rules }).sections.map((s) => s.title);

  it('cuts before the glossary title only while the rule says so', () => {
    expect(titles()).toContain('名词解释');
    const glossary = "unnumbered:\n  - id: heading.glossary\n    pattern: '^(名\\s*词\\s*解\\s*释)$'\n    style: glossary\n";
    expect(titles(rulesWith({ 'headings.yaml': glossary }))).not.toContain('名词解释');
    expect(titles(rulesWith({ 'headings.yaml': `${glossary}    flatCut: true\n` }))).toContain('名词解释');
  });
});

describe('a flattened table of contents from headings.yaml flatContents', () => {
  const body = '全区上下团结奋斗，各项事业取得新进展，社会事业持续健康发展，人民群众获得感不断增强。'.repeat(4);
  const text = '某区“十四五”社会事业发展专项规划 目 录前 言第一章 规划总结第一节 发展成就第二节 面临的形势'
    + `第二章 发展目标前 言${body}第一章 规划总结${body}第二章 发展目标${body}`;
  // (A title runs on to its first stop here: where it ends in its prose the flattening does not tell.)
  const headings = (rules = loadRules()) => extract({ text }, { rules }).sections.map((s) => s.heading.slice(0, 8));

  it('joins a run of as many short entries as the rule says back into one piece that heads nothing', () => {
    expect(headings()).toEqual(['第一章 规划总结', '第二章 发展目标']);
    // Four entries are no contents when the rule asks for six in a row: each is cut off as a heading of its own.
    const six = "flatContents:\n  id: heading.flat-contents\n  pattern: '(?:…{2,})\\d{1,3}$'\n  entry: 40\n  leadered: 60\n  run: 6\n";
    expect(headings(rulesWith({ 'headings.yaml': six })).slice(0, 4)).toEqual(['第一章 规划总结', '第一节 发展成就', '第二节 面临的形', '第二章 发展目标']);
  });

  it('reads an entry ending in a leader and a page number, and none holding a stop before its leader', () => {
    const contents = loadRules().headings.compiled.contents!;
    expect(contents.entry('（一）财政综合实力不断增强，收支结构持续优化……… 2')).toBe(true);
    expect(contents.entry('第二章 发展目标')).toBe(true);
    expect(contents.entry('全年增长6%。此后……… 2')).toBe(false);
    expect(contents.entry('全区上下团结奋斗，各项事业取得新进展')).toBe(false);
  });
});

describe('unit-name words from organizations.yaml', () => {
  const items = (text: string, rules = loadRules()) => splitItems(text, 0, text.length, rules.organizations.compiled).map((r) => text.slice(r.start, r.end));

  it('takes the words nameTrim names off a unit name in a list', () => {
    expect(items('由县民政局、县司法局等')).toEqual(['县民政局', '县司法局']);
    // An override adds to the built-in words.
    expect(items('县民政局、县司法局共同')).toEqual(['县民政局', '县司法局共同']);
    expect(items('县民政局、县司法局共同', rulesWith({ 'organizations.yaml': 'nameTrim: {after: [共同]}\n' }))).toEqual(['县民政局', '县司法局']);
  });
});
