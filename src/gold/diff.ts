/** Differences between two JSON values, as `path: expected X, got Y` lines. */
export interface Diff {
  /** The first differences in document order, at most the limit given. */
  lines: string[];
  /** How many differences there are in all. */
  total: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MISSING = Symbol('missing');

function show(value: Json | typeof MISSING): string {
  if (value === MISSING) return '(missing)';
  if (Array.isArray(value)) return `[${value.length} items]`;
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const keyPath = (path: string, key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path ? `${path}.` : ''}${key}` : `${path}[${JSON.stringify(key)}]`);

/**
 * Walk both values in step. Arrays are compared index by index (with one line for a length difference), objects
 * key by key in the expected file's order, then keys only the new output has. `ignore` lists paths to skip.
 */
export function diffJson(expected: unknown, actual: unknown, options: { limit?: number; ignore?: readonly string[] } = {}): Diff {
  const limit = options.limit ?? 10;
  const ignore = new Set(options.ignore ?? []);
  const out: Diff = { lines: [], total: 0 };
  const note = (path: string, line: string) => {
    out.total++;
    if (out.lines.length < limit) out.lines.push(`${path || '(top)'}: ${line}`);
  };
  const walk = (path: string, a: Json | typeof MISSING, b: Json | typeof MISSING): void => {
    if (ignore.has(path)) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) note(path, `expected ${a.length} items, got ${b.length}`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(`${path}[${i}]`, a[i]!, b[i]!);
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(a)) walk(keyPath(path, key), a[key]!, key in b ? b[key]! : MISSING);
      for (const key of Object.keys(b)) if (!(key in a)) walk(keyPath(path, key), MISSING, b[key]!);
      return;
    }
    if (a === b) return;
    note(path, `expected ${show(a)}, got ${show(b)}`);
  };
  walk('', expected as Json, actual as Json);
  return out;
}

/** One field of a matched item that differs: its path inside the item, the expected and the new value. */
export interface FieldChange {
  path: string;
  expected: unknown;
  actual: unknown;
}

/** An item added, removed or changed, named by its collection, its id in the new output (or the old one) and a label. */
export interface ItemChange {
  change: 'added' | 'removed' | 'changed';
  collection: string;
  id: string | null;
  label: string;
  /** The changed fields (empty for added and removed items). */
  fields: FieldChange[];
}

/** A field change shared by many matched items (a new field, a renamed rule): reported once, with how many items. */
export interface CommonChange extends FieldChange {
  collection: string;
  count: number;
  /** The items it was found in: their ids, or their labels for items without one. */
  items: string[];
}

/** How an output differs from its expected file, item by item. */
export interface ResultDiff {
  changes: ItemChange[];
  common: CommonChange[];
  /** Matched items whose only differences are spans (offsets, lines, mentions); with `spans` they are in `changes`. */
  moved: number;
  /** Entries in `changes` and `common`. */
  total: number;
}

type Item = { [key: string]: Json };

interface Kind {
  /** What the item is, whatever its offset: the text it was read from. */
  key: (x: Item) => string;
  label: (x: Item) => string;
}

const str = (v: Json | undefined) => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v));
const short = (s: string, n = 24) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);
const field = (x: Item, path: string): Json | undefined => path.split('.').reduce<Json | undefined>((v, k) => (isObject(v) ? v[k] : undefined), x);

/** The collections of a result, each with what identifies one of its items. */
const KINDS: Record<string, Kind> = {
  sections: { key: (s) => str(s.heading), label: (s) => short(str(s.heading)) },
  tasks: { key: (t) => `${str(t.marker)}${str(t.title)}`, label: (t) => short(`${str(t.marker)}${str(t.title)}`) },
  quantities: {
    key: (q) => `${str(q.text)}\u0000${str(field(q, 'core.text'))}`,
    label: (q) => [short(str(q.indicator ?? field(q, 'core.text'))), q.year == null ? '' : str(q.year)].filter(Boolean).join(' '),
  },
  organizations: { key: (o) => str(o.name), label: (o) => short(str(o.name)) },
  tables: { key: (t) => `${str(t.label)}\u0000${str(t.title)}`, label: (t) => short(str(t.label ?? t.title ?? t.text)) },
  glossary: { key: (g) => str(g.term), label: (g) => short(str(g.term)) },
  removed: { key: (r) => str(r.text), label: (r) => short(str(r.text)) },
  messages: { key: (m) => `${str(m.code)}\u0000${str(m.message)}`, label: (m) => str(m.code) },
};

/** Fields that hold ids of other items: compared after mapping the expected ids onto the new ones. */
const REFERENCES: Record<string, Record<string, string>> = {
  sections: { id: 'sections', parent: 'sections' },
  tasks: { id: 'tasks', section: 'sections', quantities: 'quantities' },
  quantities: { id: 'quantities', section: 'sections', task: 'tasks' },
  organizations: { 'roles.lead': 'tasks', 'roles.responsible': 'tasks', 'roles.cooperating': 'tasks' },
  tables: { id: 'tables', section: 'sections' },
};

/** Numbers masked, so that a changed figure (6.5% → 7%) leaves the item recognisable. */
const masked = (s: string) => s.replace(/[0-9０-９]+(?:[.．][0-9０-９]+)?/g, '#');

/**
 * Pair the items of two lists by identity: the same rule and text, then the same text with numbers masked, then the
 * masked text whatever the rule; within each key, in order among equals (the second 加强监管 with the second).
 */
function pair(a: Item[], b: Item[], kind: Kind): [number, number][] {
  const keys: ((x: Item) => string)[] = [(x) => `${str(x.rule)}\u0001${kind.key(x)}`, (x) => `${str(x.rule)}\u0001${masked(kind.key(x))}`, (x) => masked(kind.key(x))];
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: [number, number][] = [];
  for (const key of keys) {
    // Per key, the unpaired items of `b` in order, and how many of them are taken.
    const waiting = new Map<string, { list: number[]; next: number }>();
    b.forEach((x, j) => {
      if (usedB.has(j)) return;
      const k = key(x);
      const w = waiting.get(k);
      if (w) w.list.push(j);
      else waiting.set(k, { list: [j], next: 0 });
    });
    a.forEach((x, i) => {
      if (usedA.has(i)) return;
      const w = waiting.get(key(x));
      if (!w || w.next >= w.list.length) return;
      const j = w.list[w.next++]!;
      usedA.add(i);
      usedB.add(j);
      pairs.push([i, j]);
    });
  }
  return pairs.sort((p, q) => p[1] - q[1] || p[0] - q[0]);
}

const isSpanPath = (path: string) => /(^|\.)(span|mentions)(\.|\[|$)|(^|\.)(line|column)$/.test(path);

/** The differing leaves of two values; arrays of plain values are compared whole (a list of names is one field). */
function fieldChanges(a: Json | typeof MISSING, b: Json | typeof MISSING, path: string, out: FieldChange[]): void {
  if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].some((v) => typeof v === 'object' && v !== null)) {
    if (a.length !== b.length) out.push({ path: `${path}.length`, expected: a.length, actual: b.length });
    for (let i = 0; i < Math.min(a.length, b.length); i++) fieldChanges(a[i]!, b[i]!, `${path}[${i}]`, out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) fieldChanges(a[key]!, key in b ? b[key]! : MISSING, keyPath(path, key), out);
    for (const key of Object.keys(b)) if (!(key in a)) fieldChanges(MISSING, b[key]!, keyPath(path, key), out);
    return;
  }
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  out.push({ path, expected: a === MISSING ? undefined : a, actual: b === MISSING ? undefined : b });
}

function mapIds(item: Item, refs: Record<string, string>, maps: Map<string, Map<string, string>>): Item {
  const copy = structuredClone(item);
  for (const [path, collection] of Object.entries(refs)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const holder = keys.reduce<Json | undefined>((v, k) => (isObject(v) ? v[k] : undefined), copy);
    if (!isObject(holder) || !(last in holder)) continue;
    const map = maps.get(collection)!;
    const one = (id: Json) => (typeof id === 'string' ? map.get(id) ?? id : id);
    const value = holder[last]!;
    holder[last] = Array.isArray(value) ? value.map(one) : one(value);
  }
  return copy;
}

const list = (v: unknown): Item[] => (Array.isArray(v) ? v.filter(isObject) : []);

/**
 * Compare a new output with its expected file by identity rather than by offset: items are paired by what they are
 * (collection, rule, text, order among equals), and reported as added, removed or changed with the changed fields.
 * Ids and references to ids are compared through the pairing, so an item inserted early does not renumber
 * everything after it into a difference. Span-only changes are counted in `moved` and listed only with `spans`.
 */
export function diffResults(expected: unknown, actual: unknown, options: { spans?: boolean; ignore?: readonly string[]; common?: number } = {}): ResultDiff {
  const a = isObject(expected) ? expected : {};
  const b = isObject(actual) ? actual : {};
  const ignore = new Set(options.ignore ?? []);
  const collections = Object.keys(KINDS).filter((c) => c in a || c in b);
  const pairs = new Map(collections.map((c) => [c, pair(list(a[c]), list(b[c]), KINDS[c]!)]));
  const maps = new Map<string, Map<string, string>>();
  for (const c of ['sections', 'tasks', 'quantities', 'tables']) {
    maps.set(c, new Map((pairs.get(c) ?? []).map(([i, j]) => [str(list(a[c])[i]!.id), str(list(b[c])[j]!.id)])));
  }
  const changes: ItemChange[] = [];
  let moved = 0;
  const keep = (c: string, fields: FieldChange[]) => fields.filter((f) => !ignore.has(`${c}.${f.path}`) && (options.spans || !isSpanPath(f.path)));
  // Objects that are not lists (meta, source) are one item each.
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (collections.includes(key)) continue;
    const fields: FieldChange[] = [];
    fieldChanges(key in a ? a[key]! : MISSING, key in b ? b[key]! : MISSING, '', fields);
    const kept = keep(key, fields.map((f) => ({ ...f, path: f.path || key })));
    if (kept.length) changes.push({ change: 'changed', collection: key, id: null, label: '', fields: kept });
  }
  for (const c of collections) {
    const as = list(a[c]);
    const bs = list(b[c]);
    const kind = KINDS[c]!;
    const found = pairs.get(c)!;
    const pairedA = new Set(found.map(([i]) => i));
    const pairedB = new Set(found.map(([, j]) => j));
    as.forEach((x, i) => pairedA.has(i) || changes.push({ change: 'removed', collection: c, id: typeof x.id === 'string' ? x.id : null, label: kind.label(x), fields: [] }));
    bs.forEach((x, j) => pairedB.has(j) || changes.push({ change: 'added', collection: c, id: typeof x.id === 'string' ? x.id : null, label: kind.label(x), fields: [] }));
    for (const [i, j] of found) {
      const fields: FieldChange[] = [];
      fieldChanges(mapIds(as[i]!, REFERENCES[c] ?? {}, maps), bs[j]!, '', fields);
      const kept = keep(c, fields);
      if (kept.length) changes.push({ change: 'changed', collection: c, id: typeof bs[j]!.id === 'string' ? (bs[j]!.id as string) : null, label: kind.label(bs[j]!), fields: kept });
      else if (fields.length) moved++;
    }
  }
  const common = shared(changes, options.common ?? 3);
  const kept = changes.filter((ch) => ch.change !== 'changed' || ch.fields.length > 0);
  return { changes: kept, common, moved, total: kept.length + common.length };
}

/** Field changes made the same way in more than `over` items of a collection are taken out of those items. */
function shared(changes: ItemChange[], over: number): CommonChange[] {
  const id = (c: string, f: FieldChange) => `${c}\u0000${f.path.replace(/\[\d+\]/g, '[]')}\u0000${JSON.stringify(f.expected)}\u0000${JSON.stringify(f.actual)}`;
  const found = new Map<string, CommonChange>();
  for (const ch of changes) {
    // A change repeated inside one item (every cell of a table) counts that item once.
    for (const [k, f] of new Map(ch.fields.map((f) => [id(ch.collection, f), f]))) {
      const seen = found.get(k);
      const item = ch.id ?? ch.label;
      if (seen) {
        seen.count++;
        seen.items.push(item);
      } else found.set(k, { collection: ch.collection, path: f.path.replace(/\[\d+\]/g, '[]'), expected: f.expected, actual: f.actual, count: 1, items: [item] });
    }
  }
  const common = [...found.entries()].filter(([, c]) => c.count > over);
  const drop = new Set(common.map(([k]) => k));
  for (const ch of changes) ch.fields = ch.fields.filter((f) => !drop.has(id(ch.collection, f)));
  return common.map(([, c]) => c);
}
