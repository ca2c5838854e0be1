import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { CHANGED_UNITS, mapChar, normaliseText } from '../src/stages/normalise.js';
import { docOf, rules, SEEDS } from './helpers.js';
import { extract } from '../src/api.js';

describe('normalise: a view of the same length', () => {
  it('folds full-width ASCII (digits, letters, （）：，；％) to ASCII', () => {
    expect(normaliseText('增长６．５％，（一）ＧＤＰ：１２３；')).toBe('增长6.5%,(一)GDP:123;');
  });

  it('turns NBSP, en/em spaces, U+3000 and invisible spaces into plain spaces', () => {
    expect(normaliseText('a\u00a0b\u2002c\u2003d\u3000e\u200bf\ufeffg\u00adh')).toBe('a b c d e f g h');
  });

  it('folds half-width and small-form CJK punctuation', () => {
    expect(normaliseText('完成｡增长﹪﹙一﹚')).toBe('完成。增长%(一)');
  });

  it('reads a machine-annotated copy through its pinyin readings (增長(zhǎng)), never a bracketed word without a tone mark', () => {
    const gloss = rules.script.gloss!.pattern;
    const text = '增長(zhǎng)了百分之十二點(diǎn)五，地区生产总值(GDP)，(ā)';
    const view = normaliseText(text, rules.script.compiled.shift, gloss);
    expect(view).toBe(`增长${'\ufeff'.repeat(7)}了百分之十二点${'\ufeff'.repeat(6)}五,地区生产总值(GDP),(ā)`);
    expect(view.length).toBe(text.length);
    const text2 = '2001年旅游工作回顾\n全年接待游客二十萬(wàn)一千四百人次，增長(zhǎng)了百分之二十二點(diǎn)九七，收入一百億零四百萬(wàn)元。\n';
    const result = extract({ text: text2 }, { rules });
    // A unit read through a reading is the unit as written, the reading left out (萬元).
    expect(result.quantities.map((q) => q.unit)).toEqual(['人次', '%', '萬元']);
    expect(result.quantities.map((q) => [q.core.text, q.value, q.normalized.value, q.measure])).toEqual([
      ['二十萬(wàn)一千四百人次', 201400, 201400, 'level'], ['百分之二十二點(diǎn)九七', 22.97, 22.97, 'growth'], ['一百億零四百萬(wàn)元', 1000400, 10004000000, 'level'],
    ]);
    for (const q of result.quantities) expect(text2.slice(q.core.span.start, q.core.span.end)).toBe(q.core.text);
  });

  it('reads through a note mark after a character (农民工[12]总量, **…公报[1]**), not a bracketed number elsewhere', () => {
    const text = '**2019年某省国民经济和社会发展统计公报[1]**\n\n全年全省农民工[12]总量2907万人。\n[3] 注释。\n';
    const result = extract({ text }, { rules });
    expect(result.meta.title).toBe('2019年某省国民经济和社会发展统计公报');
    expect(result.quantities.map((q) => [q.core.text, q.indicator])).toEqual([['2907万人', '农民工总量']]);
    expect(normaliseText('见[3]。\n[3] 注释')).toBe(`见${'\ufeff'.repeat(3)}。\n[3] 注释`);
  });

  it('reads a pipe table whose cells open with <br> as rows, not as short title lines', () => {
    const text = '2019年某省统计公报\n\n一、综合\n\n年末全省常住人口5000万人，比上年末增加20万人，其中城镇常住人口3000万人，占总人口比重为60.0%，比上年末提高1.0个百分点。\n\n'
      + '**表1 2019年年末人口数及其构成**\n\n| <br>指标                    | <br>年末数（万人） | <br>比重（%） | |\n| ------------------------- | ----------- | --------- | ---- |\n'
      + '| <br>全省总人口                 | <br>5000  | <br>100.0 | <br> |\n| <br>其中：城镇                 | <br>3000   | <br>60.0 | <br> |\n| <br>乡村                    | <br>2000   | <br>40.0 | <br> |\n\n'
      + '年末全省就业人员3000万人，其中城镇就业人员1800万人，占全省就业人员比重为60.0%，比上年末上升1.1个百分点。\n';
    expect(extract({ text }, { rules }).sections.map((s) => s.heading)).toEqual(['一、综合']);
  });

  it('makes each HTML space entity one space and fillers to its length', () => {
    const text = '&nbsp;&nbsp;各位代表&#12288;：&amp;';
    const view = normaliseText(text);
    const entity = (n: number) => ` ${'\ufeff'.repeat(n - 1)}`;
    expect(view).toBe(`${entity(6)}${entity(6)}各位代表${entity(8)}:&amp;`);
    expect(view.length).toBe(text.length);
  });

  it('reads other HTML entities (&ldquo;, &mdash;, &#8220;) as their character and fillers, not &lt; &gt; &amp;', () => {
    const text = '&ldquo;十一五&rdquo;&#8212;&#x2014;&lt;p&gt;&unknown;';
    const view = normaliseText(text);
    expect(view.length).toBe(text.length);
    expect(view.replaceAll('\ufeff', '')).toBe(`${normaliseText('“')}十一五${normaliseText('”')}${normaliseText('——')}&lt;p&gt;&unknown;`);
    const text2 = '&ldquo;十一五&rdquo;期间，全省新增发电装机容量3100万千瓦，&ldquo;两新&rdquo;投资增长12%。';
    const result = extract({ text: text2 }, { rules });
    expect(result.quantities.map((q) => [q.core.text, q.period, q.indicator])).toEqual([
      ['3100万千瓦', [2006, 2010], '发电装机容量'],
      ['12%', [2006, 2010], '“两新”投资'],
    ]);
  });

  it('reads the escape R writes for a space it could not encode (<U+00A0>) as that space, its < in no title', () => {
    const text = '<U+00A0>1996年政府工作报告\n各位代表：\n全年国内生产总值增长10.2%。\n';
    expect(normaliseText(text).slice(0, 9)).toBe(` ${'\ufeff'.repeat(7)}1`);
    expect(extract({ text }, { rules }).meta.title).toBe('1996年政府工作报告');
  });

  it('reads an HTML copy through its inline tags (增长<b>6%</b>), which stay listed as removed markup', () => {
    const text = '<div class="TRS_Editor"><p>一、2025年工作回顾</p><p>全年地区生产总值增长<b>6.1%</b>，<a href="/x">新增</a>企业<span style="color:red">120家</span>。</p></div>';
    const view = normaliseText(text);
    expect(view.length).toBe(text.length);
    expect(view).toContain(`增长${'\ufeff'.repeat(3)}6.1%${'\ufeff'.repeat(4)}`);
    const result = assemble(docOf(text));
    expect(result.quantities.map((q) => [q.core.text, q.indicator, q.measure])).toEqual([['6.1%', '地区生产总值', 'growth'], ['120家', '企业', 'level']]);
    expect(result.removed.filter((r) => r.text === '<b>' || r.text === '</span>')).toHaveLength(2);
    expect(result.sections.map((s) => s.heading)).toEqual(['一、2025年工作回顾']);
  });

  it('reads a figure across one space entity, while two in a row still part paragraphs of a flattened page', () => {
    const one = docOf('全县地区生产总值完成&nbsp;156.3亿元，增长6.2%。');
    expect(one.quantities.map((q) => [q.core.text, q.indicator])).toEqual([['156.3亿元', '地区生产总值'], ['6.2%', '地区生产总值']]);
    const two = docOf('一、工作回顾&nbsp;&nbsp;全县地区生产总值完成156.3亿元。');
    expect(two.sections.map((s) => two.text.slice(s.heading.start, s.heading.end))).toEqual(['一、工作回顾']);
  });

  it('leaves characters outside the BMP and line breaks as they are', () => {
    const text = '𠀀增长\r\n𪚥７%\r';
    expect(normaliseText(text)).toBe('𠀀增长\r\n𪚥7%\r');
  });

  it('folds exactly the units mapChar changes (CHANGED_UNITS lists them all)', () => {
    const listed = new Set<number>();
    for (const [first, last] of CHANGED_UNITS) for (let code = first; code <= last; code++) listed.add(code);
    const changed: number[] = [];
    for (let code = 0; code < 0x10000; code++) if (mapChar(code) !== code) changed.push(code);
    expect(changed.length).toBeGreaterThan(100);
    expect(changed.filter((code) => !listed.has(code))).toEqual([]);
    const all = changed.map((code) => String.fromCharCode(code)).join('');
    expect(normaliseText(all)).toBe(changed.map((code) => String.fromCharCode(mapChar(code))).join(''));
  });

  it('keeps a lone surrogate as it is beside characters it folds, unit for unit', () => {
    const text = '增长\ud800７％，\udc00（一）';
    const view = normaliseText(text);
    expect(view).toBe('增长\ud8007%,\udc00(一)');
    expect([...view].length).toBe([...text].length);
    // Nothing to fold: the text itself comes back.
    const plain = '全县地区生产总值增长5%。';
    expect(normaliseText(plain)).toBe(plain);
  });

  it('keeps view and text the same length on every document', () => {
    const text = '政 府 工 作 报 告\u3000\u3000（２０２４年）\r\n&nbsp;一、总体要求①[1]\r\r\n';
    const doc = docOf(text);
    expect(doc.view.length).toBe(doc.text.length);
    expect(doc.view).toBe(normaliseText(text));
  });
});

