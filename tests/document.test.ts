import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDoc, withFields } from '../src/document.js';
import { PIPELINE } from '../src/pipeline.js';
import { rules, SEEDS } from './helpers.js';

describe('document shape', () => {
  const keys = Object.keys(newDoc(new Uint8Array(0), null));

  it('withFields copies every field in newDoc order and sets only the given ones', () => {
    const doc = newDoc(new Uint8Array([1]), 'a.txt', 'x');
    const next = withFields(doc, { view: 'y', lineUnits: [] });
    expect(Object.keys(next)).toEqual(keys);
    expect(next).not.toBe(doc);
    expect(next).toEqual({ ...doc, view: 'y', lineUnits: [] });
    expect(doc.view).toBe('');
  });

  // No stage adds a field of its own or drops one: the document has newDoc's fields, in newDoc's order, throughout.
  it('every stage returns a document with the same keys in the same order', () => {
    let doc = newDoc(readFileSync(join(SEEDS, '001_00f01ebf3f7ca338.txt')), null);
    for (const stage of PIPELINE) {
      doc = stage(doc, { rules });
      expect(Object.keys(doc)).toEqual(keys);
    }
  });
});
