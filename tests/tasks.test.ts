import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml as load } from '../src/util/yaml.js';
import { describe, expect, it } from 'vitest';
import { assemble } from '../src/assemble.js';
import { run } from '../src/api.js';
import { tasks as tasksStage } from '../src/extract/tasks.js';
import { NAMES_UNITS, OPEN_AT_END, scanListUnits, scanUnits } from '../src/extract/units/grammar.js';
import type { Table } from '../src/schema.js';
import { docOf, rules, SEEDS, SHARED } from './helpers.js';

const tasksOf = (text: string) => assemble(docOf(text)).tasks;
const roles = (text: string) => tasksOf(text).map((t) => [t.marker, t.title, t.lead, t.responsible, t.cooperating]);

describe('tasks: numbered lines with unit lists', () => {
  it('takes the section lead from the heading and splits 责任单位 on 、 and , keeping nested parentheses', () => {
    const text = '二、重点工作\n（一）建设现代服务业示范区（牵头单位：区商务局）\n'
      + '1.促进商贸提质增效。加快项目建设。（责任单位：区商务局、区委组织部（区人才办），相关街道办事处）\n'
      + '2.推动楼宇经济。新增总部企业。(责任单位:区城市管理局、区公安分局等相关部门)\n';
    expect(roles(text)).toEqual([
      ['1.', '促进商贸提质增效', ['区商务局'], ['区商务局', '区委组织部（区人才办）', '相关街道办事处'], []],
      ['2.', '推动楼宇经济', ['区商务局'], ['区城市管理局', '区公安分局等相关部门'], []],
    ]);
  });

  it('reads a number closed by a Chinese full stop (1。) as the marker of a task', () => {
    const text = '一、交通出行\n\n1。推动轨道交通加速成网,续建地铁10号线三期。(牵头单位:市住建局)\n\n2。打通中心城区“断头路”20条。(牵头单位:市住建局、市交通运输局)\n';
    expect(roles(text)).toEqual([
      ['1。', '推动轨道交通加速成网,续建地铁10号线三期', ['市住建局'], ['市住建局'], []],
      ['2。', '打通中心城区“断头路”20条', ['市住建局', '市交通运输局'], ['市住建局', '市交通运输局'], []],
    ]);
  });

  it('reads a part named by the unit leading its items (一、县发展改革局牵头工作(8项)): its numbered lines are that unit\'s tasks, no headings', () => {
    const text = '附件1\n2025年县政府工作报告任务清单\n一、县发展改革局牵头工作(2项)\n1.投资3000万元建设冷链物流基地。\n2.打造食用菌生产基地\n'
      + '二、县财政局牵头的重点任务\n1.盘活闲置国有资产。\n';
    const doc = docOf(text);
    // (附件1 opening the text labels it: no heading.)
    expect(doc.sections.map((s) => text.slice(s.heading.start, s.heading.end))).toEqual(['一、县发展改革局牵头工作(2项)', '二、县财政局牵头的重点任务']);
    expect(roles(text)).toEqual([
      ['1.', '投资3000万元建设冷链物流基地', ['县发展改革局'], [], []],
      ['2.', '打造食用菌生产基地', ['县发展改革局'], [], []],
      ['1.', '盘活闲置国有资产', ['县财政局'], [], []],
    ]);
    // A part whose parenthesis names a leader or a score, not a unit, keeps its numbered titles as headings.
    const scored = '一、政务服务（25分）\n1.平台建设\n完成平台升级。\n2.事项办理\n完成事项办理。\n';
    expect(docOf(scored).sections.map((s) => scored.slice(s.heading.start, s.heading.end))).toEqual(['一、政务服务', '1.平台建设', '2.事项办理']);
  });

  it('reads the numbered items of a notice\'s list of attachments as file names, not headings', () => {
    const text = '各乡镇人民政府：\n现将有关任务分解印发给你们，请认真抓好落实。\n附件：1.2025年县政府工作报告任务清单\n2.2025年十五件民盼实事任务分解\n'
      + '3.2025年县政府重点工作任务分解\n南河县人民政府办公室\n2025年5月18日\n附件1\n2025年县政府工作报告任务清单\n一、经济发展\n1.新建标准化厂房\n';
    const doc = docOf(text);
    expect(doc.sections.map((s) => text.slice(s.heading.start, s.heading.end))).toEqual(['附件1', '一、经济发展', '1.新建标准化厂房']);
  });

  it('keeps 及 and generic entries whole, and a section lead not named among the units stays in lead only', () => {
    const text = '（四）建设人文交流核心区(牵头单位:区委宣传部)\n12.提升开放水平。配合完成会议服务。(责任单位:区商务投资和促进局,相关部门及街道办事处)\n';
    expect(roles(text)).toEqual([['12.', '提升开放水平', ['区委宣传部'], ['区商务投资和促进局', '相关部门及街道办事处'], []]]);
  });

  it('gives the units of a labelled list the parts its verbs name (责任单位：A牵头，B、C配合; 部门分工：A牵头，B配合)', () => {
    const text = '一、主要目标\n1.地区生产总值增长6%以上。\n责任单位：省发展改革委牵头，省财政厅、省统计局配合。\n'
      + '2.城镇新增就业110万人。\n分管省领导：张三\n部门分工：省人力资源社会保障厅牵头，各地、各部门配合。\n';
    expect(roles(text)).toEqual([
      ['1.', '地区生产总值增长6%以上', ['省发展改革委'], ['省发展改革委'], ['省财政厅', '省统计局']],
      ['2.', '城镇新增就业110万人', ['省人力资源社会保障厅'], ['省人力资源社会保障厅'], ['各地', '各部门']],
    ]);
  });

  it('reads units that carry a task out by their duties (…按职责分工落实) as responsible, the numbered line a task', () => {
    const text = '二、重点任务\n（一）加快交通基础设施建设。推进重大项目建设。（省发展改革委、省交通运输厅按职责分工落实）\n';
    expect(roles(text)).toEqual([['（一）', '加快交通基础设施建设', [], ['省发展改革委', '省交通运输厅'], []]]);
  });

  it('reads a role verb after its manner (按职责分工配合, 按职能分工负责) as the verb: the manner is no part of a unit\'s name', () => {
    const text = '二、重点任务\n3.用好原产地规则。加快实施出口商自主声明制度。（某海关牵头，省贸促会、省商务厅按职责分工配合）\n'
      + '4.加强标准化建设。推动标准互认。（省市场监管局牵头，省科技厅按职能分工负责）\n';
    expect(roles(text)).toEqual([
      ['3.', '用好原产地规则', ['某海关'], ['某海关'], ['省贸促会', '省商务厅']],
      ['4.', '加强标准化建设', ['省市场监管局'], ['省科技厅'], []],
    ]);
  });

  it('keeps a task\'s 主办单位/协办单位 line near the end of a short text (no site footer: it names who assists)', () => {
    const text = '一、人居环境提升工程\n(1)实施老旧小区改造提升。完成老旧小区改造12个。\n主办单位:县城投公司,协办单位:住建局、凤城镇。\n'
      + '(2)提升人行桥景观。完成景观提升工程。\n主办单位:县建发公司,协办单位:住建局、水利局。\n';
    expect(roles(text)).toEqual([
      ['(1)', '实施老旧小区改造提升', ['县城投公司'], ['县城投公司'], ['住建局', '凤城镇']],
      ['(2)', '提升人行桥景观', ['县建发公司'], ['县建发公司'], ['住建局', '水利局']],
    ]);
  });

  it('reads a lead label with what the lead does in it (牵头考核单位) after a deadline in the same parenthesis', () => {
    const text = '一、政务服务（25分）\n1．各级政务服务事项全部开通全程网办。（5月底取得明显成效并持续推进，牵头考核单位：市审批服务局）\n'
      + '2．推动高频应用接入移动端。（持续推进，牵头考核部门：市工信局、市大数据中心）\n';
    expect(roles(text)).toEqual([
      ['1．', '各级政务服务事项全部开通全程网办', ['市审批服务局'], ['市审批服务局'], []],
      ['2．', '推动高频应用接入移动端', ['市工信局', '市大数据中心'], ['市工信局', '市大数据中心'], []],
    ]);
  });

  it('leaves the duty phrase that closes a unit list (…按职责分工负责) out of the last unit\'s name', () => {
    const text = '二、重点任务\n（一）建设现代流通体系。加快物流枢纽建设。〔责任单位：省发展改革委、省商务厅按职责分工负责。〕\n';
    expect(roles(text)).toEqual([['（一）', '建设现代流通体系', [], ['省发展改革委', '省商务厅'], []]]);
  });

  it('reads (A、B负责,排在第一位的部门为牵头部门,下同) and carries the first-is-lead rule on to later tasks', () => {
    const text = '四、主要任务\n1.拓展两个市场。推广试点。（税务总局、财政部负责，排在第一位的部门为牵头部门，下同）\n'
      + '2.提前适用政策。享受税收政策。（海关总署、财政部等有关部门负责）\n3.发展农机。加快推进。（农业农村部、科技部等负责）\n';
    expect(roles(text)).toEqual([
      ['1.', '拓展两个市场', ['税务总局'], ['税务总局', '财政部'], []],
      ['2.', '提前适用政策', ['海关总署'], ['海关总署', '财政部等有关部门'], []],
      ['3.', '发展农机', ['农业农村部'], ['农业农村部', '科技部'], []],
    ]);
  });

  it('reads a closing sentence of units (由A牵头，B、C配合。) but not a sentence about units', () => {
    const text = '一、重点任务\n1.新建改扩建中小学校20所，新增学位1.5万个。由市教育局牵头，市财政局、市自然资源和规划局配合。\n'
      + '2.强化统筹。各推进组牵头单位要充分发挥牵头协调作用，督促各责任单位完成各项工作。\n';
    expect(roles(text)).toEqual([['1.', '新建改扩建中小学校20所，新增学位1.5万个', ['市教育局'], ['市教育局'], ['市财政局', '市自然资源和规划局']]]);
  });

  it('reads units that close the line as a sentence or clauses: the numbered line is a task, not a heading', () => {
    const text = '二、重点任务\n（一）推动产业升级\n'
      + '3.壮大数字经济。新增数字经济企业30家。市工信局会同市发改局、市科技局负责。\n'
      + '4.保障要素供给。争取专项债券资金5亿元，由市财政局牵头，市发改局配合。\n'
      + '5.加强社区治理。推进村（社区）服务中心建设，新建示范点6个。市民政局、市司法局负责。\n';
    const doc = docOf(text);
    expect(doc.sections.map((s) => doc.view.slice(s.heading.start, s.heading.end))).toEqual(['二、重点任务', '(一)推动产业升级']);
    expect(roles(text)).toEqual([
      ['3.', '壮大数字经济', ['市工信局'], ['市工信局'], ['市发改局', '市科技局']],
      ['4.', '保障要素供给', ['市财政局'], ['市财政局'], ['市发改局']],
      ['5.', '加强社区治理', [], ['市民政局', '市司法局'], []],
    ]);
  });

  it('reads a numbered line with a body and a 责任单位: line below it as a task, not a heading', () => {
    const text = '（二）改善城乡环境\n6.推进城市更新。改造老旧小区15个。\n责任单位：市住建局、市自然资源局\n'
      + '7.加强生态保护。完成造林2万亩。\n牵头单位：市林业局\n责任单位：市水利局\n';
    const doc = docOf(text);
    expect(doc.sections).toHaveLength(1);
    expect(roles(text)).toEqual([
      ['6.', '推进城市更新', [], ['市住建局', '市自然资源局'], []],
      ['7.', '加强生态保护', ['市林业局'], ['市水利局'], []],
    ]);
  });

  it('reads a unit parenthesis holding parentheses of its own (县（市、区）政府负责落实) as the task\'s units', () => {
    const text = '（一）优化产业结构\n1.严格环境准入。落实高耗能行业准入条件。（市生态环境局牵头，市发改委等参与，县（市、区）政府负责落实。以下均需县（市、区）政府落实）\n';
    const doc = docOf(text);
    expect(roles(text)).toEqual([['1.', '严格环境准入', ['市生态环境局'], ['县（市、区）政府'], ['市发改委']]]);
    expect(doc.sections).toHaveLength(1);
  });

  it('reads a flattened task table whose units cell follows a body with a full stop: a task, not a heading', () => {
    const text = '某某区2024年重点工作任务分解表\n1.建设智慧城区。推进城区数字化改造。        区科信局\n'
      + '2.提升营商环境。推行一网通办。        区政务服务局、区市场监管局\n3.做好宣传。加强舆论引导。        广泛动员\n';
    const doc = docOf(text);
    expect(roles(text)).toEqual([
      ['1.', '建设智慧城区', [], ['区科信局'], []],
      ['2.', '提升营商环境', [], ['区政务服务局', '区市场监管局'], []],
    ]);
    // What follows the spaces in the third row names no unit: that row stays a heading.
    expect(doc.sections.map((x) => doc.text.slice(x.heading.start, x.heading.end))).toEqual(['3.做好宣传']);
  });

  it('reads a task table flattened with single spaces (序号 … 牵头负责部门, then serial, task, units): one task a row', () => {
    const text = '某某市2025年重点指标任务分工\n序号 工 作 任 务 牵头负责部门\n1 城镇新增就业1.2万人以上 市人力资源社会保障局\n'
      + '2 推进3个乡镇通天然气 市住房城乡建设局、市发展改革委\n\n3 市财政安排500万元专项资金 市财政局\n';
    const result = assemble(docOf(text));
    expect(result.tasks.map((t) => [t.marker, t.title, t.lead, t.responsible])).toEqual([
      ['1', '城镇新增就业1.2万人以上', ['市人力资源社会保障局'], ['市人力资源社会保障局']],
      ['2', '推进3个乡镇通天然气', ['市住房城乡建设局', '市发展改革委'], ['市住房城乡建设局', '市发展改革委']],
      ['3', '市财政安排500万元专项资金', ['市财政局'], ['市财政局']],
    ]);
    expect(result.tables.map((t) => [t.rule, t.columns.length, t.rows.length])).toEqual([['table.serial-rows', 3, 3]]);
    // The figures of the task cells: the noun after a count stops at the cell's end; a subject and its verb go.
    expect(result.quantities.map((q) => [q.core.text, q.indicator, q.task])).toEqual([
      ['1.2万人', '城镇新增就业', 't1'], ['3个', '乡镇通天然气', 't2'], ['500万元', '专项资金', 't3'],
    ]);
    // A numbered row whose last token is no unit ends the table; prose with spaces makes none.
    expect(assemble(docOf('序号 工作任务 责任单位\n1 推进改革 广泛动员\n2 加强宣传 积极参与\n')).tables).toEqual([]);
  });

  it('reads a numbered statement closed by its full stop with its units on the lines below as a task, not a heading', () => {
    const text = '一、经济社会发展的主要预期目标\n1.地区生产总值增长6%左右。\n牵头单位：区发改局\n责任单位：各街道\n2.居民收入增长与经济增长基本同步。\n牵头单位：区发改局\n责任单位：各街道，各相关单位\n';
    expect(roles(text)).toEqual([
      ['1.', '地区生产总值增长6%左右', ['区发改局'], ['各街道'], []],
      ['2.', '居民收入增长与经济增长基本同步', ['区发改局'], ['各街道', '各相关单位'], []],
    ]);
    expect(assemble(docOf(text)).sections.map((x) => x.heading)).toEqual(['一、经济社会发展的主要预期目标']);
  });

  it('reads a numbered title alone on its line, its body below and its unit lines after that as one task, not a heading', () => {
    const item = (n: string, title: string, lead: string) => `**${n}、 ${title}**\n\n全面完成重点县区农村危房改造工程，完成建档立卡户易地扶贫搬迁5593人，实现贫困家庭适龄儿童少年义务教育阶段零辍学，全面巩固提升脱贫成效。\n\n牵头单位：${lead}\n\n责任单位：各县（市）区政府、各开发（度假）区管委会\n\n`;
    const text = `附件1\n\n**某市2018年十件惠民实事**\n\n${item('一', '实施脱贫攻坚工程', '市扶贫办、市发改委')}${item('二', '实施交通基础设施建设', '市交运局')}${item('三', '推进城市公交建设', '市住建局')}`;
    expect(roles(text)).toEqual([
      ['一、', '实施脱贫攻坚工程', ['市扶贫办', '市发改委'], ['各县（市）区政府', '各开发（度假）区管委会'], []],
      ['二、', '实施交通基础设施建设', ['市交运局'], ['各县（市）区政府', '各开发（度假）区管委会'], []],
      ['三、', '推进城市公交建设', ['市住建局'], ['各县（市）区政府', '各开发（度假）区管委会'], []],
    ]);
    // Neither the titles nor the unit lines are headings (not even short standalone lines of a news page).
    expect(assemble(docOf(text)).sections).toEqual([]);
  });

  it('reads label lines under a task (牵头领导 and 完成时限 are not units) in a 任务分解方案', () => {
    const text = '某县2024年重点工作任务分解方案\n一、经济发展\n1.全年地区生产总值增长6.5%以上。\n牵头领导：张三\n牵头单位：县发展改革局\n'
      + '责任单位：县统计局、县财政局，各乡镇人民政府\n完成时限：2024年12月底\n2.新增规模以上工业企业10家。\n牵头领导：李四\n牵头单位：县工业和信息化局\n配合单位：县市场监管局\n';
    const doc = docOf(text);
    expect(doc.meta.docType).toBe('task-notice');
    expect(roles(text)).toEqual([
      ['1.', '全年地区生产总值增长6.5%以上', ['县发展改革局'], ['县统计局', '县财政局', '各乡镇人民政府'], []],
      ['2.', '新增规模以上工业企业10家', ['县工业和信息化局'], ['县工业和信息化局'], ['县市场监管局']],
    ]);
  });

  it('reads 参加单位 (inline after 牵头单位, as a State Council division lists them) and the verb 参加 as cooperating', () => {
    const text = '某区近岸海域污染防治实施方案\n一、深化工业污染防治\n1.关闭非法排污企业。2018年底前，非法排污企业限期未能整改到位的，依法予以关闭。 牵头单位：区生态环境局 参加单位：区经济发展局，相关乡镇\n'
      + '2.开展重点排污行业整治。（区生态环境局牵头，区交通局参加）\n';
    expect(roles(text)).toEqual([
      ['1.', '关闭非法排污企业', ['区生态环境局'], ['区生态环境局'], ['区经济发展局', '相关乡镇']],
      ['2.', '开展重点排污行业整治', ['区生态环境局'], ['区生态环境局'], ['区交通局']],
    ]);
  });

  it('reads 协同单位 and 协同责任单位 lines as the cooperating units of the task above, not as tasks of their own', () => {
    const text = '关于落实2024年重点工作的通知\n\n一、扩大有效投资\n1.推进重大项目建设，全年完成投资120亿元。\n牵头单位：市发展改革委\n'
      + '协同责任单位：市财政局、市自然资源局\n2.实施城市更新行动，改造老旧小区30个。\n牵头单位：市住建局\n协同单位：各区人民政府\n';
    expect(roles(text)).toEqual([
      ['1.', '推进重大项目建设，全年完成投资120亿元', ['市发展改革委'], ['市发展改革委'], ['市财政局', '市自然资源局']],
      ['2.', '实施城市更新行动，改造老旧小区30个', ['市住建局'], ['市住建局'], ['各区人民政府']],
    ]);
  });

  it('keeps a list inside 〔〕 whole (各县〔市、区〕人民政府) and reads (A牵头;B配合)', () => {
    const text = '二、降低企业经营成本\n5.力争新增贷款300亿元。（人民银行某某市分行牵头；各县〔市、区〕人民政府配合）\n';
    expect(roles(text)).toEqual([['5.', '力争新增贷款300亿元', ['人民银行某某市分行'], ['人民银行某某市分行'], ['各县〔市、区〕人民政府']]]);
  });

  it('without such a rule, a task with only responsible units and no section lead has no lead', () => {
    expect(roles('1.简化管理。实施便捷模式。（海关总署、商务部负责）\n')).toEqual([['1.', '简化管理', [], ['海关总署', '商务部'], []]]);
  });

  it('reads X会同Y负责, X牵头 with Y配合, and X、Y牵头负责', () => {
    const text = '1.完善政策。加快制定。（发展改革委会同财政部、商务部负责）\n2.强化监管。加强检查。（市场监管局牵头，公安局、消防救援支队配合）\n'
      + '3.健全机制。建立协调机制。（农业农村部、工业和信息化部牵头负责）\n';
    expect(roles(text)).toEqual([
      ['1.', '完善政策', ['发展改革委'], ['发展改革委'], ['财政部', '商务部']],
      ['2.', '强化监管', ['市场监管局'], ['市场监管局'], ['公安局', '消防救援支队']],
      ['3.', '健全机制', ['农业农村部', '工业和信息化部'], ['农业农村部', '工业和信息化部'], []],
    ]);
  });

  it('reads each measure of an unnumbered paragraph closed by its own units as a task, and X指导 as responsible', () => {
    const text = '（一）推动源头减量\n推行绿色设计，培育示范企业。（工业和信息化部、商务部指导）建立回收体系，落实生产者责任。（国家发展改革委、生态环境部指导）\n'
      + '健全标准体系。完善综合利用标准。（市场监管总局负责，工业和信息化部配合）\n';
    const found = tasksOf(text);
    expect(found.map((t) => [t.marker, t.title, t.responsible, t.cooperating])).toEqual([
      [null, '推行绿色设计，培育示范企业', ['工业和信息化部', '商务部'], []],
      [null, '建立回收体系，落实生产者责任', ['国家发展改革委', '生态环境部'], []],
      [null, '健全标准体系', ['市场监管总局'], ['工业和信息化部']],
    ]);
    expect(found.map((t) => t.text)).toEqual([
      '推行绿色设计，培育示范企业。（工业和信息化部、商务部指导）', '建立回收体系，落实生产者责任。（国家发展改革委、生态环境部指导）', '健全标准体系。完善综合利用标准。（市场监管总局负责，工业和信息化部配合）',
    ]);
  });

  it('splits a numbered item whose measures each close with their own units, the marker going with the first', () => {
    const text = '1.推行绿色设计。（商务部指导）建立回收体系，落实责任。（生态环境部负责）\n2.完善标准。（市场监管总局负责）\n';
    const found = tasksOf(text);
    expect(found.map((t) => [t.marker, t.title, t.responsible])).toEqual([
      ['1.', '推行绿色设计', ['商务部']],
      [null, '建立回收体系，落实责任', ['生态环境部']],
      ['2.', '完善标准', ['市场监管总局']],
    ]);
    expect(found.map((t) => t.text)).toEqual(['1.推行绿色设计。（商务部指导）', '建立回收体系，落实责任。（生态环境部负责）', '2.完善标准。（市场监管总局负责）']);
    // Labelled fields closed by 。 are one item's units, not measures of their own.
    expect(roles('1.推进数字政府建设。牵头单位：市数据局。责任单位：各区政府。\n')).toEqual([['1.', '推进数字政府建设', ['市数据局'], ['各区政府'], []]]);
  });

  it('attaches 牵头单位:/责任单位: lines below a target line, which is itself the task', () => {
    const text = '一、主要目标\n（一）地区生产总值增长7%以上\n牵头单位：区发展改革局\n责任单位：区统计局、各街道办事处\n（二）固定资产投资增长10%\n责任单位:区住房城乡建设局\n';
    const found = tasksOf(text);
    expect(found.map((t) => [t.marker, t.title, t.lead, t.responsible])).toEqual([
      ['（一）', '地区生产总值增长7%以上', ['区发展改革局'], ['区统计局', '各街道办事处']],
      ['（二）', '固定资产投资增长10%', [], ['区住房城乡建设局']],
    ]);
    expect(found[0]!.text).toBe('（一）地区生产总值增长7%以上\n牵头单位：区发展改革局\n责任单位：区统计局、各街道办事处');
  });

  it('reads a 牵头单位: line right below a heading as the lead of the section when tasks follow', () => {
    const text = '（一）优化营商环境\n牵头单位：区政务服务局\n1.深化改革。推进一网通办。\n2.提升服务。压缩办理时限。（责任单位：区市场监管局）\n';
    const doc = docOf(text);
    expect(doc.sectionLeads.get(doc.sections[0]!.id)).toEqual(['区政务服务局']);
    expect(assemble(doc).tasks.map((t) => [t.title, t.lead, t.responsible, t.rule])).toEqual([
      ['深化改革', ['区政务服务局'], [], 'task.section-lead'],
      ['提升服务', ['区政务服务局'], ['区市场监管局'], 'units.label.responsible'],
    ]);
  });
});

