// HTML character entities a scraper left in a text (&ldquo;十一五&rdquo;, &mdash;, &#8220;). The view reads each as the
// character it stands for followed by fillers (stages/normalise.ts); names read out of the text (util/breaks.ts
// `written`) take that character too.

/** An entity by name, decimal or hexadecimal code (groups 1, 2, 3). Global: callers use it with `replace`. */
export const ENTITY = /&(?:([a-z]{2,6}\d{0,2})|#(\d{2,5})|#x([\da-f]{2,4}));/gi;

/** Named entities by name (lower case): the characters a scraped Chinese page writes so. A constant table. */
const NAMED: Readonly<Record<string, number>> = {
  ldquo: 0x201c, rdquo: 0x201d, lsquo: 0x2018, rsquo: 0x2019, mdash: 0x2014, ndash: 0x2013, hellip: 0x2026,
  middot: 0xb7, quot: 0x22, apos: 0x27, times: 0xd7, divide: 0xf7, permil: 0x2030, deg: 0xb0, plusmn: 0xb1,
  le: 0x2264, ge: 0x2265, bull: 0x2022, laquo: 0xab, raquo: 0xbb, sup2: 0xb2, sup3: 0xb3, frac12: 0xbd, yen: 0xa5
};

/**
 * The UTF-16 unit an entity stands for, or null: unknown names, and &lt; &gt; &amp; (which would make markup of
 * escaped text), control characters, surrogates and characters outside the BMP stay as written.
 */
export function entityCode(name: string | undefined, dec: string | undefined, hex: string | undefined): number | null {
  const code = name !== undefined ? (Object.hasOwn(NAMED, name.toLowerCase()) ? NAMED[name.toLowerCase()]! : null) : Number.parseInt(dec ?? hex!, dec !== undefined ? 10 : 16);
  return code === null || code < 0x20 || code === 0x26 || code === 0x3c || code === 0x3e || (code >= 0xd800 && code <= 0xdfff) || code > 0xffff ? null : code;
}

/** ENTITY at the start of a text (no `g` or `y`: it keeps no lastIndex between callers). */
const AT = new RegExp(`^${ENTITY.source}`, 'i');

/** The longest entity AT reads (&#x + 4 digits + ;, a name of 8 + & and ;). */
const LONGEST = 10;

/** The character the entity starting at `i` of `text` stands for, or null when none starts there. */
export function entityAt(text: string, i: number): string | null {
  const m = AT.exec(text.slice(i, i + LONGEST));
  const code = m ? entityCode(m[1], m[2], m[3]) : null;
  return code === null ? null : String.fromCharCode(code);
}