describe('normalise: traditional characters (rules/script.yaml)', () => {
  const shift = rules.script.compiled.shift;
  it('reads each traditional character as its simplified form, one unit for one, and leaves simplified text alone', () => {
    expect(normaliseText('全年新增城鎮就業1.2萬人，增長12.6%，高於全省2.1個百分點。', shift)).toBe('全年新增城镇就业1.2万人，增长12.6%，高于全省2.1个百分点。'.replace(/[，、。％０-９]/g, (c) => normaliseText(c)));
    const simplified = '乾县全年新增城镇就业1.2万人。';
    expect(normaliseText(simplified, shift)).toBe(simplified);
    // Without a rule set's table only width and spaces are folded.
    expect(normaliseText('增長', undefined)).toBe('增長');
  });

  it('extracts a traditional copy as its simplified twin, every item keeping its own characters and span', () => {
    const traditional = '某縣2023年國民經濟和社會發展統計公報\n\n全年全縣地區生產總值增長6.5%，比上年提高1.2個百分點。新增城鎮就業3200人，完成37項重點項目建設。\n';
    const simplified = '某县2023年国民经济和社会发展统计公报\n\n全年全县地区生产总值增长6.5%，比上年提高1.2个百分点。新增城镇就业3200人，完成37项重点项目建设。\n';
    const [t, s] = [traditional, simplified].map((text) => assemble(docOf(text)));
    const fields = (q: (typeof t.quantities)[number]) => [q.core.span.start, q.core.span.end, q.value, q.normalized, q.measure, q.direction, q.kind, q.year];
    expect(t.quantities.map(fields)).toEqual(s.quantities.map(fields));
    expect(t.quantities.length).toBe(4);
    for (const q of t.quantities) expect(traditional.slice(q.span.start, q.span.end)).toBe(q.text);
    // The unit as written; its normalised name is the one rules know (百分点, 人).
    expect(t.quantities.map((q) => [q.core.text, q.unit, q.normalized.unit])).toEqual([
      ['6.5%', '%', '%'], ['1.2個百分點', '個百分點', '百分点'], ['3200人', '人', '人'], ['37項', '項', '项'],
    ]);
    // Meta reads the title as the view does (統計公報: a bulletin, all actuals) and keeps it as written.
    expect(t.meta).toMatchObject({ ...s.meta, title: '某縣2023年國民經濟和社會發展統計公報' });
  });
});

