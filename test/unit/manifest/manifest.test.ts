import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';
import { CommandIds } from '../../../src/extension/commandIds';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

interface Manifest {
  engines: { vscode: string };
  contributes: { commands: Array<{ command: string }>; colors: Array<{ id: string; defaults: Record<string, string> }>; menus: Record<string, Array<{ command: string; when?: string }>> };
  devDependencies: Record<string, string>;
  main: string;
  bin: Record<string, string>;
}

describe('package.json manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest;

  it('contributes exactly the commands listed in commandIds.ts', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepStrictEqual(contributed, Object.values(CommandIds).sort());
  });

  it('offers each tree context-menu command on the rows it is for, and edits only in a trusted workspace', () => {
    // The tree's contextValues (features/tree/sourcesTree.ts), with a sample for each template.
    const tree = fs.readFileSync(path.join(REPO, 'src', 'extension', 'features', 'tree', 'sourcesTree.ts'), 'utf8');
    const rows = ['source', 'group.entities', 'entityType.PERSON', 'entity.PERSON', 'entity.ORG', 'speaker', 'speaker.unattributed', 'tag', 'tag.untagged', 'mention.quote', 'mention.entity', 'quote', 'quote.shared', 'annotation', 'annotation.orphan'];
    for (const r of rows) assert.ok(tree.includes(`'${r}`) || tree.includes(`\`${r.split('.')[0]}.`), `${r} is a contextValue of the tree`);
    const onRows = (command: string): string[] => {
      const whens = manifest.contributes.menus['view/item/context'].filter((m) => m.command === `sourceAnnotator.${command}`).map((m) => m.when ?? '');
      assert.ok(whens.length > 0, command);
      return rows.filter((row) =>
        whens.some((w) => {
          const eq = /viewItem == (\S+)/.exec(w);
          const re = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(w);
          return eq ? eq[1] === row : re ? new RegExp(re[1]).test(row) : false;
        }),
      );
    };
    for (const c of ['setEntityType', 'mergeEntity', 'renameEntity', 'notAnEntity']) assert.deepStrictEqual(onRows(c), ['entity.PERSON', 'entity.ORG'], c);
    for (const c of ['editAnnotation', 'retagAnnotation', 'deleteAnnotation']) assert.deepStrictEqual(onRows(c), ['annotation', 'annotation.orphan'], c);
    assert.deepStrictEqual(onRows('annotateSelection'), ['mention.quote', 'mention.entity', 'quote', 'quote.shared']);
    assert.deepStrictEqual(onRows('exportSource'), ['source']);
    const writers = ['annotateSelection', 'editAnnotation', 'retagAnnotation', 'deleteAnnotation', 'setEntityType', 'mergeEntity', 'renameEntity', 'notAnEntity'];
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      if (menu === 'commandPalette') continue;
      for (const m of items) {
        if (writers.includes(m.command.replace('sourceAnnotator.', ''))) assert.match(m.when ?? '', /isWorkspaceTrusted/, `${menu}: ${m.command} is hidden in Restricted Mode`);
      }
    }
  });

  it('contributes every theme colour the highlights use, readable on the default light and dark editors', () => {
    const decorations = fs.readFileSync(path.join(REPO, 'src', 'extension', 'features', 'decorations.ts'), 'utf8');
    const ids = new Set(manifest.contributes.colors.map((c) => c.id));
    for (const layer of ['entity.person', 'entity.org', 'entity.loc', 'entity.norp', 'quote', 'quote.term', 'annotation']) {
      for (const part of ['foreground', 'background']) assert.ok(ids.has(`sourceAnnotator.${layer}.${part}`), `${layer}.${part} is contributed`);
    }
    assert.match(decorations, /new vscode\.ThemeColor\(`sourceAnnotator\.\$\{id\}\.foreground`\)/, 'decorations take their colours from the contributed ids');
    // WCAG 2 contrast: marks (underlines, borders, ruler) at least 3:1 against the editor; the
    // editor's text at least 4.5:1 on a tinted background.
    const rgba = (hex: string): [number, number, number, number] => {
      const h = hex.replace('#', '');
      return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).concat(h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1) as [number, number, number, number];
    };
    const lum = (c: readonly number[]): number => {
      const [r, g, b] = c.slice(0, 3).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: readonly number[], b: readonly number[]): number => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    const over = (fg: readonly number[], bg: readonly number[]): number[] => [0, 1, 2].map((i) => fg[i] * fg[3] + bg[i] * (1 - fg[3]));
    // Default Dark Modern and Default Light Modern: editor background and text.
    const themes = { dark: { bg: rgba('#1f1f1f'), text: rgba('#cccccc') }, light: { bg: rgba('#ffffff'), text: rgba('#3b3b3b') } };
    for (const c of manifest.contributes.colors) {
      for (const [theme, { bg, text }] of Object.entries(themes)) {
        const value = c.defaults[theme];
        assert.ok(value?.startsWith('#'), `${c.id} has a ${theme} default`);
        const ratio = c.id.endsWith('.foreground') ? contrast(rgba(value), bg) : contrast(text, over(rgba(value), bg));
        const min = c.id.endsWith('.foreground') ? 3 : 4.5;
        assert.ok(ratio >= min, `${c.id} in ${theme}: contrast ${ratio.toFixed(2)} < ${min}`);
      }
    }
  });

  it('targets a VS Code no newer than the one the tests run in (1.139)', () => {
    const m = /^\^?(\d+)\.(\d+)\./.exec(manifest.engines.vscode);
    assert.ok(m, manifest.engines.vscode);
    assert.ok(Number(m[1]) === 1 && Number(m[2]) <= 139, manifest.engines.vscode);
    const types = manifest.devDependencies['@types/vscode'].replace(/^[\^~]/, '');
    assert.ok(Number(types.split('.')[1]) <= Number(m[2]), `@types/vscode ${types} must not be newer than engines.vscode`);
  });

  it('seeds/ holds the three sample articles', () => {
    const seeds = fs.readdirSync(path.join(REPO, 'seeds')).filter((f) => f.endsWith('.txt'));
    assert.deepStrictEqual(seeds.sort(), ['000_424defb743cef938.txt', '001_61c640aecea7aba7.txt', '002_a6f8cf2398086dd3.txt']);
    const shared = path.resolve(REPO, '..', 'shared', 'seeds');
    if (fs.existsSync(shared)) {
      for (const f of seeds) assert.ok(fs.readFileSync(path.join(REPO, 'seeds', f)).equals(fs.readFileSync(path.join(shared, f))), `${f} is byte for byte`);
    }
  });
});

