import * as assert from 'assert';
import { main } from '../../../src/cli/main';
import { neutralizeControls } from '../../../src/core/text/terminal';
import { MemoryFileSystem } from '../fakes/memoryFileSystem';

const ESC = '\u001b';
const TITLE = `${ESC}]0;pwned\u0007`;
const CLEAR = `${ESC}[2J`;
const CSI = '\u009b2J';

async function run(fs: MemoryFileSystem, argv: string[], stdoutIsTerminal = false): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { fs, cwd: '/ws', stdout: (t) => (out += t), stderr: (t) => (err += t), stdoutIsTerminal });
  return { code, out, err };
}

function controls(s: string): string[] {
  // eslint-disable-next-line no-control-regex
  return s.match(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g) ?? [];
}

describe('security: nothing from a file drives the terminal', () => {
  it('check prints key names from a sidecar with their control characters shown, not sent', async () => {
    const fs = new MemoryFileSystem({
      '/ws/a.txt': 'Some text.',
      '/ws/a.txt.annotations.yaml': `version: 1\nannotations: []\n"${TITLE.replace(ESC, '\\e').replace('\u0007', '\\a')}${'\\e[2J'}\\r\\u202e": 1\n`,
    });
    const r = await run(fs, ['check']);
    assert.strictEqual(r.code, 1);
    assert.deepStrictEqual(controls(r.out + r.err), []);
    assert.match(r.out, /unknown key '\\x1b\]0;pwned\\x07\\x1b\[2J\\x0d\\u202e'/);
  });

  it('analyze without --json shows quotes from a source neutralised', async () => {
    const fs = new MemoryFileSystem({ '/ws/a.txt': `Jane Smith said: "We will ${TITLE}${CLEAR}${CSI} win this race today," on Monday.\n` });
    const r = await run(fs, ['analyze', 'a.txt']);
    assert.strictEqual(r.code, 0, r.err);
    assert.ok(r.out.includes('\\x1b]0;pwned'), r.out);
    assert.deepStrictEqual(controls(r.out + r.err), []);
  });

  it('export to a terminal is neutralised; to a pipe or file it keeps every byte', async () => {
    const files = {
      '/ws/a.txt': `Some ${CLEAR} text.`,
      '/ws/a.txt.annotations.yaml': ['version: 1', 'annotations:', '  - id: a-0000000001', '    target: { exact: "Some", start: 0, end: 4 }', `    note: "x\\e]8;;http://evil\\e\\\\link"`, '    author: A', '    created: 2026-01-01T00:00:00.000Z', '    modified: 2026-01-01T00:00:00.000Z', ''].join('\n'),
    };
    const tty = await run(new MemoryFileSystem(files), ['export', '--format', 'csv'], true);
    assert.strictEqual(tty.code, 0, tty.err);
    assert.deepStrictEqual(controls(tty.out), []);
    const pipe = await run(new MemoryFileSystem(files), ['export', '--format', 'csv'], false);
    assert.ok(pipe.out.includes(`${ESC}]8;;http://evil`), 'the data is unchanged when not printed to a terminal');
  });

  it('neutralizeControls keeps line feeds, tabs and ordinary text', () => {
    assert.strictEqual(neutralizeControls('a\tb\nc é 😀'), 'a\tb\nc é 😀');
    assert.strictEqual(neutralizeControls(`${ESC}[31m\r\u009b\u202e`), '\\x1b[31m\\x0d\\x9b\\u202e');
  });
});