describe('tasks: what is not a task', () => {
  it('finds none in numbered items that name no units, nor in parentheses that are not unit lists', () => {
    const text = '一、2024年工作安排\n（一）扩大有效投资。新开工项目45项。\n1.城市道路建设项目45项,年度计划投资15.92亿元;\n2.加强监管。依法查处（按规定负责）。\n由区发展改革局牵头,定期跟踪工作开展情况。\n';
    expect(tasksOf(text)).toEqual([]);
  });

  it('ignores lists under labels that name people or dates', () => {
    expect(tasksOf('1.推进改革。(责任领导:张三;完成时限:2022年底)\n')).toEqual([]);
  });
});

describe('tasks: spans and ids', () => {
  it('gives ids in document order, the innermost section, and spans that slice to the text', () => {
    const text = '（一）建设示范区（牵头单位：区商务局）\r\n1.促进消费。开展活动。（责任单位：区商务局）\r\n22. 发展数字经济。打造园区。（责任单位：区科信局）\r\n';
    const found = tasksOf(text);
    expect(found.map((t) => [t.id, t.section, t.marker, t.title])).toEqual([['t1', 's1', '1.', '促进消费'], ['t2', 's1', '22.', '发展数字经济']]);
    for (const t of found) expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
    expect(found[1]!.span.line).toBe(3);
  });
});

