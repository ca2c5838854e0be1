/**
 * `xs.map(f)`, filled by push. Where V8 optimises a call of `map` it may give a holey array where the unoptimised
 * call gave a packed one, and code reading the array (a stage's own, and the later stages') was then thrown away and
 * compiled again for the second kind. A pushed array is packed either way.
 */
export function packedMap<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!, i));
  return out;
}
