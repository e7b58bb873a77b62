import type { Document } from 'yaml';
import { Anchorer, makeTarget, type AnchorMethod, type AnchorResult } from '../anchoring/anchor';
import { applyEditsToSpans, type TextEdit } from '../anchoring/edits';
import { loadApproxSearch, type ApproxSearch } from '../anchoring/matcher';
import { hashSourceText } from '../annotations/hash';
import { ID_PATTERN, randomAnnotationId } from '../annotations/ids';
import type { AnnotatedSource, Annotation } from '../annotations/model';
import { UserError, type FileSystem } from '../fileSystem';
import { readSourceFile } from '../workspace/readSource';
import { OffsetMap } from '../text/offsets';
import { RealPathGuard } from './realPaths';
import { findConflictMarker } from '../merge/markers';
import { repairConflictMarkers } from '../merge/repair';
import type { AnnotationConflict } from '../annotations/model';
import { baseName, checkedPath, isSidecarPath, normalizePath, relativeTo, sidecarPathFor, sourcePathFor } from './paths';
import {
  MAX_SIDECAR_BYTES,
  decodeSidecar,
  insertAnnotation,
  newSidecarDocument,
  parseSidecar,
  readSidecarFast,
  removeAnnotation,
  setSourceHash,
  sortAnnotations,
  renderSidecar,
  setConflicts,
  updateAnnotation,
  type ParsedSidecar,
  type SidecarIssue,
} from './sidecar';

export interface AnnotationStoreOptions {
  /** Author written into new annotations (the editor's setting; the CLI defaults it to git's user.name). */
  readonly author: string;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** The approximate matcher; approx-string-match is loaded on first use when absent. */
  readonly search?: ApproxSearch;
}

export type ProblemKind = 'malformed' | 'orphan' | 'changed' | 'missing-source' | 'unreadable-source' | 'conflict-markers' | 'conflict';

/** Something the user should see (VS Code's Problems panel, `source-annotator check`). */
export interface StoreProblem {
  readonly kind: ProblemKind;
  /** The file the problem is in: the sidecar (absolute path); for 'changed', the source. */
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly sourcePath: string;
  readonly annotationId?: string;
  /** For 'conflict': which entry of the annotation's `conflicts` list. */
  readonly conflictIndex?: number;
  /** 'info' for what is worth knowing but not wrong (changed wording); absent means a warning or an error. */
  readonly severity?: 'info';
}

export interface AnchoredAnnotation {
  /**
   * For an anchored annotation, `target` is where it is in the current source text (it may
   * differ from the file until the next write). For an orphan, `target` is as stored.
   */
  readonly annotation: Annotation;
  readonly status: 'anchored' | 'orphan';
  /** How it was anchored: 'position', 'exact', 'fuzzy', 'new' (just added or re-attached), 'edited' (moved by editor edits). */
  readonly method?: AnchorMethod | 'new' | 'edited';
  /** UTF-16 span in the current source text (anchored only). */
  readonly start16?: number;
  readonly end16?: number;
  /** Why it is an orphan. */
  readonly reason?: string;
  /**
   * An orphan whose text was deleted in the editor: where the text was (UTF-16, in the current
   * text), so that its warning sits there. Absent after a reload (the old text is unknown then).
   */
  readonly lastSeen16?: number;
}

/** What the store knows about one source and its sidecar. */
export interface SourceAnnotations {
  readonly sourcePath: string;
  readonly sidecarPath: string;
  /** The source text the annotations are anchored in. */
  readonly sourceText: string;
  /** The sidecar file exists. */
  readonly exists: boolean;
  /** True when the sidecar is malformed: nothing may be written until it is fixed. */
  readonly readOnly: boolean;
  /** Ordered by position (orphans by stored position). */
  readonly annotations: readonly AnchoredAnnotation[];
  readonly problems: readonly StoreProblem[];
  /** Writing now would change the sidecar (re-anchored positions, new source hash). */
  readonly stale: boolean;
}

export interface SpanCodePoints {
  readonly start: number;
  readonly end: number;
}

export interface WorkspaceLoad {
  /** Sources with at least one anchored annotation; orphans are left out (they are in problems). */
  readonly sources: AnnotatedSource[];
  readonly states: SourceAnnotations[];
  readonly problems: StoreProblem[];
}

interface State {
  readonly sourcePath: string;
  readonly sidecarPath: string;
  /** The sidecar text as last read or written; undefined when there is no file. */
  readonly diskText: string | undefined;
  /** The parsed file; `doc` may be dropped (workspace loads) and is then re-parsed on write. */
  readonly parsed: (Omit<ParsedSidecar, 'doc'> & { readonly doc: Document | undefined }) | undefined;
  readonly issues: readonly SidecarIssue[];
  readonly sourceText: string;
  readonly map: OffsetMap;
  readonly entries: AnchoredAnnotation[];
}

type DiskRead = { readonly text: string | undefined; readonly issue?: SidecarIssue };

/**
 * The annotation store shared by the editor and the CLI. Free of vscode and Node: it gets a
 * FileSystem and a workspace root. Offsets in its API are code points unless named "16".
 *
 * Every write re-reads the sidecar first. When it changed on disk since it was read, the store
 * re-reads it and applies the operation to what is on disk now (a merge: other people's entries
 * are kept); when it is malformed now, or the operation's annotation is gone, it refuses with a
 * UserError. Malformed sidecars are never written. Writes go through FileSystem.writeFile, which
 * is atomic (temporary file, then rename).
 */