describe('tasks: tables with a unit column', () => {
  it('makes one task per row that names units, with the task column as title', () => {
    const text = '附表\n序号  工作任务  责任单位\n1  建设智慧城区。推进改造。  区科信局、区城市管理局\n';
    const doc = run({ text }, { rules });
    const at = (s: string) => {
      const start = text.indexOf(s);
      return { text: s, span: { start, end: start + s.length, line: 3, column: start - text.lastIndexOf('\n', start) } };
    };
    const cell = (column: number, s: string) => ({ column, ...at(s), value: null, comparator: null, unit: null, measure: null, merged: false });
    const column = (header: string) => ({ path: [header], kind: 'label', year: null, role: null, measure: null, unit: null });
    const row = '1  建设智慧城区。推进改造。  区科信局、区城市管理局';
    const table = {
      id: 'table1', section: null, label: '附表', title: null, unit: null, ...at(text.trim()), rule: 'test',
      columns: [column('序号'), column('工作任务'), column('责任单位')],
      rows: [{ label: null, span: at(row).span, cells: [cell(0, '1'), cell(1, '建设智慧城区。推进改造。'), cell(2, '区科信局、区城市管理局')] }],
    } as unknown as Table;
    const out = tasksStage({ ...doc, tasks: [], tables: [table] }, { rules });
    expect(out.tasks.map((t) => [t.marker, t.title, t.responsible, t.rule])).toEqual([['1', '建设智慧城区', ['区科信局', '区城市管理局'], 'task.table']]);
    expect(out.tasks[0]!.text).toBe(row);
  });

  it('reads who does what inside a unit cell: (牵头)/(配合) marks, A牵头,B配合, A会同B负责, labels that stop at the cell', () => {
    const text = ['某区2026年民生实事项目任务清单', '序号 | 项目名称 | 建设内容 | 责任单位 | 完成时限',
      '1 | 学校建设 | 新建学校2所 | 区教育局（牵头）、区财政局 | 2026年8月底',
      '2 | 小区改造 | 改造小区30个 | 区住建局（牵头），各街道办事处配合 | 2026年12月底',
      '3 | 供水保障 | 改造管网20公里 | 区水利局（牵头）、区住建局（配合） | 2026年12月底',
      '4 | 健身设施 | 新建健身路径40处 | 区文体局会同区城管局负责 | 2026年11月底',
      '5 | 养老服务 | 建设养老服务中心3个 | 牵头单位：区民政局；配合单位：区财政局、各街道办事处 | 2026年11月底', ''].join('\n');
    expect(roles(text)).toEqual([
      ['1', '学校建设', ['区教育局'], ['区教育局', '区财政局'], []],
      ['2', '小区改造', ['区住建局'], ['区住建局'], ['各街道办事处']],
      ['3', '供水保障', ['区水利局'], ['区水利局'], ['区住建局']],
      ['4', '健身设施', ['区文体局'], ['区文体局'], ['区城管局']],
      ['5', '养老服务', ['区民政局'], ['区民政局'], ['区财政局', '各街道办事处']],
    ]);
  });
});

