import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { ID_PATTERN } from '../annotations/ids';
import { SIDECAR_SCHEMA } from './schema';
import type { SidecarIssue } from './sidecar';

/**
 * A validator for exactly SIDECAR_SCHEMA (src/core/store/schema.ts), working on the parsed YAML
 * nodes so every issue has a line and column. A unit test checks it agrees with ajv running the
 * schema itself. YAML aliases are refused outright: a sidecar never needs them, and refusing
 * them bounds "billion laughs" alias bombs by construction.
 */
type PosOf = (node: Node | undefined | null) => { line: number; col: number };

const DATE = new RegExp(SIDECAR_SCHEMA.definitions.annotation.properties.created.pattern);
const HASH = new RegExp(SIDECAR_SCHEMA.properties.sourceHash.pattern);
const TOP_KEYS = Object.keys(SIDECAR_SCHEMA.properties);
const ANNOTATION_KEYS = Object.keys(SIDECAR_SCHEMA.definitions.annotation.properties);
const ANNOTATION_REQUIRED: readonly string[] = SIDECAR_SCHEMA.definitions.annotation.required;
const TARGET_KEYS = Object.keys(SIDECAR_SCHEMA.definitions.target.properties);
const TARGET_REQUIRED: readonly string[] = SIDECAR_SCHEMA.definitions.target.required;
const MAX_ISSUES = 50;

export function validateSidecarNode(contents: unknown, posOf: PosOf): SidecarIssue[] {
  const issues: SidecarIssue[] = [];
  const add = (node: Node | undefined | null, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ ...posOf(node), message });
  };
  const aliases = findAliases(contents);
  for (const a of aliases) add(a, 'YAML aliases are not allowed in a sidecar');
  if (aliases.length > 0) return issues;

  if (!isMap(contents)) {
    add(contents as Node, 'a sidecar must be a mapping with `version: 1` and `annotations:`');
    return issues;
  }
  checkKeys(contents, TOP_KEYS, ['version', 'annotations'], 'the sidecar', add);
  const version = contents.get('version', true);
  if (version !== undefined) {
    if (!isScalar(version) || typeof version.value !== 'number') add(version, '`version` must be the number 1');
    else if (version.value !== 1) add(version, `unknown sidecar version ${String(version.value)} (this Source Annotator reads version 1)`);
  }
  const hash = contents.get('sourceHash', true);
  if (hash !== undefined && !(isScalar(hash) && typeof hash.value === 'string' && HASH.test(hash.value))) {
    add(hash, '`sourceHash` must look like fnv1a32:0123abcd');
  }
  const list = contents.get('annotations', true);
  if (list === undefined) return issues;
  if (!isSeq(list)) {
    add(list, '`annotations` must be a list');
    return issues;
  }
  for (const item of list.items) {
    if (!isMap(item)) {
      add(item as Node, 'each annotation must be a mapping');
      continue;
    }
    checkAnnotation(item, add);
  }
  return issues;
}

function checkKeys(map: YAMLMap, allowed: readonly string[], required: readonly string[], what: string, add: (n: Node | undefined, m: string) => void): void {
  const present = new Set<string>();
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof key !== 'string') {
      add(pair.key as Node, `${what}: keys must be strings`);
      continue;
    }
    present.add(key);
    if (!allowed.includes(key)) add(pair.key as Node, `${what}: unknown key '${key}' (allowed: ${allowed.join(', ')})`);
  }
  for (const r of required) if (!present.has(r)) add(map, `${what}: missing required key '${r}'`);
}

function checkAnnotation(m: YAMLMap, add: (n: Node | undefined, msg: string) => void): void {
  const idNode = m.get('id', true);
  const id = isScalar(idNode) && typeof idNode.value === 'string' ? idNode.value : undefined;
  const what = id ? `annotation '${id}'` : 'annotation';
  checkKeys(m, ANNOTATION_KEYS, ANNOTATION_REQUIRED, what, add);
  if (idNode !== undefined && (id === undefined || !ID_PATTERN.test(id))) add(idNode, `${what}: \`id\` must be letters, digits, '.', '_', ':' or '-' (at most 128)`);
  for (const key of ['note', 'author', 'created', 'modified', 'original']) {
    const v = m.get(key, true);
    if (v === undefined) continue;
    if (!isScalar(v) || typeof v.value !== 'string') {
      add(v, `${what}: \`${key}\` must be a string (quote it)`);
    } else if (key === 'original' && v.value.length === 0) {
      add(v, `${what}: \`original\` must not be empty (remove it instead)`);
    } else if ((key === 'created' || key === 'modified') && !DATE.test(v.value)) {
      add(v, `${what}: \`${key}\` must be an ISO 8601 date-time such as 2026-11-21T10:00:00.000Z`);
    }
  }
  const tags = m.get('tags', true);
  if (tags !== undefined) {
    if (!isSeq(tags)) add(tags, `${what}: \`tags\` must be a list of strings`);
    else for (const t of tags.items) if (!isScalar(t) || typeof t.value !== 'string' || t.value.length === 0) add(t as Node, `${what}: each tag must be a non-empty string (quote it)`);
  }
  const target = m.get('target', true);
  if (target !== undefined) checkTarget(target, what, '', add);
  const conflicts = m.get('conflicts', true);
  if (conflicts !== undefined) {
    if (!isSeq(conflicts)) add(conflicts, `${what}: \`conflicts\` must be a list`);
    else for (const c of conflicts.items) checkConflict(c, what, add);
  }
}