describe('normalise: markdown copies', () => {
  const md = ['# 2024年某市政府工作报告', '', '> 2024年1月10日在某市第十七届人民代表大会第四次会议上', '',
    '## 一、2023年工作回顾', '', '全市地区生产总值达到**3560亿元**，增长5.6%，详见[统计公报](https://example.org/a)。', '',
    '- 新增规模以上工业企业**120家**；', '', '## 二、2024年主要目标', '', '地区生产总值增长**6%左右**。'].join('\n');

  it('blanks markup at line starts and fills emphasis and links, keeping the length', () => {
    const view = normaliseText(md);
    expect(view).toHaveLength(md.length);
    expect(view.split('\n')[4]).toBe('   一、2023年工作回顾');
    // Full-width commas fold to ASCII; the link's label stays, '](https://example.org/a)' becomes 24 fillers.
    expect(view.split('\n')[6]).toBe('全市地区生产总值达到\ufeff\ufeff3560亿元\ufeff\ufeff,增长5.6%,详见\ufeff统计公报' + '\ufeff'.repeat(24) + '。');
    expect(view.split('\n')[8]).toBe('  新增规模以上工业企业\ufeff\ufeff120家\ufeff\ufeff;');
  });

  it('reads the headings, figures and indicators of a markdown copy as those of the plain text', () => {
    const plain = md.replace(/^#+ |^> |^- /gm, '').replace(/\*\*/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
    const a = docOf(plain);
    const b = docOf(md);
    expect(b.meta).toEqual(a.meta);
    expect(b.sections.map((s) => b.text.slice(s.heading.start, s.heading.end))).toEqual(['一、2023年工作回顾', '二、2024年主要目标']);
    const read = (d: typeof a) => d.quantities.map((q) => [q.core.text, q.indicator, q.measure, q.kind, q.year, q.comparator]);
    expect(read(b)).toEqual(read(a));
  });

  it('reads a text that opens with a bullet line (a scraped page\'s list) as a markdown copy', () => {
    const text = '- 某县十大民生实事项目由人大代表票决产生\n- 新建学校5所\n全县新增就业3000人';
    const view = normaliseText(text);
    expect(view.split('\n')).toEqual(['  某县十大民生实事项目由人大代表票决产生', '  新建学校5所', '全县新增就业3000人']);
    // A bullet deeper in a text that shows no markdown stays text.
    expect(normaliseText('全县新增就业3000人\n- 新建学校5所')).toBe('全县新增就业3000人\n- 新建学校5所');
  });

  it('leaves # and - alone in a text that shows no markdown', () => {
    const text = '1#楼新建完成\n- 1 -\n5#楼主体封顶';
    expect(normaliseText(text)).toBe(text);
  });
});

describe('normalise: a seed as a markdown copy', () => {
  it.each(['000_8e5208af9c013f38', '004_d207dd5c7035d7fb'])('reads seed %s with ## headings and **bold** figures as the original', (name) => {
    const original = readFileSync(join(SEEDS, `${name}.txt`), 'utf8');
    // Top-level headings become ## headings; every percentage is set in bold.
    const md = original.replace(/^([一二三四五六七八九十]{1,3}、)/gm, '## $1').replace(/(\d+(?:\.\d+)?%)/g, '**$1**');
    expect(md).not.toBe(original);
    const a = docOf(original);
    const b = docOf(md);
    const heads = (d: typeof a) => d.sections.map((s) => [s.depth, d.text.slice(s.title.start, s.title.end)]);
    expect(heads(b)).toEqual(heads(a));
    const read = (d: typeof a) => d.quantities.map((q) => [q.core.text, q.value, q.unit, q.indicator, q.measure, q.kind, q.year, q.comparator]);
    expect(read(b)).toEqual(read(a));
  });
});
