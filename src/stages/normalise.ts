import type { Doc, Stage } from '../document.js';

/**
 * One character in, one character out: full-width ASCII (U+FF01–FF5E) to ASCII, odd spaces to a plain space,
 * ideographic full stop variants left alone. Code points outside the BMP are two UTF-16 units and stay as they are,
 * so the view has exactly the original's length and every offset in it is an offset in the original.
 */
function mapChar(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  if (code === 0x3000 || code === 0x00a0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f) return 0x20;
  if (code === 0x2014 || code === 0x2013 || code === 0x2015 || code === 0x2212 || code === 0xfe63) return code; // dashes kept
  return code;
}

export function normaliseText(text: string): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = mapChar(code);
    if (mapped !== code) {
      out += text.slice(runStart, i) + String.fromCharCode(mapped);
      runStart = i + 1;
    }
  }
  return out + text.slice(runStart);
}

export const normalise: Stage = (doc): Doc => ({ ...doc, view: normaliseText(doc.text) });
