// GB/T 9704-2012 7.2.4: a document number (发文字号) is the issuing organ's code, the full year in hexagonal
// brackets 〔〕, and the serial number without 第 and without leading zeros: 区委办〔2024〕5号. Drafts often type
// [] 【】 （） or ﹝﹞ for the brackets, 05号 or 第5号 for the serial number.
//
// A candidate is read only where a Han character (the organ code) touches the opening bracket and the serial
// number with 号 follows the closing one, so a year in parentheses in running text (（2024）) and court case
// numbers (（2024）豫0106民初123号, where Han characters follow the bracket) are not document numbers.

import type { Rule } from '../rule';
import type { TextEdit } from '../types';
import { codePointBefore, isHan, onTextLine } from '../characters';

const RIGHT_OPEN = '〔';
const RIGHT_CLOSE = '〕';

/** Bracket, four-digit year, bracket, optional 第, serial number with its leading zeros, 号. */
const DOC_NUMBER = /([[［【（(﹝〔〖])((?:19|20)\d\d)([\]］】）)﹞〕〗])(第?)(0*)([1-9]\d{0,3})号/g;

/** 号楼, 号院, 号线: a building, courtyard or line number that merely follows a year in brackets. */
const NOT_A_DOCUMENT = /^(?:楼|院|线|门|库)/;

export const docNumber: Rule = {
  id: 'doc-number',
  severity: 'warning',
  fixable: true,
  description: {
    zh: '发文字号的年份用六角括号“〔〕”，序号不加“第”、不编虚位：区委办[2024]05号应为区委办〔2024〕5号',
    en: 'Document numbers put the year in hexagonal brackets 〔〕 and the serial number without 第 or leading zeros',
  },
  standard: { zh: 'GB/T 9704-2012 7.2.4（发文字号）', en: 'GB/T 9704-2012 7.2.4 (document number)' },
  supersedes: ['punct-halfwidth', 'punct-pair'],
  check({ text, document, report }) {
    DOC_NUMBER.lastIndex = 0;
    for (let match = DOC_NUMBER.exec(text); match; match = DOC_NUMBER.exec(text)) {
      const [whole, open, year, close, ordinalPrefix, zeros, serial] = match;
      const start = match.index;
      const end = start + whole.length;
      if (!isHan(codePointBefore(text, start)) || NOT_A_DOCUMENT.test(text.slice(end, end + 1)) || !onTextLine(document, start)) continue;
      const edits: TextEdit[] = [];
      const reasons: { zh: string[]; en: string[] } = { zh: [], en: [] };
      const closeAt = start + 1 + year.length;
      if (open !== RIGHT_OPEN || close !== RIGHT_CLOSE) {
        if (open !== RIGHT_OPEN) edits.push({ start, end: start + 1, text: RIGHT_OPEN });
        if (close !== RIGHT_CLOSE) edits.push({ start: closeAt, end: closeAt + 1, text: RIGHT_CLOSE });
        reasons.zh.push('年份用六角括号“〔〕”');
        reasons.en.push('the year goes in hexagonal brackets 〔〕');
      }
      const serialAt = closeAt + 1;
      if (ordinalPrefix) {
        edits.push({ start: serialAt, end: serialAt + 1, text: '' });
        reasons.zh.push('序号不加“第”');
        reasons.en.push('no 第 before the serial number');
      }
      if (zeros) {
        const zerosAt = serialAt + ordinalPrefix.length;
        edits.push({ start: zerosAt, end: zerosAt + zeros.length, text: '' });
        reasons.zh.push('序号不编虚位');
        reasons.en.push('no leading zeros');
      }
      if (edits.length === 0) continue;
      // The organ code is not quoted: where it begins cannot be told from the words before it (对照区委办).
      const correct = `${RIGHT_OPEN}${year}${RIGHT_CLOSE}${serial}号`;
      report({
        start: edits[0].start,
        end: edits[edits.length - 1].end,
        message: {
          zh: `发文字号“${whole}”应为“${correct}”：${reasons.zh.join('，')}（GB/T 9704-2012 7.2.4）`,
          en: `Write the document number "${whole}" as "${correct}": ${reasons.en.join('; ')}.`,
        },
        fix: edits,
      });
    }
  },
};