describe('tasks: seed 000', () => {
  const result = assemble(run({ path: join(SEEDS, '000_8e5208af9c013f38.txt') }, { rules }));
  it('finds the 25 numbered tasks, each with its section lead, and the closing paragraph that names its lead (由区发展改革局牵头,…)', () => {
    expect(result.tasks).toHaveLength(26);
    expect(result.tasks.slice(0, 25).map((t) => t.marker)).toEqual(Array.from({ length: 25 }, (_, i) => `${i + 1}.`));
    expect(result.tasks[25]).toMatchObject({ marker: null, lead: ['区发展改革局'], responsible: ['区发展改革局'], rule: 'task.opening-units' });
    expect(result.tasks[3]!.lead).toEqual(['区科信局']);
    expect(result.tasks[24]!.responsible).toEqual(['区政务服务局', '区市场监管局', '区住房城乡建设局', '区司法局等相关部门']);
    expect(result.sections.filter((s) => s.lead.length)).toHaveLength(9);
  });
});

interface GoldTask { marker: string; title: string; lead: string[]; responsible: string[]; cooperating: string[] }
interface Gold { file: string; passages?: { start: number; end: number; tasks?: GoldTask[] }[] }
const goldFiles = [['seeds', 'gold/000_8e5208af9c013f38.yaml'], ['corpus', 'corpus/gold/c035.yaml']] as const;

