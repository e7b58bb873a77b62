import * as assert from 'assert';
import { TagChecks } from '../../../src/extension/features/tagChecks';

// Event orders the workbench produces: every list the pick sets is echoed back once shown, in
// order, and read by the extension host against the newest list (items are named by index).
describe('tags pick checks (TagChecks)', () => {
  it('keeps a tag added by Enter when an echo of the older list arrives after it', () => {
    const checks = new TagChecks(['a']);
    // List 1: a, b, and the "new tag" row for the typed "c" at index 2, unchecked.
    // Enter: "c" becomes a tag at index 2, checked (list 2). Then list 1's echo arrives, read
    // against list 2: index 2 unchecked.
    checks.set('c', true);
    checks.fromWorkbench(['a', 'b', 'c'], new Set(['a']));
    assert.deepStrictEqual(checks.list().sort(), ['a', 'c']);
    // List 2's echo confirms it; from then on the person's clicks count.
    checks.fromWorkbench(['a', 'b', 'c'], new Set(['a', 'c']));
    checks.fromWorkbench(['a', 'b', 'c'], new Set(['a']));
    assert.deepStrictEqual(checks.list(), ['a']);
  });

  it('keeps a Space uncheck when an older echo still shows the tag checked', () => {
    const checks = new TagChecks(['a', 'b']);
    checks.set('b', false);
    checks.fromWorkbench(['a', 'b'], new Set(['a', 'b'])); // stale
    assert.deepStrictEqual(checks.list(), ['a']);
    checks.fromWorkbench(['a', 'b'], new Set(['a'])); // the echo of the uncheck
    checks.fromWorkbench(['a', 'b'], new Set(['a', 'b'])); // a click checks it again
    assert.deepStrictEqual(checks.list().sort(), ['a', 'b']);
  });

  it('follows the workbench for rows the pick did not change', () => {
    const checks = new TagChecks([]);
    checks.set('x', true);
    checks.fromWorkbench(['w', 'x', 'y'], new Set(['w', 'y'])); // clicks on w and y, stale for x
    assert.deepStrictEqual(checks.list().sort(), ['w', 'x', 'y']);
    checks.fromWorkbench(['w', 'x', 'y'], new Set(['x'])); // x shown; w and y unchecked by clicks
    assert.deepStrictEqual(checks.list(), ['x']);
  });

  it('changing a tag back and forth before any echo expects the last state only', () => {
    const checks = new TagChecks([]);
    checks.set('t', true);
    checks.set('t', false);
    checks.fromWorkbench(['t'], new Set(['t'])); // the echo of the first change: stale
    assert.deepStrictEqual(checks.list(), []);
    checks.fromWorkbench(['t'], new Set()); // the echo of the second
    checks.fromWorkbench(['t'], new Set(['t'])); // a click
    assert.deepStrictEqual(checks.list(), ['t']);
  });
});