const CONFLICT_FIELDS: readonly string[] = SIDECAR_SCHEMA.definitions.conflict.properties.field.enum;
const CONFLICT_KEYS = Object.keys(SIDECAR_SCHEMA.definitions.conflict.properties);

/** One entry of `conflicts`: `{field, ours, theirs}` (targets for `target`, strings otherwise) or `{deletedBy}`. */
function checkConflict(c: unknown, what: string, add: (n: Node | undefined, msg: string) => void): void {
  if (!isMap(c)) {
    add(c as Node, `${what}: each conflict must be a mapping ({field, ours, theirs} or {deletedBy})`);
    return;
  }
  checkKeys(c, CONFLICT_KEYS, [], `${what} conflict`, add);
  const deletedBy = c.get('deletedBy', true);
  const field = c.get('field', true);
  if (deletedBy !== undefined) {
    if (!isScalar(deletedBy) || (deletedBy.value !== 'ours' && deletedBy.value !== 'theirs')) add(deletedBy, `${what}: \`deletedBy\` must be ours or theirs`);
    if (field !== undefined || c.has('ours') || c.has('theirs')) add(c, `${what}: a conflict is either {deletedBy} or {field, ours, theirs}`);
    return;
  }
  if (field === undefined || !c.has('ours') || !c.has('theirs')) {
    add(c, `${what}: a conflict needs \`field\`, \`ours\` and \`theirs\` (or \`deletedBy\`)`);
    return;
  }
  const name = isScalar(field) && typeof field.value === 'string' ? field.value : undefined;
  if (name === undefined || !CONFLICT_FIELDS.includes(name)) {
    add(field, `${what}: conflict \`field\` must be one of ${CONFLICT_FIELDS.join(', ')}`);
    return;
  }
  for (const side of ['ours', 'theirs']) {
    const v = c.get(side, true);
    if (name === 'target') checkTarget(v, what, `conflict ${side} `, add);
    else if (!isScalar(v) || typeof v.value !== 'string') add(v, `${what}: conflict \`${side}\` of \`${name}\` must be a string (quote it)`);
  }
}

function checkTarget(target: unknown, what: string, label: string, add: (n: Node | undefined, msg: string) => void): void {
  if (!isMap(target)) {
    add(target as Node, `${what}: ${label}\`target\` must be a mapping with exact, prefix, suffix, start and end`);
    return;
  }
  checkKeys(target, TARGET_KEYS, TARGET_REQUIRED, `${what} ${label}target`, add);
  for (const key of ['exact', 'prefix', 'suffix']) {
    const v = target.get(key, true);
    if (v === undefined) continue;
    if (!isScalar(v) || typeof v.value !== 'string') add(v, `${what}: ${label}\`target.${key}\` must be a string (quote it)`);
    else if (key === 'exact' && v.value.length === 0) add(v, `${what}: ${label}\`target.exact\` must not be empty`);
  }
  const nums: Record<string, number> = {};
  for (const key of ['start', 'end']) {
    const v = target.get(key, true);
    if (v === undefined) continue;
    if (!isScalar(v) || typeof v.value !== 'number' || !Number.isSafeInteger(v.value) || v.value < 0) {
      add(v, `${what}: ${label}\`target.${key}\` must be a whole number >= 0 (code points)`);
    } else {
      nums[key] = v.value;
    }
  }
  if (nums.start !== undefined && nums.end !== undefined && nums.end < nums.start) add(target.get('end', true), `${what}: ${label}\`target.end\` is before \`target.start\``);
}

function findAliases(root: unknown): Node[] {
  const out: Node[] = [];
  const stack: unknown[] = [root];
  let visited = 0;
  while (stack.length > 0 && out.length < MAX_ISSUES && visited++ < 5_000_000) {
    const n = stack.pop();
    if (isAlias(n)) out.push(n);
    else if (isMap(n)) for (const p of n.items) stack.push(p.key, p.value);
    else if (isSeq(n)) for (const it of n.items) stack.push(it);
  }
  return out;
}