describe.skipIf(!existsSync(join(SHARED, 'gold')))('tasks: gold passages', () => {
  for (const [dir, file] of goldFiles) {
    it(`matches every task of ${file}`, () => {
      const gold = load(readFileSync(join(SHARED, file), 'utf8')) as Gold;
      const result = assemble(run({ path: join(SHARED, dir, gold.file) }, { rules }));
      for (const p of gold.passages ?? []) {
        const got = result.tasks.filter((t) => t.span.start >= p.start && t.span.start < p.end);
        expect(got.map((t) => t.marker)).toEqual((p.tasks ?? []).map((t) => t.marker));
        got.forEach((t, i) => {
          const want = p.tasks![i]!;
          // An unquoted ASCII comma inside a YAML flow mapping cuts a gold title short (21. 完善市政基础设施,补齐配套短板).
          expect(t.title.startsWith(want.title)).toBe(true);
          expect([t.lead, t.responsible, t.cooperating]).toEqual([want.lead, want.responsible, want.cooperating]);
        });
      }
    });
  }
});

describe('tasks: the stage adds its own fields only', () => {
  it('leaves sections and organisations as they were, and names the section leads and every unit it read', () => {
    const text = '（一）优化营商环境（牵头单位：区政务服务局）\n1.深化改革。推进一网通办。（责任单位：区市场监管局、区政务服务局）\n';
    const doc = docOf(text);
    const before = { ...doc, tasks: [], sectionLeads: new Map(), units: [], organizations: [] };
    const sections = structuredClone(before.sections);
    const after = tasksStage(before, { rules });
    expect(after.sections).toBe(before.sections);
    expect(before.sections).toEqual(sections);
    expect(after.organizations).toEqual([]);
    expect([...after.sectionLeads]).toEqual([[doc.sections[0]!.id, ['区政务服务局']]]);
    expect(after.units.map((u) => [u.name, text.slice(u.start, u.end)])).toEqual([
      ['区政务服务局', '区政务服务局'],
      ['区市场监管局', '区市场监管局'],
      ['区政务服务局', '区政务服务局'],
    ]);
    expect(assemble(doc).sections[0]!.lead).toEqual(['区政务服务局']);
  });
});

