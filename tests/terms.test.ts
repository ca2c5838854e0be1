import { describe, expect, it } from 'vitest';
import { run } from '../src/api.js';
import { assemble } from '../src/assemble.js';
import { countDocument, isContentNoun, isWord, keptRanges, loadSegmenter, parseWords, terms, termsCsv, termsReport, userDictionary, WordsError, type KeywordGroup } from '../src/terms/index.js';
import { rules } from './helpers.js';

// A short work report written for these tests: a review part, a plan part, and one line of page furniture.
const REPORT = [
  '某市2024年政府工作报告',
  '一、2023年工作回顾',
  '过去一年，我们坚持生态优先，推进绿色发展，环保投入增加百分之十二。治理污染，建成数智底座3个。',
  '二、2024年工作安排',
  '加强生态保护，深入治理污染，推进环境污染防治，发展数字经济，推动人工智能应用，再建数智底座2个。生态文明建设取得新成效。',
  '分享到：生态 环保 绿色 数智底座',
  '',
].join('\n');

const GROUPS: KeywordGroup[] = [
  { name: '环境', keywords: ['生态', '环保', '污染', '绿色'] },
  { name: '数字', keywords: ['数字经济', '人工智能', '数智底座'] },
];
const KEYWORDS = [...new Set(GROUPS.flatMap((g) => g.keywords))];
const segmenter = loadSegmenter({ keywords: KEYWORDS });

/** Non-overlapping occurrences of a string, left to right (what grep -o counts). */
const occurrences = (text: string, word: string) => text.split(word).length - 1;

function counted(text: string, by: 'document' | 'role' | 'section' = 'document', nouns = false) {
  const doc = run({ text }, { rules });
  return { result: assemble(doc), counts: countDocument(doc.text, assemble(doc), segmenter, { keywords: KEYWORDS, by, nouns }) };
}

describe('parseWords', () => {
  it('reads groups (ASCII or full-width colon), single keywords, comments and blank lines', () => {
    const groups = parseWords('# themes\n环境: 生态 环保 污染 绿色\n\n数字：数字经济、人工智能\n碳达峰\n环境: 低碳\n');
    expect(groups).toEqual([
      { name: '环境', keywords: ['生态', '环保', '污染', '绿色', '低碳'] },
      { name: '数字', keywords: ['数字经济', '人工智能'] },
      { name: '碳达峰', keywords: ['碳达峰'] },
    ]);
  });

  it('names the line of a group without keywords, and refuses an empty list', () => {
    expect(() => parseWords('环境: 生态\n数字:\n', 'w.txt')).toThrow(new WordsError('w.txt:2: group "数字" has no keywords'));
    expect(() => parseWords('生态 环保\n', 'w.txt')).toThrow(/w\.txt:1: one keyword per line/);
    expect(() => parseWords('# nothing\n', 'w.txt')).toThrow(/no keywords/);
  });
});

describe('the denominator', () => {
  it('counts tokens with a letter or CJK character, not numerals and not stop words', () => {
    const stop = new Set(['的', '和']);
    expect(['生态', 'GDP', '环保'].every((w) => isWord(w, stop))).toBe(true);
    expect(['，', '。', ' ', '2024', '12.5', '%', '三', '十二', '的', '和'].some((w) => isWord(w, stop))).toBe(false);
  });

  it('takes nouns and verbal nouns of two characters or more as content words, not person names', () => {
    expect(isContentNoun('生态', 'n')).toBe(true);
    expect(isContentNoun('发展', 'vn')).toBe(true);
    expect(isContentNoun('上海', 'ns')).toBe(true);
    expect(isContentNoun('张三', 'nr')).toBe(false);
    expect(isContentNoun('推进', 'v')).toBe(false);
    expect(isContentNoun('年', 'n')).toBe(false);
  });

  it('leaves removed furniture out of the ranges that are cut', () => {
    expect(keptRanges(100, [{ span: { start: 50, end: 60 } }, { span: { start: 10, end: 20 } }, { span: { start: 15, end: 25 } }])).toEqual([[0, 10], [25, 50], [60, 100]]);
    expect(keptRanges(10, [{ span: { start: 0, end: 10 } }])).toEqual([]);
  });
});