describe('architecture boundary (eslint no-restricted-imports)', () => {
  it('rejects vscode and fs imports in src/core, and allows them in the adapters', async function () {
    // Type-aware eslint loads the whole program: 10-20 s on a busy 2-core machine.
    this.timeout(90_000);
    const eslint = new ESLint({ cwd: REPO, overrideConfigFile: path.join(REPO, 'test', 'eslint.config.mjs') });
    const bad = "import * as vscode from 'vscode';\nimport { readFileSync } from 'fs';\nexport const x = [vscode, readFileSync];\n";
    const [core] = await eslint.lintText(bad, { filePath: path.join(REPO, 'src', 'core', 'text', 'offsets.ts') });
    const rules = core.messages.map((m) => m.ruleId);
    assert.strictEqual(rules.filter((r) => r === 'no-restricted-imports').length, 2, JSON.stringify(core.messages));
    const [ext] = await eslint.lintText(bad, { filePath: path.join(REPO, 'src', 'extension', 'main.ts') });
    assert.strictEqual(ext.messages.filter((m) => m.ruleId === 'no-restricted-imports').length, 0);
  });
});

describe('packaging (.vscodeignore)', () => {
  it('puts the bundles, manifest, icon and schema in the .vsix, and no sources, tests, maps or caches', function () {
    this.timeout(60_000);
    const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
    const r = cp.spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const files = r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { yamlValidation?: Array<{ url: string }> } };
    const schemas = (pkg.contributes.yamlValidation ?? []).map((v) => v.url.replace(/^\.\//, ''));
    assert.ok(schemas.length >= 3, 'the sidecar, curation and provenance schemas are registered');
    // dist/importSource.js: the CLI loads it when import-source runs (src/cli/importSourceCommand.ts);
    // dist/mergeDriver.js: the git merge driver that git-setup registers (src/mergeDriver.ts), and
    // dist/mergeDriverFull.js, which it loads when its first try declines (src/mergeDriverFull.ts);
    // dist/cliAnalyze.js and dist/cliMain.js: what dist/cli.js loads for analyze and for the other commands (src/cli.ts)
    for (const f of ['package.json', 'README.md', 'dist/extension.js', 'dist/cli.js', 'dist/cliAnalyze.js', 'dist/cliMain.js', 'dist/importSource.js', 'dist/mergeDriver.js', 'dist/mergeDriverFull.js', 'dist/analysisWorker.js', 'dist/sourceImportWorker.js', 'media/activity-icon.svg', ...schemas]) {
      assert.ok(files.includes(f), `${f} is packaged: ${files.join(', ')}`);
    }
    for (const f of files) assert.doesNotMatch(f, /^(src|test|out|node_modules|\.vscode-test|seeds)\/|\.map$|\.ts$/, `${f} must not be packaged`);
  });
});