describe('tasks: the unit-word scan', () => {
  const g = rules.organizations.compiled;
  const scan = (text: string) => scanUnits(text, 0, text.length, g);

  it('finds a label or verb word, also broken over a line or spaced out, and no word where none is written', () => {
    expect(scan('推进一网通办。（责任单位：区政务服务局）') & NAMES_UNITS).toBe(NAMES_UNITS);
    expect(scan('由区教育局牵\n头，区财政局配合') & NAMES_UNITS).toBe(NAMES_UNITS);
    expect(scan('（牵 头 单 位：区商务局）') & NAMES_UNITS).toBe(NAMES_UNITS);
    expect(scan('落实落细各项政策，实施重点项目80个（2024年）') & NAMES_UNITS).toBe(0);
    expect(scan('牵') & NAMES_UNITS).toBe(0);
  });

  it('tells a parenthesis still open at the end', () => {
    // The scan reads the view, where full-width brackets are folded to ( and ).
    expect(scan('提高到30%。(责任') & OPEN_AT_END).toBe(OPEN_AT_END);
    expect(scan('提高到30%(含)。') & OPEN_AT_END).toBe(0);
    expect(scan('区委组织部(区人才办)负责)') & OPEN_AT_END).toBe(0);
  });

  it('a block without a unit word names no units, one broken over a line still does', () => {
    expect(roles('1.深化改革。推进一网通办，落实实施方案。\n')).toEqual([]);
    expect(roles('1.深化改革。推进一网通办。（区政务服务局牵\n头，区市场监管局配合）\n')).toEqual([
      [null, '推进一网通办', ['区政务服务局'], ['区政务服务局'], ['区市场监管局']],
    ]);
  });

  it('without ( or :, a stretch may hold a list only where its last sentence ends in a role verb', () => {
    const list = (text: string) => scanListUnits(text, 0, text.length, g) & NAMES_UNITS;
    expect(list('新增学位2400个。由县教育局牵头，县财政局配合。')).toBe(NAMES_UNITS);
    expect(list('新增学位2400个，县民政局、县司法局负责 。\n')).toBe(NAMES_UNITS);
    expect(list('县教育局负责推进改革。')).toBe(0);
    expect(list('推进改革(县教育局负责推进)。')).toBe(NAMES_UNITS);
    expect(roles('1.新增学位2400个。由县教育局牵头，县财政局配合。\n')).toEqual([['1.', '新增学位2400个', ['县教育局'], ['县教育局'], ['县财政局']]]);
    expect(roles('1.新增学位2400个。县教育局负责推进改革。\n')).toEqual([]);
  });
});

