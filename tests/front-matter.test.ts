import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { compileFrontKeys } from '../src/extract/meta/front.js';
import { badSpans, docOf } from './helpers.js';

const BODY = '2024年某市政府工作报告\n一、2023年工作回顾\n全市地区生产总值增长6.5%。\n二、2024年工作安排\n力争地区生产总值增长7%左右。\n';

function extracted(text: string) {
  const result = assemble(docOf(text));
  expect(badSpans(result, text)).toEqual([]);
  return result;
}

describe('front matter', () => {
  it('knows each key word once, lower-cased, the first list naming it deciding', () => {
    const keys = compileFrontKeys({ id: 'x', title: ['Title', '标题'], date: ['title', 'Date'], issuer: [], source: ['URL'], other: ['date', 'Tags'] });
    expect([...keys]).toEqual([['title', 'title'], ['标题', 'title'], ['date', 'date'], ['url', 'source'], ['tags', 'other']]);
    expect(compileFrontKeys(null).size).toBe(0);
  });

  it('reads a leading YAML block as hints, lists it in removed, and extracts nothing from it', () => {
    const head = "---\ntitle: '某市2024年国民经济和社会发展计划'\ndate: 2024-01-15\nsource: https://www.example.gov.cn/a/1.html\ntags: [计划, 2024]\nviews: 3500\n---\n";
    const result = extracted(head + BODY);
    expect(result.removed[0]).toMatchObject({ rule: 'furniture.front-matter', text: head.trimEnd(), span: { start: 0, line: 1 } });
    expect(result.meta.source).toBe('https://www.example.gov.cn/a/1.html');
    // The report's own title line wins over the hint; no quantity or heading comes from the block.
    expect(result.meta.title).toBe('2024年某市政府工作报告');
    expect(result.quantities.map((q) => q.core.text)).toEqual(['6.5%', '7%']);
    expect(result.sections.map((s) => s.heading)).toEqual(['一、2023年工作回顾', '二、2024年工作安排']);
  });

  it('reads a YAML block whose list items (  - "经济") the view blanks as markdown bullets, and a percent-encoded url in it', () => {
    const head = '---\ntitle: "某报：政府工作报告未提今年增长目标"\ndate: "2020-05-22"\ntags:\n  - "经济"\n  - "2020两会"\nurl: "https://www.example.com/article/2020%E5%85%A9%E6%9C%83"\n---\n';
    const result = extracted(`${head}\n记者报道，今年赤字率拟按3.6%以上安排。\n`);
    expect(result.removed[0]).toMatchObject({ rule: 'furniture.front-matter', text: head.trimEnd() });
    expect(result.meta.date).toBe('2020-05-22');
    expect(result.quantities.map((q) => [q.core.text, q.year])).toEqual([['3.6%', 2020]]);
  });

  it('reads a scraper header (标题：/发布日期：, **发布日期**: in markdown) and falls back on its title and date', () => {
    const head = '标题：某县2024年政府工作报告\n**发布日期**: 2024年1月20日\n**来源**: 某县人民政府网\n\n';
    const result = extracted(`${head}一、2023年工作回顾\n全县粮食产量增长3%。\n`);
    expect(result.removed[0]).toMatchObject({ rule: 'furniture.front-matter', text: head.trimEnd() });
    expect(result.meta).toMatchObject({ title: '某县2024年政府工作报告', date: '2024-01-20', source: '某县人民政府网' });
    expect(result.quantities.map((q) => q.core.text)).toEqual(['3%']);
  });

  it('reads an archiver\'s header whole (栏目, 本地目录, 通过或发布日期), takes no title from its note on its files, and leaves the notes it bracketed after the title and the issuer', () => {
    const head = '标题: 某区管理局关于2022年度监管工作情况的报告\n发布时间: 2023-12-15 09:43\n文号: \n发布机构: 某区管理局（局长某某向区人大常委会作）\n'
      + '栏目: 工作进展情况\n原文链接: https://www.example.gov.cn/1.htm\n本地目录: zwgk/202312/83269_某区管理局关于2022年度监管工作情况的报告\n'
      + '页面链接与图片详见 links.tsv(同目录)\n';
    const result = extracted(`${head}2022年以来，全区国有企业资产总额增长8%，实现营业收入12亿元。\n`);
    expect(result.meta).toMatchObject({ title: '某区管理局关于2022年度监管工作情况的报告', issuer: '某区管理局', date: '2023-12-15', source: 'https://www.example.gov.cn/1.htm' });
    const delivered = extracted('标题：2026年某省政府工作报告（《政府工作报告》——2026年1月26日在某省第十四届人民代表大会第五次会议上）\n'
      + '通过或发布日期：2026年1月26日\n\n政府工作报告\n各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n');
    expect(delivered.meta).toMatchObject({ title: '2026年某省政府工作报告', date: '2026-01-26' });
  });

  it('leaves a document alone when its first line is not front matter', () => {
    const result = extracted(`时间安排如下\n${BODY}`);
    expect(result.removed).toEqual([]);
    expect(result.meta.source).toBeNull();
    // A header of unknown keys only, or a YAML block that never closes, is not front matter either.
    expect(extracted(`地点：某会议中心\n${BODY}`).removed).toEqual([]);
    expect(extracted(`---\ntitle: x\n${BODY}`).meta.source).toBeNull();
  });
});

describe('front matter: what is not', () => {
  it('a markdown rule (---) above and below report prose is not a YAML block', () => {
    const text = `---\n${BODY}---\n`;
    const result = assemble(docOf(text));
    expect(result.removed.filter((r) => r.rule === 'furniture.front-matter')).toEqual([]);
    expect(result.quantities.map((q) => q.core.text)).toEqual(['6.5%', '7%']);
  });
});