export class AnnotationStore {
  readonly root: string;
  private readonly states = new Map<string, State>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private searchFn: ApproxSearch | undefined;
  private lastHash: { text: string; hash: string } | undefined;
  private readonly guard: RealPathGuard;

  constructor(
    private readonly fs: FileSystem,
    root: string,
    private readonly options: AnnotationStoreOptions,
  ) {
    this.root = normalizePath(root);
    this.searchFn = options.search;
    this.guard = new RealPathGuard(fs, this.root);
  }

  /**
   * Why a path may not be read or written although its text is inside the root (a symbolic link
   * on the way leads out of it), or undefined. The store checks every source and sidecar itself;
   * adapters use this for the files they read on their own.
   */
  outsideRoot(path: string): Promise<string | undefined> {
    return this.guard.check(checkedPath(this.root, path));
  }

  sidecarPathFor(sourcePath: string): string {
    return sidecarPathFor(checkedPath(this.root, sourcePath));
  }

  /** Read the sidecar of a source (if any) and anchor its annotations in `sourceText`. Never writes. */
  async load(sourcePath: string, sourceText: string): Promise<SourceAnnotations> {
    const src = checkedPath(this.root, sourcePath);
    return await this.serialize(src, async () => {
      const disk = await this.readDisk(sidecarPathFor(src), src);
      const st = this.build(src, disk, sourceText, this.states.get(src));
      this.states.set(src, st);
      return this.view(st);
    });
  }

  /** What was last loaded for a source, without reading anything. */
  get(sourcePath: string): SourceAnnotations | undefined {
    const st = this.states.get(normalizePath(sourcePath));
    return st ? this.view(st) : undefined;
  }

  /** Every problem of every loaded source. */
  problems(): StoreProblem[] {
    return [...this.states.values()].flatMap((st) => problemsOf(st));
  }

  /** Forget a source (the editor closed it). */
  forget(sourcePath: string): void {
    this.states.delete(normalizePath(sourcePath));
  }

  /**
   * Move the spans of a loaded source through the editor's text edits (UTF-16, applied in
   * order; see anchoring/edits). Annotations whose whole text was deleted become orphans.
   * Nothing is written: the next write (or saveAnchors) records the new positions.
   */
  trackEdits(sourcePath: string, newText: string, edits: readonly TextEdit[]): SourceAnnotations | undefined {
    const src = normalizePath(sourcePath);
    const st = this.states.get(src);
    if (!st) return undefined;
    // Anchored spans move with the text; an orphan's last known place moves too.
    const spans = st.entries.map((e) =>
      e.status === 'anchored' ? { start: e.start16 ?? 0, end: e.end16 ?? 0 } : { start: e.lastSeen16 ?? -1, end: e.lastSeen16 ?? -1 },
    );
    const moved = applyEditsToSpans(spans, edits);
    const map = new OffsetMap(newText);
    const stored = new Map((st.parsed?.annotations ?? []).map((a) => [a.id, a]));
    // Orphans come back as soon as their text does (Undo, a paste): exact matches only here,
    // on every change; the fuzzy search waits for a save or a reload.
    const anchorer = st.entries.some((e) => e.status === 'orphan') ? new Anchorer(newText, this.searchFn!, map) : undefined;
    const entries = st.entries.map((e, i): AnchoredAnnotation => {
      const m = moved[i];
      if (e.status === 'orphan') {
        const lastSeen16 = e.lastSeen16 !== undefined && !m.collapsed ? m.start : e.lastSeen16 !== undefined ? Math.min(m.start, newText.length) : undefined;
        const r = anchorer!.anchor(e.annotation.target, false, lastSeen16, { fuzzy: false });
        if (r.status === 'anchored') return this.anchoredFrom(e.annotation, r);
        return lastSeen16 === undefined ? e : { ...e, lastSeen16 };
      }
      if (m.collapsed || m.end <= m.start || m.end > newText.length) {
        // Kept as stored in the sidecar, untouched; the warning goes where the text was.
        const original = stored.get(e.annotation.id) ?? e.annotation;
        return { annotation: original, status: 'orphan', reason: 'its text was deleted', lastSeen16: Math.min(m.start, newText.length) };
      }
      const target = makeTarget(newText, map, m.start, m.end);
      return {
        annotation: withTarget(e.annotation, target),
        status: 'anchored',
        method: 'edited',
        start16: map.toUtf16(target.start),
        end16: map.toUtf16(target.end),
      };
    });
    const next: State = { ...st, sourceText: newText, map, entries: sortEntries(entries) };
    this.states.set(src, next);
    return this.view(next);
  }

  /** Add an annotation on a span (code points) of `sourceText`. Returns it. */
  add(sourcePath: string, sourceText: string, span: SpanCodePoints, note: string, tags: readonly string[]): Promise<Annotation> {
    return this.mutate(sourcePath, sourceText, (st, doc) => {
      const target = this.targetFor(st, span);
      let id = (this.options.newId ?? randomAnnotationId)();
      for (let tries = 0; st.entries.some((e) => e.annotation.id === id) && tries < 20; tries++) id = (this.options.newId ?? randomAnnotationId)();
      if (!ID_PATTERN.test(id) || st.entries.some((e) => e.annotation.id === id)) throw new Error(`could not make a new unique annotation id (got '${id}')`);
      const now = this.nowIso();
      const annotation: Annotation = { id, target, note, tags: cleanTags(tags), author: this.options.author, created: now, modified: now };
      insertAnnotation(doc, annotation);
      st.entries.push(anchoredEntry(annotation, st.map, 'new'));
      return annotation;
    });
  }