describe('tasks: supporting units', () => {
  it('reads 支撑单位 as cooperating units, apart from the lead units before it', () => {
    const text = '关于印发某区2025年工作计划的通知\n一、主要任务\n1.推进城市更新，完成旧改10万平方米。（牵头单位：区住建委、区规划局，支撑单位：区财政局、区发改委）\n2.优化营商环境，新增市场主体2000户。（牵头单位：区市场监管局，支撑单位：区商务委）\n';
    const tasks = docOf(text).tasks;
    expect(tasks.map((t) => [t.lead, t.responsible, t.cooperating])).toEqual([
      [['区住建委', '区规划局'], ['区住建委', '区规划局'], ['区财政局', '区发改委']],
      [['区市场监管局'], ['区市场监管局'], ['区商务委']],
    ]);
  });
});

describe('tasks: a numbered title, its body and a line of units in parentheses', () => {
  it('reads （一）title / body / （责任单位：…） as one task of that marker and title, no heading', () => {
    const text = '关于印发《某区可再生能源发展行动方案》的通知\n一、主要任务\n\n（一）全面实施“光伏+”专项工程\n\n结合空间资源，推进光伏建设，新增光伏装机5万千瓦。\n\n（责任单位：区发展改革委、区建管委）\n\n（二）开展新建建筑光伏项目建设工程\n\n落实新建建筑屋顶安装光伏的要求。\n\n（责任单位：区建管委）\n';
    const doc = docOf(text);
    expect(doc.sections.map((s) => doc.view.slice(s.title.start, s.title.end))).toEqual(['主要任务']);
    expect(doc.tasks.map((t) => [t.marker, t.title, t.responsible])).toEqual([
      ['（一）', '全面实施“光伏+”专项工程', ['区发展改革委', '区建管委']], ['（二）', '开展新建建筑光伏项目建设工程', ['区建管委']],
    ]);
  });
});

