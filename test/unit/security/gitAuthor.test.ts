import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultAuthor } from '../../../src/cli/annotate';
import { TempWorkspace } from './tempWorkspace';

describe('security: annotate never runs a git from the repository', () => {
  let t: TempWorkspace;
  let savedPath: string | undefined;
  beforeEach(() => {
    t = new TempWorkspace();
    savedPath = process.env.PATH;
  });
  afterEach(() => {
    process.env.PATH = savedPath;
    t.dispose();
  });

  it('a git program committed to the repository is not started (Windows looks in the working folder first)', function () {
    if (process.platform === 'win32') this.skip();
    // An empty PATH entry means "the working folder" on POSIX: the same search order as Windows.
    const marker = path.join(t.dir, 'ran');
    const fake = t.write('ws/git', `#!/bin/sh\necho pwned > ${JSON.stringify(marker)}\necho Mallory\n`);
    fs.chmodSync(fake, 0o755);
    process.env.PATH = `:${savedPath ?? ''}`;
    const author = defaultAuthor(t.ws);
    assert.ok(!fs.existsSync(marker), 'the repository’s git ran');
    assert.notStrictEqual(author, 'Mallory');
  });
});