  /** Change the note and/or tags. Returns the annotation before and after (for undo). */
  update(
    sourcePath: string,
    sourceText: string,
    id: string,
    changes: { readonly note?: string; readonly tags?: readonly string[] },
  ): Promise<{ before: Annotation; after: Annotation }> {
    return this.mutate(sourcePath, sourceText, (st, doc) => {
      const i = this.indexOf(st, id);
      const e = st.entries[i];
      const before = e.annotation;
      const after: Annotation = {
        ...before,
        note: changes.note ?? before.note,
        tags: changes.tags ? cleanTags(changes.tags) : before.tags,
        modified: this.nowIso(),
      };
      st.entries[i] = { ...e, annotation: after };
      updateAnnotation(doc, after);
      return { before, after };
    });
  }

  /** Delete an annotation. Returns it, so that `restore` can undo. */
  delete(sourcePath: string, sourceText: string, id: string): Promise<Annotation> {
    return this.mutate(sourcePath, sourceText, (st, doc) => {
      const i = this.indexOf(st, id);
      const [removed] = st.entries.splice(i, 1);
      removeAnnotation(doc, id);
      return removed.annotation;
    });
  }

  /** Put back an annotation (undo of delete), with its id; it is re-anchored in `sourceText`. */
  restore(sourcePath: string, sourceText: string, annotation: Annotation): Promise<AnchoredAnnotation> {
    return this.mutate(sourcePath, sourceText, (st, doc) => {
      if (st.entries.some((e) => e.annotation.id === annotation.id)) throw new UserError(`annotation ${annotation.id} already exists`);
      const r = new Anchorer(st.sourceText, this.searchFn!, st.map).anchor(annotation.target, false);
      const entry: AnchoredAnnotation = r.status === 'anchored' ? this.anchoredFrom(annotation, r) : { annotation, status: 'orphan', reason: r.reason };
      insertAnnotation(doc, entry.annotation);
      st.entries.push(entry);
      return entry;
    });
  }

  /**
   * Put many annotations into one source's sidecar in a single write (the W3C import): each one
   * is added, or replaces the entry with its id when it differs, and is anchored in
   * `sourceText`. The file is written once, atomically, or not at all: a crash leaves the old
   * file or the new one. An id given twice is refused before anything is written.
   */
  merge(sourcePath: string, sourceText: string, annotations: readonly Annotation[]): Promise<{ added: number; replaced: number; unchanged: number; orphaned: number }> {
    const ids = new Set<string>();
    for (const a of annotations) {
      if (ids.has(a.id)) return Promise.reject(new UserError(`annotation ${a.id} is given twice for ${relativeTo(this.root, normalizePath(sourcePath))}`));
      ids.add(a.id);
    }
    return this.mutate(sourcePath, sourceText, (st, doc) => {
      const counts = { added: 0, replaced: 0, unchanged: 0, orphaned: 0 };
      const at = new Map(st.entries.map((e, i) => [e.annotation.id, i]));
      const todo = annotations.filter((a) => {
        const i = at.get(a.id);
        const same = i !== undefined && sameAnnotation(st.entries[i].annotation, a);
        if (same) counts.unchanged++;
        return !same;
      });
      const results = new Anchorer(st.sourceText, this.searchFn!, st.map).anchorAll(
        todo.map((a) => a.target),
        false,
      );
      const fresh = todo.map((a, k): AnchoredAnnotation => {
        const r = results[k];
        return r.status === 'anchored'
          ? { annotation: { ...a, target: r.target }, status: 'anchored', method: r.method, start16: r.start16, end16: r.end16 }
          : { annotation: a, status: 'orphan', reason: r.reason };
      });
      fresh.sort((x, y) => x.annotation.target.start - y.annotation.target.start);
      for (const entry of fresh) {
        const i = at.get(entry.annotation.id);
        if (i !== undefined) {
          st.entries[i] = entry;
          removeAnnotation(doc, entry.annotation.id);
          counts.replaced++;
        } else {
          st.entries.push(entry);
          counts.added++;
        }
        if (entry.status === 'orphan') counts.orphaned++;
        insertAnnotation(doc, entry.annotation);
      }
      return counts;
    });
  }

  /** Attach an annotation (typically an orphan) to a new span (code points). */
  reattach(sourcePath: string, sourceText: string, id: string, span: SpanCodePoints): Promise<Annotation> {
    return this.mutate(sourcePath, sourceText, (st, doc) => {
      const i = this.indexOf(st, id);
      const target = this.targetFor(st, span);
      const { original: _dropped, ...rest } = st.entries[i].annotation;
      const annotation: Annotation = { ...rest, target, modified: this.nowIso() };
      st.entries[i] = anchoredEntry(annotation, st.map, 'new');
      updateAnnotation(doc, annotation);
      return annotation;
    });
  }

  /**
   * Accept the source's new wording under an annotation whose text changed: the annotation keeps
   * its place and forgets the text as it was annotated. Returns it.
   */
  acceptChange(sourcePath: string, sourceText: string, id: string): Promise<Annotation> {
    return this.mutate(sourcePath, sourceText, (st, doc) => {
      const i = this.indexOf(st, id);
      const e = st.entries[i];
      if (e.status !== 'anchored') throw new UserError(`annotation ${id} is an orphan: re-attach it to a selection instead`);
      const { original: _dropped, ...rest } = e.annotation;
      const annotation: Annotation = { ...rest, modified: this.nowIso() };
      st.entries[i] = { ...e, annotation };
      updateAnnotation(doc, annotation);
      return annotation;
    });
  }

