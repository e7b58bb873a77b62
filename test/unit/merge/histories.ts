import fc from 'fast-check';
import type { Annotation } from '../../../src/core/annotations/model';
import { SOURCE, ann } from './fixtures';

/**
 * Random concurrent histories for the property tests: a base list of annotations and two
 * sequences of adds, edits (note, tags, author, target) and deletes applied to it.
 */
const IDS = ['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6', 'a-7', 'a-8'];
const NOTES = ['', 'short', 'two\nlines', 'quote "this"', "it's", 'émoji 🚀', '  leading space', 'trailing: colon', '# not a comment', '- dash'];
const TAGS = ['claim', 'person', 'to verify', 'x', 'ü', '1'];

export type Op =
  | { kind: 'add'; id: string; start: number; note: string }
  | { kind: 'note'; at: number; note: string }
  | { kind: 'tags'; at: number; tags: string[] }
  | { kind: 'author'; at: number; author: string }
  | { kind: 'move'; at: number; start: number }
  | { kind: 'delete'; at: number };

const start = fc.integer({ min: 0, max: SOURCE.length - 4 });
export const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.constantFrom(...IDS), start, note: fc.constantFrom(...NOTES) }),
  fc.record({ kind: fc.constant('note' as const), at: fc.nat(), note: fc.constantFrom(...NOTES) }),
  fc.record({ kind: fc.constant('tags' as const), at: fc.nat(), tags: fc.subarray(TAGS) }),
  fc.record({ kind: fc.constant('author' as const), at: fc.nat(), author: fc.constantFrom('Coder A', 'Coder B', 'Coder C') }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), start }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
);

export function apply(list: readonly Annotation[], ops: readonly Op[], stamp: string): Annotation[] {
  const out = list.slice();
  for (const o of ops) {
    if (o.kind === 'add') {
      if (!out.some((a) => a.id === o.id)) out.push(ann(o.id, o.start, { note: o.note, created: stamp, modified: stamp }));
      continue;
    }
    if (out.length === 0) continue;
    const i = o.at % out.length;
    const a = out[i];
    if (o.kind === 'delete') out.splice(i, 1);
    else if (o.kind === 'note') out[i] = { ...a, note: o.note, modified: stamp };
    else if (o.kind === 'tags') out[i] = { ...a, tags: o.tags, modified: stamp };
    else if (o.kind === 'author') out[i] = { ...a, author: o.author, modified: stamp };
    else out[i] = { ...a, target: ann(a.id, o.start).target, modified: stamp };
  }
  return out;
}

export const history = fc.record({
  base: fc.array(fc.record({ id: fc.constantFrom(...IDS), start }), { maxLength: 6 }),
  ours: fc.array(op, { maxLength: 8 }),
  theirs: fc.array(op, { maxLength: 8 }),
});

