/**
 * Reader for CoNLL-style NER files (CoNLL-2003 `eng.testa`, wikigold): one token a line with its
 * tag in the last column, blank lines between sentences, `-DOCSTART-` between documents. Each
 * document becomes running text (one sentence a line, tokens joined the way news prints them:
 * no space before closing punctuation and clitics, none inside quotes) with gold name spans.
 */

export type ConllType = 'PERSON' | 'ORG' | 'LOC' | 'MISC';

export interface ConllName {
  readonly start: number;
  readonly end: number;
  readonly type: ConllType;
}

export interface ConllDoc {
  readonly name: string;
  readonly text: string;
  readonly names: ConllName[];
}

const TYPES: Record<string, ConllType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };

/** Tokens printed without a space before them. */
const NO_SPACE_BEFORE = /^(?:[.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|'|\.\.\.)$/;

/** Tokens printed without a space after them. */
const NO_SPACE_AFTER = /^[([{$]$/;

interface Tok {
  readonly form: string;
  /** IOB tag: "O", "I-PER", "B-ORG", ... */
  readonly tag: string;
}

/** Splits a file into documents of sentences of tokens. */
function readSentences(src: string): Tok[][][] {
  const docs: Tok[][][] = [];
  let doc: Tok[][] = [];
  let sent: Tok[] = [];
  const endSentence = (): void => {
    if (sent.length > 0) doc.push(sent);
    sent = [];
  };
  for (const line of src.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endSentence();
      if (doc.length > 0) docs.push(doc);
      doc = [];
      continue;
    }
    if (line.trim() === '') {
      endSentence();
      continue;
    }
    sent.push({ form: cols[0], tag: cols[cols.length - 1] });
  }
  endSentence();
  if (doc.length > 0) docs.push(doc);
  return docs;
}

/**
 * The documents of a CoNLL-style file. Names are maximal runs of one type; a `B-` tag starts a new
 * name (IOB1 and IO both read this way).
 */
export function readConll(src: string, prefix: string): ConllDoc[] {
  return readSentences(src).map((sentences, d) => {
    let text = '';
    const names: ConllName[] = [];
    for (const sent of sentences) {
      if (text !== '') text += '\n';
      let open: { start: number; end: number; type: ConllType } | null = null;
      let inQuote = false;
      let glue = true;
      for (const t of sent) {
        let space = !glue && !NO_SPACE_BEFORE.test(t.form);
        if (t.form === '"') {
          if (inQuote) space = false; // a closing quote hugs the word before it
          inQuote = !inQuote;
        }
        if (space) text += ' ';
        const start = text.length;
        text += t.form;
        glue = NO_SPACE_AFTER.test(t.form) || (t.form === '"' && inQuote);
        const type = t.tag === 'O' ? null : TYPES[t.tag.slice(2)];
        if (open && (type !== open.type || t.tag.startsWith('B-'))) {
          names.push(open);
          open = null;
        }
        if (type) {
          if (open) open.end = text.length;
          else open = { start, end: text.length, type };
        }
      }
      if (open) names.push(open);
    }
    return { name: `${prefix}${String(d + 1).padStart(3, '0')}`, text, names };
  });
}