describe('counting keywords', () => {
  const { result, counts } = counted(REPORT);
  const part = counts.parts[0]!;
  const kw = (k: string) => part.keywords.find((x) => x.keyword === k)!;

  it('gives every hit a span that slices to the keyword, with its line and column', () => {
    const lines = REPORT.split('\n');
    for (const k of part.keywords) {
      for (const h of k.hits) {
        expect(REPORT.slice(h.start, h.end)).toBe(k.keyword);
        expect(lines[h.line - 1]!.slice(h.column - 1, h.column - 1 + k.keyword.length)).toBe(k.keyword);
      }
    }
  });

  it('does not count keywords inside removed page furniture', () => {
    const furniture = result.removed.map((r) => REPORT.slice(r.span.start, r.span.end));
    expect(furniture.some((t) => t.includes('分享到'))).toBe(true);
    const body = REPORT.slice(0, REPORT.indexOf('分享到'));
    for (const k of ['环保', '绿色', '数智底座']) {
      expect(kw(k).occurrences).toBe(occurrences(body, k));
      expect(kw(k).hits.every((h) => h.start < body.length)).toBe(true);
    }
  });

  it('keeps a multi-character keyword whole even when jieba does not know it', () => {
    // 数智底座 is in no dictionary: without the user word jieba would cut it; with it, count = occurrences.
    expect(kw('数智底座').count).toBe(2);
    expect(kw('人工智能').count).toBe(1);
    expect(kw('数字经济').count).toBe(1);
  });

  it('counts tokens: a keyword inside a longer word is an occurrence, not a count', () => {
    // 污染 stands three times in the body, once inside 环境污染, a word of jieba's dictionary.
    expect(kw('污染').occurrences).toBe(3);
    expect(kw('污染').count).toBe(2);
    expect(kw('生态').count).toBe(3);
    expect(part.keywords.every((k) => k.count <= k.occurrences)).toBe(true);
  });

  it('gives the rate per 10,000 words and the share, with words as denominator', () => {
    const report = termsReport([counts], { dictionary: 'shipped', by: 'document', groups: GROUPS, top: null });
    const p = report.documents[0]!.parts[0]!;
    expect(p.words).toBe(part.words);
    expect(p.words).toBeGreaterThan(20);
    const env = p.groups![0]!;
    expect(env.count).toBe(['生态', '环保', '污染', '绿色'].reduce((n, k) => n + kw(k).count, 0));
    expect(env.per10k).toBeCloseTo((env.count * 10000) / p.words, 3);
    expect(env.share).toBeCloseTo(env.count / p.words, 7);
    expect(report.denominator).toMatch(/stop-word/);
  });

  it('takes year and type from the extraction; level stays empty until the extraction has it', () => {
    expect(counts.year).toBe(2024);
    expect(counts.docType).toBe(result.meta.docType);
    const level = (result.meta as { level?: unknown }).level;
    expect(counts.level).toBe(typeof level === 'string' ? level : null);
  });
});

describe('--by', () => {
  const whole = counted(REPORT).counts;
  it('splits by review and plan part; the parts add up to the document', () => {
    const { counts } = counted(REPORT, 'role');
    expect(counts.parts.map((p) => p.part).slice(0, 2)).toEqual(['review', 'plan']);
    const review = counts.parts.find((p) => p.part === 'review')!;
    const plan = counts.parts.find((p) => p.part === 'plan')!;
    expect(review.keywords.find((k) => k.keyword === '绿色')!.count).toBe(1);
    expect(plan.keywords.find((k) => k.keyword === '绿色')!.count).toBe(0);
    expect(plan.keywords.find((k) => k.keyword === '人工智能')!.count).toBe(1);
    expect(counts.parts.reduce((n, p) => n + p.words, 0)).toBe(whole.words);
    for (const k of KEYWORDS) {
      expect(counts.parts.reduce((n, p) => n + p.keywords.find((x) => x.keyword === k)!.count, 0)).toBe(whole.parts[0]!.keywords.find((x) => x.keyword === k)!.count);
    }
  });

  it('splits by top-level section, with the headings as titles', () => {
    const { counts } = counted(REPORT, 'section');
    const titled = counts.parts.filter((p) => p.title !== null);
    expect(titled.map((p) => p.title)).toEqual(['一、2023年工作回顾', '二、2024年工作安排']);
    expect(counts.parts.reduce((n, p) => n + p.words, 0)).toBe(whole.words);
    expect(titled[1]!.keywords.find((k) => k.keyword === '污染')!.count).toBe(1);
  });

  it('uses sections[].role when the extraction states it', () => {
    const doc = run({ text: REPORT }, { rules });
    const result = assemble(doc);
    // Pretend the extraction says the reverse of what the titles say.
    const stated = { ...result, sections: result.sections.map((s, i) => ({ ...s, role: i === 0 ? 'plan' : 'review' })) };
    const counts = countDocument(doc.text, stated, segmenter, { keywords: KEYWORDS, by: 'role', nouns: false });
    expect(counts.parts.find((p) => p.part === 'plan')!.keywords.find((k) => k.keyword === '绿色')!.count).toBe(1);
  });
});