describe('tasks: units named as the subject of their duty', () => {
  const NOTICE = '某区应急避难场所建设实施方案\n一、工作目标\n到2025年，全区建成应急避难场所20个。\n二、职责分工\n';
  const rows = (text: string) => docOf(text).tasks.map((t) => [t.marker, t.title, t.lead, t.responsible, t.cooperating, t.rule]);

  it('reads a paragraph of a task notice that opens with its units (A、B负责…, A：负责…, A牵头…) as a task, its title the whole opening phrase', () => {
    const text = `${NOTICE}区民防办：负责制定区级应急避难场所专业规划和年度建设计划。\n区财政局、区发改委负责落实项目所需经费。\n区应急管理局牵头开展联合验收。\n各属地街道负责排摸辖区内场所底数。\n`;
    expect(rows(text)).toEqual([
      [null, '区民防办：负责制定区级应急避难场所专业规划和年度建设计划', [], ['区民防办'], [], 'task.opening-units'],
      [null, '区财政局、区发改委负责落实项目所需经费', [], ['区财政局', '区发改委'], [], 'task.opening-units'],
      [null, '区应急管理局牵头开展联合验收', ['区应急管理局'], ['区应急管理局'], [], 'task.opening-units'],
      [null, '各属地街道负责排摸辖区内场所底数', [], ['各属地街道'], [], 'task.opening-units'],
    ]);
  });

  it('reads a numbered item whose title names its unit and whose text opens with its duty (1.街道消委办。牵头开展… 2.派出所。配合开展…)', () => {
    const text = `${NOTICE}1.街道消委办。牵头开展独居老人消防安全关爱工作。\n2.派出所。配合开展独居老人消防安全关爱工作，负责消防检查。\n3.居委会。具体负责本辖区独居老人的排摸登记。\n`
      + '4.建管中心。积极依托“红色物业”创建工作，协同开展排查。\n三、工作要求\n1.加强领导。各部门要高度重视。\n2.信息中心。做好数据汇总。\n';
    // The unit the title names leads where its text says so, else it is responsible, whatever verb follows; under a
    // part dividing the duties (二、职责分工) its text need not open with a duty word; elsewhere it must.
    expect(rows(text)).toEqual([
      ['1.', '街道消委办', ['街道消委办'], ['街道消委办'], [], 'task.opening-units'],
      ['2.', '派出所', [], ['派出所'], [], 'task.opening-units'],
      ['3.', '居委会', [], ['居委会'], [], 'task.opening-units'],
      ['4.', '建管中心', [], ['建管中心'], [], 'task.opening-units'],
    ]);
  });

  it('reads the units after a numbered item\'s run-in title ((一）科学规划。各镇政府、街道办事处应…)', () => {
    const text = `${NOTICE}（一）科学规划，合理布局。各镇政府、街道办事处应按照规划要求，做好场所选址。\n`;
    expect(rows(text)).toEqual([['（一）', '科学规划，合理布局', [], ['各镇政府', '街道办事处'], [], 'task.opening-units']]);
  });

  it('reads no task from the whole area, generic units exhorted (各地、各部门要…), a person in charge (负责人), a subject running into its predicate or over a comma', () => {
    const text = `${NOTICE}全区要加快推进应急避难场所建设。\n各地、各部门要高度重视。\n规建生态办负责人为联络员。\n各居村、相关单位提供参与排查的人员清单。\n市财政局将资金统一拨付给市电力公司，市电力公司负责发放。\n`;
    expect(rows(text)).toEqual([]);
  });

  it('reads none outside a task notice (a policy\'s 各级担保机构要…, a work report\'s 县财政局负责…)', () => {
    expect(rows('国务院关于支持小微企业融资的指导意见\n一、聚焦支小支农\n各级政府性融资担保机构要重点支持小微企业。\n').length).toBe(0);
    expect(rows('2024年某县政府工作报告\n一、2023年工作回顾\n县财政局负责落实资金1亿元。\n').length).toBe(0);
  });
});
