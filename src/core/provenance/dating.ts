import type { Provenance } from './model';

/**
 * When a source appeared, for ordering: its publication date, else when it was retrieved, else
 * its file's modification time; `unknown` when none is known. Which one was used is kept, so that
 * every view can say it.
 */
export type DateBasis = 'published' | 'retrieved' | 'file' | 'unknown';

export interface SourceDating {
  readonly basis: DateBasis;
  /** Milliseconds since the epoch (a date alone: its midnight UTC); NaN when unknown. */
  readonly time: number;
  /** 'day' for a date without a time (its order within that day is not known). */
  readonly precision: 'day' | 'time';
  /** The date as written (published, retrieved) or as an ISO date-time (file time); '' when unknown. */
  readonly label: string;
}

export const UNKNOWN_DATING: SourceDating = { basis: 'unknown', time: Number.NaN, precision: 'time', label: '' };

/** Human words for each basis, for "ordered by …". */
export const BASIS_WORDS: Readonly<Record<DateBasis, string>> = {
  published: 'publication date',
  retrieved: 'retrieval time',
  file: 'file time',
  unknown: 'no date',
};

/** A source's dating from its provenance (valid: see parseProvenance) and its file's mtime. */
export function datingOf(provenance: Provenance | undefined, fileTime?: number): SourceDating {
  for (const basis of ['published', 'retrieved'] as const) {
    const v = provenance?.[basis];
    if (v === undefined) continue;
    const d = parseIsoDate(v);
    if (d) return { basis, ...d, label: v };
  }
  if (fileTime !== undefined && Number.isFinite(fileTime) && fileTime > 0) {
    return { basis: 'file', time: fileTime, precision: 'time', label: new Date(fileTime).toISOString().replace(/\.\d+Z$/, 'Z') };
  }
  return UNKNOWN_DATING;
}

/** An ISO 8601 date or date-time with offset, as the provenance file allows; undefined otherwise. */
export function parseIsoDate(iso: string): { time: number; precision: 'day' | 'time' } | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const t = Date.parse(`${iso}T00:00:00Z`);
    return Number.isFinite(t) ? { time: t, precision: 'day' } : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) return undefined;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? { time: t, precision: 'time' } : undefined;
}

/**
 * Order of two datings: earlier first; unknown last. Returns 0 when they cannot be told apart:
 * the same instant, or the same calendar day when either is a date alone.
 */
export function compareDatings(a: SourceDating, b: SourceDating): number {
  const ka = Number.isFinite(a.time);
  const kb = Number.isFinite(b.time);
  if (!ka || !kb) return ka === kb ? 0 : ka ? -1 : 1;
  if (a.precision === 'day' || b.precision === 'day') {
    const da = dayOf(a);
    const db = dayOf(b);
    if (da === db) return 0;
    return da < db ? -1 : 1;
  }
  return a.time === b.time ? 0 : a.time < b.time ? -1 : 1;
}

/** The calendar day of a dating: as written for a date alone or a date-time with offset (the publisher's day), UTC for a file time. */
function dayOf(d: SourceDating): string {
  if (d.basis !== 'file' && /^\d{4}-\d{2}-\d{2}/.test(d.label)) return d.label.slice(0, 10);
  return new Date(d.time).toISOString().slice(0, 10);
}

/** "2017-01-28 (published)", "retrieved 2026-11-30T10:00:00Z", "file time 2026-…", "no date". */
export function describeDating(d: SourceDating): string {
  switch (d.basis) {
    case 'published':
      return `published ${d.label}`;
    case 'retrieved':
      return `retrieved ${d.label}`;
    case 'file':
      return `file time ${d.label}`;
    case 'unknown':
      return 'no date';
  }
}

/**
 * Like describeDating, with the calendar day only ("published 2017-01-31"): for the Sources
 * view's descriptions, where a time and its offset crowd out the title. The day is the
 * publisher's as written, UTC for a file time.
 */
export function describeDay(d: SourceDating): string {
  return d.basis === 'unknown' ? describeDating(d) : describeDating({ ...d, label: dayOf(d) });
}
