/**
 * Moving annotation spans through text edits, as the editor reports them.
 *
 * Everything here is UTF-16 (VS Code's `TextDocumentContentChangeEvent.rangeOffset`,
 * `rangeLength` and `text`). Edits are applied in the order given, each one against the text
 * the previous ones produced; that is how VS Code applies the changes of one event.
 */
export interface TextEdit {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

export interface Span16 {
  readonly start: number;
  readonly end: number;
}

export interface MovedSpan extends Span16 {
  /** True when an edit removed every character of the span: its text is gone. */
  readonly collapsed: boolean;
}

/**
 * Move one span through one edit. Text inserted exactly at the start or the end of a span stays
 * outside it; text inserted strictly inside grows it; a deletion or replacement that reaches an
 * edge cuts the span back to the original characters that survive (the new text stays outside);
 * one that removes every character collapses it.
 */
export function moveSpan(span: Span16, edit: TextEdit): MovedSpan {
  const o = Math.max(0, edit.rangeOffset);
  const e = o + Math.max(0, edit.rangeLength);
  const inserted = edit.text.length;
  const delta = inserted - (e - o);
  const { start, end } = span;
  // Entirely before (an insertion exactly at the start stays outside).
  if (e <= start) return { start: start + delta, end: end + delta, collapsed: start >= end };
  // Entirely after (an insertion exactly at the end stays outside).
  if (o >= end) return { start, end, collapsed: start >= end };
  // The whole span was replaced or deleted: its text is gone.
  if (o <= start && e >= end) return { start: o + inserted, end: o + inserted, collapsed: true };
  // Strictly inside (typing inside the span grows it).
  if (o > start && e < end) return { start, end: end + delta, collapsed: false };
  // Replaces the start: what survives begins after the replacement.
  if (o <= start) return { start: o + inserted, end: end + delta, collapsed: false };
  // Replaces the end: what survives ends where the replacement begins.
  return { start, end: o, collapsed: false };
}

/** Move spans through a list of edits (see the module comment for the order). */
export function applyEditsToSpans(spans: readonly Span16[], edits: readonly TextEdit[]): MovedSpan[] {
  return spans.map((s) => {
    let cur: MovedSpan = { start: s.start, end: s.end, collapsed: s.start === s.end };
    for (const edit of edits) {
      const next = moveSpan(cur, edit);
      cur = { ...next, collapsed: cur.collapsed || next.collapsed };
    }
    return cur;
  });
}

/** Apply edits to a string, in the same order (useful to keep a copy of the editor's text). */
export function applyEditsToText(text: string, edits: readonly TextEdit[]): string {
  let t = text;
  for (const edit of edits) {
    const o = Math.min(Math.max(0, edit.rangeOffset), t.length);
    const e = Math.min(o + Math.max(0, edit.rangeLength), t.length);
    t = t.slice(0, o) + edit.text + t.slice(e);
  }
  return t;
}