  /**
   * Resolve one recorded merge conflict of an annotation (src/core/merge) by taking one side's
   * version: the field's value of that side, or for a deletion on one side, that side's choice
   * (deleted or kept). Returns the annotation as it is now, or undefined when it was deleted.
   */
  resolveConflict(sourcePath: string, sourceText: string, id: string, index: number, side: 'ours' | 'theirs'): Promise<Annotation | undefined> {
    return this.mutate(sourcePath, sourceText, (st, doc) => {
      const i = this.indexOf(st, id);
      const e = st.entries[i];
      const list = e.annotation.conflicts ?? [];
      const c = list[index];
      if (c === undefined) throw new UserError(`annotation ${id} has no conflict ${index + 1} (was it resolved on disk?)`);
      const rest = list.filter((_, k) => k !== index);
      if ('deletedBy' in c) {
        if (c.deletedBy === side) {
          st.entries.splice(i, 1);
          removeAnnotation(doc, id);
          return undefined;
        }
        const annotation = withConflicts(e.annotation, rest);
        st.entries[i] = { ...e, annotation };
        setConflicts(doc, id, rest);
        return annotation;
      }
      const value = c[side];
      let annotation: Annotation = withConflicts(e.annotation, rest);
      if (c.field === 'target') {
        if (typeof value === 'string') throw new UserError(`conflict ${index + 1} of annotation ${id} is malformed`);
        annotation = { ...annotation, target: value };
      } else if (c.field === 'original') {
        const { original: _o, ...without } = annotation;
        annotation = typeof value === 'string' && value !== '' ? { ...without, original: value } : without;
      } else if (typeof value === 'string') {
        annotation = { ...annotation, [c.field]: value };
      }
      annotation = { ...annotation, modified: this.nowIso() };
      const fits = annotation.target.end <= st.map.codePointLength && st.sourceText.slice(st.map.toUtf16(annotation.target.start), st.map.toUtf16(annotation.target.end)) === annotation.target.exact;
      st.entries[i] = c.field === 'target' ? (fits ? anchoredEntry(annotation, st.map, 'new') : { annotation, status: 'orphan', reason: 'the chosen position does not hold its text' }) : { ...e, annotation };
      updateAnnotation(doc, annotation);
      setConflicts(doc, id, rest);
      return annotation;
    });
  }

  /**
   * Rebuild a sidecar that a line-based git merge left with conflict markers, merging its two
   * sides (and the base, with diff3) by id (src/core/merge/repair.ts). Refuses (UserError) when
   * the file has no markers or a side is not a valid sidecar; nothing is written then.
   */
  async repairConflictMarkers(sourcePath: string): Promise<{ conflicts: number; hunks: number; threeWay: boolean }> {
    const src = checkedPath(this.root, sourcePath);
    const sidecarPath = sidecarPathFor(src);
    const rel = relativeTo(this.root, sidecarPath);
    return await this.serialize(src, () =>
      this.locked(sidecarPath, async () => {
        const disk = await this.readDisk(sidecarPath, src);
        if (disk.text === undefined || disk.issue) throw new UserError(`${rel}: ${disk.issue?.message ?? 'no such file'}`);
        if (findConflictMarker(disk.text) === undefined) throw new UserError(`${rel} has no conflict markers`);
        const r = repairConflictMarkers(disk.text, 'sidecar', baseName(src));
        if (!r.ok) throw new UserError(`${rel}:${r.line}: cannot rebuild it from the two sides: ${r.message}`);
        const again = await this.readDisk(sidecarPath);
        if (again.text !== disk.text) throw new UserError(`${rel} changed on disk while it was being repaired; nothing was written, try again`);
        await this.fs.writeFile(sidecarPath, new TextEncoder().encode(r.text));
        this.states.delete(src);
        return { conflicts: r.conflicts, hunks: r.hunks, threeWay: r.threeWay };
      }),
    );
  }

  /**
   * Write re-anchored positions and the source hash back to the sidecar (`check --fix`, or the
   * editor on save). Orphans stay untouched. Returns true when the file changed. Refuses
   * (UserError) when the sidecar is malformed or changed on disk into something malformed.
   */
  saveAnchors(sourcePath: string, sourceText: string): Promise<boolean> {
    return this.mutate(sourcePath, sourceText, () => undefined, true).then((r) => r.written);
  }