describe('--top', () => {
  const other = '某县2024年政府工作报告\n一、2023年工作回顾\n过去一年，粮食产量稳定，农村道路建成，农村教育发展，农村医疗改善。\n';
  it('lists nouns and verbal nouns by frequency with TF-IDF against the other documents', () => {
    // A segmenter without keywords replaces this file's one (jieba has one dictionary per thread): the tests after
    // this one use counts made when the file was collected, or none.
    const report = terms([{ text: REPORT }, { text: other }], { rules, segmenter: loadSegmenter({}), top: 5 });
    const top = report.documents[1]!.parts[0]!.top!;
    expect(top[0]).toMatchObject({ rank: 1, word: '农村', count: 3, df: 1 });
    for (const t of top) expect(isContentNoun(t.word, t.tag)).toBe(true);
    // 工作 stands in both documents, 农村 in one: a word in every document has idf 1.
    const both = report.documents[1]!.parts[0]!.top!.find((t) => t.df === 2);
    if (both) expect(both.tfidf).toBeCloseTo(both.share, 7);
    expect(top[0]!.tfidf).toBeCloseTo(top[0]!.share * (Math.log(3 / 2) + 1), 7);
  });
});

describe('output shapes', () => {
  const counts = counted(REPORT, 'role').counts;
  const report = termsReport([counts], { dictionary: 'shipped', by: 'role', groups: GROUPS, top: null });

  it('CSV: one tidy row per document, part, group total and keyword', () => {
    const rows = termsCsv(report).trimEnd().split('\n');
    expect(rows[0]).toBe('file,year,province,city,district,level,doc_type,part,part_title,group,keyword,count,occurrences,words,per_10k,share');
    const perPart = GROUPS.length + KEYWORDS.length;
    expect(rows.length - 1).toBe(counts.parts.length * perPart);
    const cells = rows.map((r) => r.split(','));
    expect(cells.every((c) => c.length === 16)).toBe(true);
    expect(cells.filter((c) => c[10] === '*').map((c) => `${c[7]}:${c[9]}`).slice(0, 4)).toEqual(['review:环境', 'review:数字', 'plan:环境', 'plan:数字']);
  });

  it('JSON: documents, parts, groups and keywords with their hits', () => {
    const json = JSON.parse(JSON.stringify(report));
    expect(Object.keys(json)).toEqual(['dictionary', 'by', 'denominator', 'groups', 'top', 'documents']);
    expect(Object.keys(json.documents[0])).toEqual(['file', 'title', 'year', 'region', 'level', 'docType', 'chars', 'words', 'parts']);
    expect(Object.keys(json.documents[0].parts[0].groups[0].keywords[0])).toEqual(['keyword', 'count', 'occurrences', 'per10k', 'share', 'hits']);
    const hits = json.documents[0].parts.flatMap((p: { groups: { keywords: { keyword: string; hits: { start: number; end: number }[] }[] }[] }) => p.groups.flatMap((g) => g.keywords.flatMap((k) => k.hits.map((h) => [k.keyword, REPORT.slice(h.start, h.end)]))));
    expect(hits.length).toBeGreaterThan(5);
    for (const [k, s] of hits) expect(s).toBe(k);
  });
});

describe('the user dictionary', () => {
  it('gives a keyword more weight than its pieces together, and at least its own', () => {
    // Total 10,000. AB as written (1) loses to A·B (0.3 × 0.3 = 0.09): it gets 900 + 1. CD keeps its 500, more
    // than C·D (0.1 × 0.1 -> 100 + 1). Q is unknown: it weighs as the smallest frequency (1), so QQ gets 0 + 1.
    const dict = 'AB 1 n\nA 3000 n\nB 3000 n\nCD 500 n\nC 1000 n\nD 1000 n\nX 1499 x\n';
    expect(userDictionary(dict, ['AB', 'CD', 'QQ'])).toBe('AB 901 n\nCD 500 n\nQQ 1 nz\n');
  });
});

describe('the parts counted by role', () => {
  it('are the sections\' roles as the extraction decided them: a heading on 今年 in a work report opens the plan', async () => {
    const { sectionRoles } = await import('../src/terms/index.js');
    const text = '2023年政府工作报告\n一、过去一年工作回顾\n（一）稳定经济运行\n经济平稳。\n二、对今年政府工作的建议\n（一）扩大国内需求\n扩大消费。\n';
    const result = assemble(run({ text }, { rules }));
    const roles = sectionRoles(result);
    expect(result.sections.map((s) => `${s.heading}=${roles.get(s.id)}`)).toEqual([
      '一、过去一年工作回顾=review', '（一）稳定经济运行=review', '二、对今年政府工作的建议=plan', '（一）扩大国内需求=plan',
    ]);
  });
});
