import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../shared/plan';
import { readDocNumber } from '../../../shared/plan/paragraphs';
import { doc, fixtureText, parseClean } from './helpers';

const BODY = ['一、任务', '1.甲。内容。(省财政厅负责)'];

describe('document number', () => {
  it.each([
    ['鲁政办字〔2016〕103号', '鲁政办字〔2016〕103号'],
    ['国办发[2013]18号', '国办发[2013]18号'],
    ['鲁政发〔2015〕26号', '鲁政发〔2015〕26号'],
    ['鲁政发(2015)26号', '鲁政发(2015)26号'],
    ['鲁政发（2015）26号', '鲁政发（2015）26号'],
    ['鲁政发［2015］26号', '鲁政发［2015］26号'],
    ['（国办发〔2016〕18号）', '国办发〔2016〕18号'],
    ['鲁政办字 〔２０１６〕 103号', '鲁政办字〔2016〕103号'],
  ])('reads %s on its own line', (line, expected) => {
    expect(readDocNumber(line)).toBe(expected);
  });

  it.each(['按照国办发〔2016〕18号要求', '鲁政办字〔2016〕', '2016年7月7日', '为贯彻落实《…》(国办发〔2016〕18号)要求,制定本计划。'])(
    'does not read %s as one',
    (line) => {
      expect(readDocNumber(line)).toBeNull();
    },
  );

  it('takes the document’s own number, not the ones cited in the text', () => {
    expect(parsePlanText(doc('某某方案', '为贯彻落实《意见》(国办发〔2016〕18号),制定本方案。', ...BODY)).plan.docNumber).toBeNull();
    const plan = parseClean(doc('某某方案', '鲁政发〔2015〕26号', '为贯彻落实《意见》(国办发〔2016〕18号),制定本方案。', ...BODY));
    expect(plan.docNumber).toBe('鲁政发〔2015〕26号');
    expect(plan.preamble).toBe('为贯彻落实《意见》(国办发〔2016〕18号),制定本方案。');
  });
});

describe('issuer and date', () => {
  it('reads a signature on two lines', () => {
    const plan = parseClean(doc('某某方案', '山东省人民政府办公厅', '2016年7月7日', ...BODY));
    expect([plan.issuer, plan.issuedOn]).toEqual(['山东省人民政府办公厅', '2016-07-07']);
  });

  it('reads a signature on one line, with or without a space', () => {
    for (const line of ['国务院办公厅　2013年3月5日', '国务院办公厅2013年3月5日', '国务院办公厅 2013 年 3 月 5 日']) {
      const plan = parseClean(doc('某某方案', line, ...BODY));
      expect([plan.issuer, plan.issuedOn], line).toEqual(['国务院办公厅', '2013-03-05']);
    }
  });

  it('reads dates written in Chinese numerals, and a signature after the body', () => {
    const plan = parseClean(fixtureText('standalone-plan.txt'));
    expect([plan.issuer, plan.issuedOn]).toEqual(['某某县人民政府', '2018-05-20']);
    expect(parseClean(doc('某某方案', ...BODY, '二〇一六年十二月三十一日')).issuedOn).toBe('2016-12-31');
  });

  it('falls back to the notice title and the 印发 line', () => {
    const plan = parseClean(doc('山东省人民政府办公厅关于印发某某方案的通知', '某某方案', ...BODY, '山东省人民政府办公厅2016年7月8日印发'));
    expect([plan.issuer, plan.issuedOn]).toEqual(['山东省人民政府办公厅', '2016-07-08']);
    const printedOnly = parseClean(doc('某某方案', ...BODY, '某某市人民政府办公室 2016年7月8日印发'));
    expect([printedOnly.issuer, printedOnly.issuedOn]).toEqual(['某某市人民政府办公室', '2016-07-08']);
  });

  it('leaves issuer and date empty when the text has neither', () => {
    const plan = parseClean(doc('某某方案', ...BODY));
    expect([plan.issuer, plan.issuedOn]).toEqual([null, null]);
  });

  it('does not take a plan title above a date line for the issuer', () => {
    const plan = parseClean(doc('某某行动计划', '2016年7月7日', ...BODY));
    expect([plan.title, plan.issuer, plan.issuedOn]).toEqual(['某某行动计划', null, '2016-07-07']);
  });
});

describe('titles, notice and preamble', () => {
  it('joins a title split over lines, including a (2018—2020年) line', () => {
    expect(parseClean(fixtureText('standalone-plan.txt')).title).toBe('某某县农村人居环境整治三年行动方案(2018—2020年)');
  });

  it('does not take a run of more than four short lines for a title', () => {
    const result = parsePlanText(doc('甲', '乙', '丙', '丁', '戊', ...BODY));
    expect(result.plan.title).toBeNull();
    expect(result.plan.preamble).toBe('甲\n乙\n丙\n丁\n戊');
    expect(result.warnings.map((w) => w.code)).toEqual(['plan.title_missing']);
  });

  it('separates the covering notice from the plan', () => {
    const plan = parseClean(fixtureText('groups-fullwidth.txt'));
    expect(plan.noticeTitle).toBe('国务院办公厅关于印发某某工作方案的通知');
    expect(plan.title).toBe('某某工作方案');
    expect(plan.noticeText).toBe(
      '各省、自治区、直辖市人民政府,国务院各部委、各直属机构:\n《某某工作方案》已经国务院同意,现印发给你们,请认真贯彻执行。',
    );
    expect(plan.preamble).toBe('为做好某某工作,制定本方案。');
  });

  it('takes the plan title from the notice title when the plan has no title line', () => {
    const plan = parseClean(
      doc(
        '山东省人民政府办公厅关于印发《某某行动计划》的通知',
        '鲁政办字〔2016〕103号',
        '各市人民政府:',
        '现将《某某行动计划》印发给你们。',
        '山东省人民政府办公厅',
        '2016年7月7日',
        '为做好某某工作,制定本计划。',
        ...BODY,
      ),
    );
    expect(plan.title).toBe('某某行动计划');
    expect(plan.noticeText).toBe('各市人民政府:\n现将《某某行动计划》印发给你们。');
    expect(plan.preamble).toBe('为做好某某工作,制定本计划。');
  });

  it('uses a notice’s own title when the notice itself is the plan', () => {
    const plan = parseClean(doc('某某市人民政府关于加强某某工作的通知', '各区人民政府:', '为加强某某工作,现通知如下:', ...BODY));
    expect([plan.title, plan.noticeTitle]).toEqual(['某某市人民政府关于加强某某工作的通知', '某某市人民政府关于加强某某工作的通知']);
    expect(plan.issuer).toBe('某某市人民政府');
    expect(plan.noticeText).toBe('各区人民政府:\n为加强某某工作,现通知如下:');
  });
});
