import * as assert from 'assert';
import { applyEditsToSpans, applyEditsToText, moveSpan } from '../../../src/core/anchoring/edits';

describe('anchoring/edits', () => {
  const span = { start: 10, end: 20 };
  const cases: Array<[string, { rangeOffset: number; rangeLength: number; text: string }, { start: number; end: number; collapsed: boolean }]> = [
    ['insert before', { rangeOffset: 2, rangeLength: 0, text: 'abc' }, { start: 13, end: 23, collapsed: false }],
    ['insert at start stays outside', { rangeOffset: 10, rangeLength: 0, text: 'ab' }, { start: 12, end: 22, collapsed: false }],
    ['insert inside grows', { rangeOffset: 15, rangeLength: 0, text: 'ab' }, { start: 10, end: 22, collapsed: false }],
    ['insert at end stays outside', { rangeOffset: 20, rangeLength: 0, text: 'ab' }, { start: 10, end: 20, collapsed: false }],
    ['delete before', { rangeOffset: 0, rangeLength: 5, text: '' }, { start: 5, end: 15, collapsed: false }],
    ['delete after', { rangeOffset: 25, rangeLength: 5, text: '' }, { start: 10, end: 20, collapsed: false }],
    ['delete inside shrinks', { rangeOffset: 12, rangeLength: 3, text: '' }, { start: 10, end: 17, collapsed: false }],
    ['delete over the start', { rangeOffset: 8, rangeLength: 4, text: '' }, { start: 8, end: 16, collapsed: false }],
    ['replace over the start keeps the new text out', { rangeOffset: 8, rangeLength: 4, text: 'XY' }, { start: 10, end: 18, collapsed: false }],
    ['replace over the end keeps the new text out', { rangeOffset: 18, rangeLength: 5, text: 'XYZ' }, { start: 10, end: 18, collapsed: false }],
    ['delete the whole span collapses', { rangeOffset: 5, rangeLength: 20, text: '' }, { start: 5, end: 5, collapsed: true }],
    ['replace exactly the span collapses', { rangeOffset: 10, rangeLength: 10, text: 'new' }, { start: 13, end: 13, collapsed: true }],
  ];
  for (const [name, edit, expected] of cases) {
    it(name, () => assert.deepStrictEqual(moveSpan(span, edit), expected));
  }

  it('applies the edits of one event in order, each against the previous result', () => {
    const text = '0123456789abcdefghij0123456789';
    // VS Code lists a multi-cursor edit from the bottom up: applying in order is correct.
    const edits = [
      { rangeOffset: 25, rangeLength: 0, text: '😀' },
      { rangeOffset: 12, rangeLength: 0, text: '\r\n' },
      { rangeOffset: 0, rangeLength: 3, text: '' },
    ];
    const out = applyEditsToText(text, edits);
    assert.strictEqual(out, '3456789ab\r\ncdefghij01234😀56789');
    const [moved] = applyEditsToSpans([{ start: 10, end: 20 }], edits);
    assert.strictEqual(out.slice(moved.start, moved.end), 'ab\r\ncdefghij');
  });
});
