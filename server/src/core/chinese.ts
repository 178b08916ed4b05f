// Character classes and numeral helpers shared by the parser and the rules.

/** Han ideographs, including the astral extension planes (𠮷). Use with the `u` flag. */
export const HAN = String.raw`\p{Script=Han}`;

/** Punctuation that ends a sentence or a clause after which a new measure (一是/二是) may begin. */
export const SENTENCE_END = '。！？；：，';

/** Whitespace as it appears in drafts: ASCII, no-break and the ideographic space, and a stray BOM. */
export const BLANK_CHARS = ' \t\u00a0\u3000\ufeff';

export function isBlankChar(char: string): boolean {
  return BLANK_CHARS.includes(char);
}

/**
 * `isBlankChar` by UTF-16 code. Hot loops read `text.charCodeAt(i)` rather than `text[i]`: on CJK text every
 * `text[i]` allocates a one-character string.
 */
export function isBlankCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000 || code === 0xfeff;
}

/**
 * A set of characters of the Basic Multilingual Plane, tested by UTF-16 code. The parser and the hot rules ask
 * it once or more per character; a `Set<number>` answers through a hash lookup in a builtin (about 10 ns), this
 * bitmap of all 65,536 codes (8 KB) by one array read.
 */
export class CodeSet {
  private readonly bits = new Uint32Array(0x10000 >>> 5);

  constructor(chars: string) {
    for (const char of chars) {
      const code = char.codePointAt(0)!;
      if (code > 0xffff) throw new Error(`CodeSet holds BMP characters only, not ${char}`);
      this.bits[code >>> 5] |= 1 << (code & 31);
    }
  }

  /** Whether the set holds `code`; false for anything but a BMP code (-1 or NaN past the text, astral code points). */
  has(code: number): boolean {
    return code >= 0 && code <= 0xffff && (this.bits[code >>> 5] & (1 << (code & 31))) !== 0;
  }
}

/** Full-width forms (Ａ ０ ％ …, U+FF01–U+FF5E) lie this far above their ASCII characters. */
const FULLWIDTH_OFFSET = 0xfee0;

/** The text with its full-width ASCII forms (`２０２４`, `ＳＱＬ`, `％`) written half-width; anything else kept. */
export function toHalfwidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, char => String.fromCharCode(char.charCodeAt(0) - FULLWIDTH_OFFSET));
}

const DIGITS = '零一二三四五六七八九';

/** Value of a Chinese numeral of one to three characters as used by measure markers (一 … 九十九), or 0. */
export function parseChineseNumeral(numeral: string): number {
  if (numeral.length === 1) {
    if (numeral === '十') return 10;
    const digit = DIGITS.indexOf(numeral);
    return digit > 0 ? digit : 0;
  }
  const ten = numeral.indexOf('十');
  if (ten < 0 || numeral.indexOf('十', ten + 1) >= 0) return 0;
  const tens = ten === 0 ? 1 : DIGITS.indexOf(numeral.slice(0, ten));
  const ones = ten === numeral.length - 1 ? 0 : DIGITS.indexOf(numeral.slice(ten + 1));
  if (tens <= 0 || ones < 0 || numeral.length - ten > 2 || ten > 1) return 0;
  return tens * 10 + ones;
}

/** The Chinese numeral for 1 … 99, as written in measure markers (十一, 二十). */
export function formatChineseNumeral(value: number): string {
  return NUMERALS[value] ?? numeralOf(value);
}

function numeralOf(value: number): string {
  if (value < 10) return DIGITS[value];
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + (ones ? DIGITS[ones] : '');
}

/** The numerals of 0 … 99 made once: each character picked from DIGITS would be a new string every time. */
const NUMERALS: readonly string[] = Array.from({ length: 100 }, (_, value) => numeralOf(value));
