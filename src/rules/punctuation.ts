import { edgeUnits } from './regex-ast.js';

/**
 * The kinds of punctuation a character can be, as bits (rules/headings.yaml `sentenceEnd` and `clausePunctuation`).
 * Code asks for a kind, never for a character: `p.is(code, COMMA | SEMICOLON)`.
 */
/** Ends a sentence (headings.yaml `sentenceEnd`: 。!?). */
export const SENTENCE_END = 1;
/** The full stop of a statement (。), as a unit list or a title stops at it. */
export const FULL_STOP = 2;
/** A Latin full stop (.), which also writes a decimal point and a marker's dot. */
export const PERIOD = 4;
export const COMMA = 8;
export const SEMICOLON = 16;
export const COLON = 32;
/** The enumeration comma 、 between the items of a list. */
export const ENUMERATION = 64;
/** The marks that end a clause or a list item inside a sentence: , ; : 、 */
export const CLAUSE = COMMA | SEMICOLON | COLON | ENUMERATION;

/** The characters of each kind, as a rule file writes them (each a string of characters). */
export interface PunctuationChars {
  fullStop: string;
  period: string;
  comma: string;
  semicolon: string;
  colon: string;
  enumeration: string;
}

/** Punctuation by character code: one table read per character, compiled once with the rules. */
export class Punctuation {
  constructor(private readonly kinds: Uint8Array) {}

  /** Whether the character with this code is punctuation of one of the kinds in `mask`. */
  is(code: number, mask: number): boolean {
    return (this.kinds[code]! & mask) !== 0;
  }

  /** The first index in [from, end) of `text` holding punctuation of `mask`, or -1. */
  indexIn(text: string, from: number, end: number, mask: number): number {
    const stop = Math.min(end, text.length);
    for (let i = Math.max(0, from); i < stop; i++) if ((this.kinds[text.charCodeAt(i)]! & mask) !== 0) return i;
    return -1;
  }

  /** The last index in [start, end) of `text` holding punctuation of `mask`, or -1. */
  lastIndexIn(text: string, start: number, end: number, mask: number): number {
    for (let i = Math.min(end, text.length) - 1; i >= Math.max(0, start); i--) if ((this.kinds[text.charCodeAt(i)]! & mask) !== 0) return i;
    return -1;
  }

  /** Whether `text` holds punctuation of `mask`. */
  has(text: string, mask: number): boolean {
    return this.indexIn(text, 0, text.length, mask) >= 0;
  }
}

/**
 * The punctuation table: each character of the clause punctuation rule by its kind, and the characters the sentence
 * end pattern matches alone (those it can open a match with and matches whole) as SENTENCE_END.
 */
export function compilePunctuation(chars: PunctuationChars | null, sentenceEnd: RegExp | null): Punctuation {
  const kinds = new Uint8Array(0x10000);
  const mark = (text: string, bit: number) => {
    for (let i = 0; i < text.length; i++) kinds[text.charCodeAt(i)]! |= bit;
  };
  if (chars) {
    mark(chars.fullStop, FULL_STOP);
    mark(chars.period, PERIOD);
    mark(chars.comma, COMMA);
    mark(chars.semicolon, SEMICOLON);
    mark(chars.colon, COLON);
    mark(chars.enumeration, ENUMERATION);
  }
  if (sentenceEnd) {
    const flags = sentenceEnd.flags.replace(/[gy]/g, '');
    const whole = new RegExp(`^(?:${sentenceEnd.source})$`, flags);
    for (const code of edgeUnits(new RegExp(`^(?:${sentenceEnd.source})`, flags), 'first') ?? []) {
      if (whole.test(String.fromCharCode(code))) kinds[code]! |= SENTENCE_END;
    }
  }
  return new Punctuation(kinds);
}