  /** Load every sidecar under the root (skipping node_modules and dot-folders) with its source. */
  async loadWorkspace(options: { readonly concurrency?: number; readonly keepDocuments?: boolean } = {}): Promise<WorkspaceLoad> {
    const sidecars = await this.findSidecars();
    const states: SourceAnnotations[] = new Array<SourceAnnotations>(sidecars.length);
    const problems: StoreProblem[][] = new Array<StoreProblem[]>(sidecars.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < sidecars.length) {
        const i = next++;
        const r = await this.loadOne(sidecars[i], options.keepDocuments ?? false);
        if ('state' in r) states[i] = r.state;
        problems[i] = r.problems;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 16, sidecars.length)) }, worker));
    const loaded = states.filter((s) => s !== undefined);
    const sources: AnnotatedSource[] = [];
    for (const s of loaded) {
      const anchored = s.annotations.filter((a) => a.status === 'anchored').map((a) => a.annotation);
      if (anchored.length === 0) continue;
      sources.push({ path: relativeTo(this.root, s.sourcePath), text: s.sourceText, annotations: anchored });
    }
    return { sources, states: loaded, problems: problems.flat() };
  }

  /** Every sidecar file under the root, sorted. */
  async findSidecars(): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await this.fs.readDirectory(dir);
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        const child = dir.endsWith('/') ? dir + e.name : `${dir}/${e.name}`;
        if (e.type === 'directory') {
          if (e.name !== 'node_modules' && !e.name.startsWith('.')) await walk(child);
        } else if (e.type === 'file' && isSidecarPath(e.name) && !e.name.startsWith('.')) {
          out.push(child);
        }
      }
    };
    await walk(this.root);
    return out;
  }

  /**
   * The source was renamed or moved: move its sidecar along. Returns a message (and moves
   * nothing) when a sidecar already exists at the destination, so nothing is overwritten.
   */
  async moveWithSource(fromSource: string, toSource: string): Promise<{ moved: boolean; message?: string }> {
    const from = checkedPath(this.root, fromSource);
    const to = checkedPath(this.root, toSource);
    return await this.serialize(from, async () => {
      const fromSidecar = sidecarPathFor(from);
      const toSidecar = sidecarPathFor(to);
      const outside = (await this.guard.check(fromSidecar)) ?? (await this.guard.check(toSidecar));
      if (outside) return { moved: false, message: `${toSidecar}: ${outside}; the sidecar was not moved` };
      if (!(await this.fs.stat(fromSidecar))) return { moved: false };
      if (await this.fs.stat(toSidecar)) {
        return { moved: false, message: `${toSidecar} already exists; the annotations of ${baseName(from)} stay in ${fromSidecar}` };
      }
      await this.fs.rename(fromSidecar, toSidecar);
      const st = this.states.get(from);
      this.states.delete(from);
      if (st) this.states.set(to, { ...st, sourcePath: to, sidecarPath: toSidecar });
      return { moved: true };
    });
  }

  /**
   * The source was deleted. Its sidecar is kept (annotations are never dropped silently) and the
   * returned problem says so; `deleteSidecar` removes it when the user asks.
   */
  async sourceDeleted(sourcePath: string): Promise<StoreProblem | undefined> {
    const src = checkedPath(this.root, sourcePath);
    const sidecar = sidecarPathFor(src);
    this.states.delete(src);
    if (!(await this.fs.stat(sidecar))) return undefined;
    return { kind: 'missing-source', path: sidecar, line: 1, col: 1, sourcePath: src, message: `its source ${baseName(src)} was deleted; the annotations are kept here` };
  }

  /** Delete a source's sidecar. Returns its bytes (to undo) or undefined when there was none. */
  async deleteSidecar(sourcePath: string): Promise<Uint8Array | undefined> {
    const src = checkedPath(this.root, sourcePath);
    return await this.serialize(src, async () => {
      const sidecar = sidecarPathFor(src);
      const outside = await this.guard.check(sidecar);
      if (outside) throw new UserError(`${relativeTo(this.root, sidecar)}: ${outside}`);
      if (!(await this.fs.stat(sidecar))) return undefined;
      const bytes = await this.fs.readFile(sidecar);
      await this.fs.delete(sidecar);
      this.states.delete(src);
      return bytes;
    });
  }

  // ---------------------------------------------------------------------------------------

  private async loadOne(sidecarPath: string, keepDocument: boolean): Promise<{ state: SourceAnnotations; problems: StoreProblem[] } | { problems: StoreProblem[] }> {
    const src = sourcePathFor(sidecarPath);
    const missing = { problems: [{ kind: 'missing-source' as const, path: sidecarPath, line: 1, col: 1, sourcePath: src, message: `source ${baseName(src)} not found (renamed or deleted?); the annotations are kept here` }] };
    const unreadable = (message: string): { problems: StoreProblem[] } => ({ problems: [{ kind: 'unreadable-source', path: sidecarPath, line: 1, col: 1, sourcePath: src, message }] });
    const outside = await this.guard.check(src);
    if (outside) return unreadable(`its source ${baseName(src)}: ${outside}`);
    let text: string | undefined;
    try {
      // The type and size are checked before reading (a FIFO would hang the read).
      text = await readSourceFile(this.fs, src, baseName(src));
    } catch (err) {
      return unreadable(`cannot read its source: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (text === undefined) {
      // Still say what is wrong with the sidecar itself.
      const disk = await this.readDisk(sidecarPath);
      const issues = disk.issue ? [disk.issue] : disk.text !== undefined ? (readSidecarFast(disk.text) ? [] : parseSidecar(disk.text)) : [];
      const list = Array.isArray(issues) ? issues : issues.ok ? [] : issues.issues;
      return { problems: [...missing.problems, ...list.map((i) => ({ kind: 'malformed' as const, path: sidecarPath, line: i.line, col: i.col, sourcePath: src, message: i.message }))] };
    }
    const sourceText = text;
    // A workspace can hold thousands of sidecars: read them fast and keep their data, not their
    // YAML trees (a write parses the file again).
    const state = await this.serialize(src, async () => {
      const disk = await this.readDisk(sidecarPathFor(src));
      let st = this.build(src, disk, sourceText, this.states.get(src), !keepDocument);
      if (!keepDocument && st.parsed?.doc) st = { ...st, parsed: { ...st.parsed, doc: undefined } };
      this.states.set(src, st);
      return this.view(st);
    });
    return { state, problems: [...state.problems] };
  }

  private serialize<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(key) ?? Promise.resolve();
    const run = prev.then(async () => {
      if (!this.searchFn) this.searchFn = await loadApproxSearch();
      return fn();
    });
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  /** Read a sidecar; with `sourcePath`, refuse it also when the source's real path is outside the root. */
  private async readDisk(sidecarPath: string, sourcePath?: string): Promise<DiskRead> {
    const outside = (sourcePath === undefined ? undefined : await this.guard.check(sourcePath).then((m) => m && `its source ${baseName(sourcePath)}: ${m}`)) ?? (await this.guard.check(sidecarPath));
    if (outside) return { text: `\u0000outside:${outside}`, issue: { line: 1, col: 1, message: outside } };
    const st = await this.fs.stat(sidecarPath);
    if (!st) return { text: undefined };
    if (st.type !== 'file') return { text: '', issue: { line: 1, col: 1, message: 'not a regular file' } };
    if (st.size > MAX_SIDECAR_BYTES) {
      return { text: `\u0000size:${st.size}:${st.mtime}`, issue: { line: 1, col: 1, message: `the file is too large (${st.size} bytes; the limit is ${MAX_SIDECAR_BYTES})` } };
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(sidecarPath);
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return { text: undefined };
      // Unreadable (permissions, a file that changed type): this file is reported, the others go on.
      const message = `cannot read the file: ${err instanceof Error ? err.message : String(err)}`;
      return { text: `\u0000unreadable:${message}`, issue: { line: 1, col: 1, message } };
    }
    const d = decodeSidecar(bytes);
    if ('issue' in d) return { text: `\u0000bytes:${bytes.length}:${hashBytes(bytes)}`, issue: d.issue };
    return { text: d.text };
  }

  /** Parse (when the disk text changed) and anchor against `sourceText`. */
  private build(sourcePath: string, disk: DiskRead, sourceText: string, prev: State | undefined, fast = false): State {
    const sidecarPath = sidecarPathFor(sourcePath);
    const map = new OffsetMap(sourceText);
    if (disk.issue) return { sourcePath, sidecarPath, diskText: disk.text, parsed: undefined, issues: [disk.issue], sourceText, map, entries: [] };
    if (disk.text === undefined) return { sourcePath, sidecarPath, diskText: undefined, parsed: undefined, issues: [], sourceText, map, entries: [] };
    if (prev && prev.diskText === disk.text && prev.parsed) {
      if (prev.sourceText === sourceText) {
        // Same file, same text: only orphans may come back (their text may have returned through
        // edits that were followed one by one, or the fuzzy search was not tried yet).
        if (!prev.entries.some((e) => e.status === 'orphan')) return prev;
        const anchorer = new Anchorer(sourceText, this.searchFn!, prev.map);
        const entries = prev.entries.map((e): AnchoredAnnotation => {
          if (e.status !== 'orphan') return e;
          const r = anchorer.anchor(e.annotation.target, false, e.lastSeen16);
          return r.status === 'anchored' ? this.anchoredFrom(e.annotation, r) : e;
        });
        return { ...prev, entries: sortEntries(entries) };
      }
      // Same file, new text: anchor from the latest known positions.
      const entries = this.anchorEntries(prev.entries.map((e) => e.annotation), sourceText, map, false);
      return { ...prev, sourceText, map, entries };
    }
    if (fast) {
      // Workspace-wide loads: js-yaml and no Document. Files with orphans take the full path
      // below, so that their problems carry the entry's line and column.
      const f = readSidecarFast(disk.text);
      if (f) {
        const unchanged = f.sourceHash !== undefined && f.sourceHash === this.hashOf(sourceText);
        const entries = this.anchorEntries(f.annotations, sourceText, map, unchanged);
        if (entries.every((e) => e.status === 'anchored')) {
          const parsed = { doc: undefined, sourceHash: f.sourceHash, annotations: f.annotations, positions: new Map<string, { line: number; col: number }>(), crlf: f.crlf };
          return { sourcePath, sidecarPath, diskText: disk.text, parsed, issues: [], sourceText, map, entries };
        }
      }
    }
    const r = parseSidecar(disk.text);
    if (!r.ok) return { sourcePath, sidecarPath, diskText: disk.text, parsed: undefined, issues: r.issues, sourceText, map, entries: [] };
    const unchanged = r.sidecar.sourceHash !== undefined && r.sidecar.sourceHash === this.hashOf(sourceText);
    const entries = this.anchorEntries(r.sidecar.annotations, sourceText, map, unchanged);
    return { sourcePath, sidecarPath, diskText: disk.text, parsed: r.sidecar, issues: [], sourceText, map, entries };
  }

  private anchorEntries(annotations: readonly Annotation[], text: string, map: OffsetMap, unchanged: boolean): AnchoredAnnotation[] {
    const results = new Anchorer(text, this.searchFn!, map).anchorAll(
      annotations.map((a) => a.target),
      unchanged,
    );
    return sortEntries(
      annotations.map((a, i): AnchoredAnnotation => {
        const r = results[i];
        return r.status === 'anchored' ? this.anchoredFrom(a, r) : { annotation: a, status: 'orphan', reason: r.reason };
      }),
    );
  }

  /** An annotation anchored by the Anchorer; its wording as annotated is kept when the text differs. */
  private anchoredFrom(a: Annotation, r: Extract<AnchorResult, { status: 'anchored' }>): AnchoredAnnotation {
    return { annotation: r.changed ? withTarget(a, r.target) : a, status: 'anchored', method: r.method, start16: r.start16, end16: r.end16 };
  }

  private mutate<T>(sourcePath: string, sourceText: string, op: (st: State & { entries: AnchoredAnnotation[] }, doc: Document) => T): Promise<T>;
  private mutate<T>(sourcePath: string, sourceText: string, op: (st: State, doc: Document) => T, onlyIfExists: true): Promise<{ value: T; written: boolean }>;
  private async mutate<T>(sourcePath: string, sourceText: string, op: (st: State, doc: Document) => T, onlyIfExists?: true): Promise<T | { value: T; written: boolean }> {
    const src = checkedPath(this.root, sourcePath);
    return await this.serialize(src, () => this.locked(sidecarPathFor(src), () => this.mutateNow(src, sourceText, op, onlyIfExists)));
  }

  /** Run `fn` holding the file system's lock on `path` (other processes writing it wait). */
  private async locked<T>(path: string, fn: () => Promise<T>): Promise<T> {
    if (!this.fs.lock || (await this.guard.check(path))) return await fn();
    const release = await this.fs.lock(path);
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  private async mutateNow<T>(src: string, sourceText: string, op: (st: State, doc: Document) => T, onlyIfExists?: true): Promise<T | { value: T; written: boolean }> {
    const sidecarPath = sidecarPathFor(src);
    const disk = await this.readDisk(sidecarPath, src);
    const prev = this.states.get(src);
    const changedOnDisk = prev !== undefined && prev.diskText !== disk.text;
    let st = this.build(src, disk, sourceText, prev);
    this.states.set(src, st);
    const rel = relativeTo(this.root, sidecarPath);
    if (st.issues.length > 0) {
      const i = st.issues[0];
      throw new UserError(
        `${rel}:${i.line}:${i.col}: ${i.message}\n${changedOnDisk ? 'It changed on disk and is malformed now; ' : ''}its annotations are read-only until the file is fixed`,
      );
    }
    if (onlyIfExists && disk.text === undefined) return { value: undefined as T, written: false };
    if (st.parsed && !st.parsed.doc) {
      // Loaded without its Document (workspace load): parse it with yaml now, validate it
      // again, and anchor from that data, so that a write never rests on the fast reader.
      st = this.build(src, disk, sourceText, undefined);
      this.states.set(src, st);
      if (st.issues.length > 0) {
        const i = st.issues[0];
        throw new UserError(`${rel}:${i.line}:${i.col}: ${i.message}\nits annotations are read-only until the file is fixed`);
      }
    }
    const base = st.parsed?.doc;
    const doc = base ? base.clone() : newSidecarDocument(baseName(src));
    const work: State = { ...st, entries: st.entries.slice() };
    const value = op(work, doc);
    // Entries the anchoring moved get their new target; entries still where the file says keep
    // every byte, even if their stored context is missing or shorter than ours.
    const stored = new Map((st.parsed?.annotations ?? []).map((a) => [a.id, a.target]));
    for (const e of work.entries) {
      const t = stored.get(e.annotation.id);
      if (e.status === 'anchored' && t !== undefined && movedTarget(t, e.annotation.target)) updateAnnotation(doc, e.annotation);
    }
    setSourceHash(doc, this.hashOf(sourceText));
    sortAnnotations(doc);
    const { text, parsed: check } = renderSidecar(base && disk.text !== undefined ? { text: disk.text, doc: base } : undefined, doc, st.parsed?.crlf ?? false);
    if (!check.ok) throw new Error(`refusing to write an invalid sidecar (${check.issues[0].line}:${check.issues[0].col}: ${check.issues[0].message})`);
    let written = false;
    if (text !== disk.text) {
      const again = await this.readDisk(sidecarPath);
      if (again.text !== disk.text) throw new UserError(`${rel} changed on disk while it was being updated; nothing was written, try again`);
      await this.fs.writeFile(sidecarPath, new TextEncoder().encode(text));
      written = true;
    }
    this.states.set(src, { ...work, diskText: text, parsed: check.sidecar, issues: [], entries: sortEntries(work.entries) });
    return onlyIfExists ? { value, written } : value;
  }

  private view(st: State): SourceAnnotations {
    return view(st, (text) => this.hashOf(text));
  }

  private hashOf(text: string): string {
    if (this.lastHash?.text !== text) this.lastHash = { text, hash: hashSourceText(text) };
    return this.lastHash.hash;
  }

  private indexOf(st: State, id: string): number {
    const i = st.entries.findIndex((e) => e.annotation.id === id);
    if (i < 0) throw new UserError(`annotation ${id} is not in ${relativeTo(this.root, st.sidecarPath)} (was it deleted on disk?)`);
    return i;
  }

  private targetFor(st: State, span: SpanCodePoints): Annotation['target'] {
    const { start, end } = span;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end <= start || end > st.map.codePointLength) {
      throw new UserError(`invalid span ${start}..${end}: the source has ${st.map.codePointLength} code points and a span must not be empty`);
    }
    return makeTarget(st.sourceText, st.map, st.map.toUtf16(start), st.map.toUtf16(end));
  }

  private nowIso(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }
}

function anchoredEntry(annotation: Annotation, map: OffsetMap, method: 'new'): AnchoredAnnotation {
  return { annotation, status: 'anchored', method, start16: map.toUtf16(annotation.target.start), end16: map.toUtf16(annotation.target.end) };
}

/**
 * The annotation on a new target. When the quoted text differs from what was annotated, the text
 * as annotated is kept in `original` (until the user accepts the change or re-attaches); when
 * the text is back to it, `original` goes.
 */
export function withTarget(a: Annotation, target: Annotation['target']): Annotation {
  const annotated = a.original ?? a.target.exact;
  const { original: _old, ...rest } = a;
  return target.exact === annotated ? { ...rest, target } : { ...rest, target, original: annotated };
}

/** The anchor moved (position or quote), as opposed to only its stored context being different. */
function movedTarget(a: Annotation['target'], b: Annotation['target']): boolean {
  return a.start !== b.start || a.end !== b.end || a.exact !== b.exact;
}

function sortEntries(entries: AnchoredAnnotation[]): AnchoredAnnotation[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.annotation.target.start - b.e.annotation.target.start || a.i - b.i)
    .map((x) => x.e);
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  const t = (x: Annotation['target']): string => JSON.stringify([x.exact, x.prefix, x.suffix, x.start, x.end]);
  return a.id === b.id && a.note === b.note && a.author === b.author && a.created === b.created && a.modified === b.modified && t(a.target) === t(b.target) && JSON.stringify(a.tags) === JSON.stringify(b.tags);
}

function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const s = t.trim();
    if (s.length > 0 && !out.includes(s)) out.push(s);
  }
  return out;
}

function hashBytes(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16);
}

function problemsOf(st: State): StoreProblem[] {
  const out: StoreProblem[] = [];
  const marker = st.issues.length > 0 && st.diskText !== undefined && !st.diskText.startsWith('\u0000') ? findConflictMarker(st.diskText) : undefined;
  if (marker !== undefined) {
    out.push({ kind: 'conflict-markers', path: st.sidecarPath, line: marker, col: 1, sourcePath: st.sourcePath, message: markersMessage() });
    return out;
  }
  for (const i of st.issues) {
    out.push({ kind: 'malformed', path: st.sidecarPath, line: i.line, col: i.col, sourcePath: st.sourcePath, message: `${i.message} (the annotations of this file are read-only until it is fixed)` });
  }
  for (const e of st.entries) {
    if (e.status === 'anchored' && e.annotation.original !== undefined && e.start16 !== undefined) {
      const { line, col } = lineColAt(st.sourceText, e.start16);
      out.push({
        kind: 'changed',
        severity: 'info',
        path: st.sourcePath,
        line,
        col,
        sourcePath: st.sourcePath,
        annotationId: e.annotation.id,
        message: `the wording of annotation ${e.annotation.id} changed: ${JSON.stringify(clip(e.annotation.original, 80))} is now ${JSON.stringify(clip(e.annotation.target.exact, 80))}; accept the new text or re-attach it`,
      });
    }
    (e.annotation.conflicts ?? []).forEach((c, k) => {
      const at = st.parsed?.positions.get(e.annotation.id) ?? { line: 1, col: 1 };
      out.push({ kind: 'conflict', path: st.sidecarPath, line: at.line, col: at.col, sourcePath: st.sourcePath, annotationId: e.annotation.id, conflictIndex: k, message: conflictMessage(e.annotation.id, c) });
    });
    if (e.status !== 'orphan') continue;
    const at = st.parsed?.positions.get(e.annotation.id) ?? { line: 1, col: 1 };
    const q = e.annotation.target.exact;
    const quote = q.length > 40 ? q.slice(0, 37) + '...' : q;
    out.push({
      kind: 'orphan',
      path: st.sidecarPath,
      line: at.line,
      col: at.col,
      sourcePath: st.sourcePath,
      annotationId: e.annotation.id,
      message: `orphaned annotation ${e.annotation.id}: ${JSON.stringify(quote)} is no longer found in ${baseName(st.sourcePath)} (${e.reason ?? 'not found'}); re-attach it to a new selection`,
    });
  }
  return out;
}

/** The message of a sidecar with git's conflict markers (check and Problems). */
export function markersMessage(): string {
  return 'unmerged git conflict markers (<<<<<<< ======= >>>>>>>): rebuild the file from both sides with `source-annotator check --fix` or the quick fix (no annotation of either side is lost)';
}

function conflictMessage(id: string, c: AnnotationConflict): string {
  if ('deletedBy' in c) return `merge conflict in annotation ${id}: deleted on ${c.deletedBy === 'ours' ? 'our' : 'their'} side, changed on the other; it is kept: keep it or delete it`;
  const show = (v: string | Annotation['target']): string => (typeof v === 'string' ? (v === '' ? '(none)' : JSON.stringify(clip(v, 60))) : `${JSON.stringify(clip(v.exact, 40))} at ${v.start}..${v.end}`);
  return `merge conflict in annotation ${id}: \`${c.field}\` is ${show(c.ours)} on our side and ${show(c.theirs)} on theirs; keep one`;
}

function withConflicts(a: Annotation, conflicts: readonly AnnotationConflict[]): Annotation {
  const { conflicts: _c, ...rest } = a;
  return conflicts.length > 0 ? { ...rest, conflicts } : rest;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 3) + '...' : s;
}

/** 1-based line and column (in code points) of a UTF-16 offset. */
function lineColAt(text: string, at16: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at16; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: [...text.slice(lineStart, at16)].length + 1 };
}

function view(st: State, hashOf: (text: string) => string): SourceAnnotations {
  let stale = false;
  if (st.parsed) {
    const stored = new Map(st.parsed.annotations.map((a) => [a.id, a.target]));
    stale =
      st.parsed.sourceHash !== hashOf(st.sourceText) ||
      st.entries.some((e) => {
        const t = stored.get(e.annotation.id);
        return e.status === 'anchored' && (t === undefined || movedTarget(t, e.annotation.target));
      });
  }
  return {
    sourcePath: st.sourcePath,
    sidecarPath: st.sidecarPath,
    sourceText: st.sourceText,
    exists: st.diskText !== undefined,
    readOnly: st.issues.length > 0,
    annotations: st.entries.slice(),
    problems: problemsOf(st),
    stale,
  };
}
