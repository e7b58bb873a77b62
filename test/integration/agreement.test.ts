import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Annotation } from '../../src/core/annotations/model';
import { CommandIds } from '../../src/extension/commandIds';
import type { SourceAnnotatorApi } from '../../src/extension/main';
import { api, closeAll, CNN_A, open, rangeOf, until, workspaceUri } from './helpers';
import { canDriveBrowser, quickInputFocused, screenshot, typeKeys } from './screenshot';

/**
 * Agreement and adjudication in the real workbench: two coders (the author setting switched
 * between "Alice Coder" and "Bob Coder", as two people's clones would record) annotate the same
 * article; the report shows the figures, the Disagreements view lists the place with both
 * coders side by side, and accepting or recording an adjudicated annotation writes the sidecar.
 */
describe('agreement: report, disagreements view, adjudication', () => {
  let a: SourceAnnotatorApi;
  const made: Annotation[] = [];
  const uri = (): vscode.Uri => workspaceUri(CNN_A);
  const label = (n: Parameters<SourceAnnotatorApi['disagreements']['getTreeItem']>[0]): string => {
    const l = a.disagreements.getTreeItem(n).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  const sidecar = async (): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri().with({ path: `${uri().path}.annotations.yaml` }))));

  async function annotateAs(author: string, text: string, note: string, tags: string[], nth = 0): Promise<Annotation> {
    await vscode.workspace.getConfiguration('sourceAnnotator').update('author', author, vscode.ConfigurationTarget.Global);
    const editor = await open(CNN_A);
    const r = rangeOf(editor.document, text, nth);
    const x = await a.annotations.add(editor.document.uri, editor.document.offsetAt(r.start), editor.document.offsetAt(r.end), note, tags);
    made.push(x);
    return x;
  }

  /** The titles of the view panes the workbench shows in the Source Annotator side bar. */
  const paneTitles = async (): Promise<string[]> => {
    await vscode.commands.executeCommand('sourceAnnotator.sources.focus');
    const [titles] = await typeKeys({ waitFor: '.pane-header h3.title' }, { read: '.pane-header h3.title' });
    return titles.map((t) => t.text.trim().toLowerCase());
  };

  before(async () => {
    a = await api();
    if (canDriveBrowser()) {
      // One coder or none (the seeds): no Disagreements view to clutter the side bar.
      const titles = await paneTitles();
      assert.ok(titles.includes('sources') && !titles.includes('disagreements'), titles.join(', '));
    }
    await annotateAs('Alice Coder', 'Vladimir Putin', 'the Russian president', ['person']);
    await annotateAs('Bob Coder', "Russia's Vladimir Putin", 'country and name', ['person', 'title']);
    if (canDriveBrowser()) await until('the Disagreements view shown for two coders', async () => ((await paneTitles()).includes('disagreements') ? true : undefined));
    await annotateAs('Bob Coder', 'Kremlin', '', ['org']);
    await vscode.workspace.getConfiguration('sourceAnnotator').update('author', 'Ada Adjudicator', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    const state = a.annotations.state(uri());
    for (const e of state?.annotations ?? []) {
      if (made.some((m) => m.id === e.annotation.id) || e.annotation.adjudicated) await a.annotations.delete(uri(), e.annotation.id).catch(() => undefined);
    }
    await vscode.workspace.getConfiguration('sourceAnnotator').update('author', undefined, vscode.ConfigurationTarget.Global);
    await closeAll();
  });

  it('Show Agreement Report opens the figures per tag for the two coders, with the places they disagree', async () => {
    const markdown = (await vscode.commands.executeCommand<string>(CommandIds.showAgreementReport));
    assert.match(markdown, /2 coder\(s\): `Alice Coder`, `Bob Coder`/);
    assert.match(markdown, /\| `person` \| 2 \| \d+ \| \d+\.\d% \| -?\d\.\d{3} \| -?\d\.\d{3} \| -?\d\.\d{3} \|/);
    assert.match(markdown, /\| \*\*Overall\*\* \|/);
    assert.match(markdown, /spans differ/);
    assert.match(markdown, /missing\\: Alice Coder/);
    const reportDoc = vscode.workspace.textDocuments.find((d) => d.isUntitled && d.languageId === 'markdown' && d.getText() === markdown);
    assert.ok(reportDoc, 'the report is an untitled Markdown document (nothing written)');
    if (canDriveBrowser()) {
      const [tabs] = await typeKeys({ waitFor: '.tabs-container .tab.active:has-text("Preview")' }, { read: '.tabs-container .tab.active' });
      assert.match(tabs[0].text, /Preview/);
      await screenshot('agreement-report', 1500);
    }
    await closeAll();
  });

  it('the Disagreements view lists the place where the two coders disagree, each coder\'s span, tags and note side by side', async () => {
    a.disagreements.refresh();
    const roots = a.disagreements.getChildren();
    const src = roots.find((r) => r.kind === 'source' && r.uri.toString() === uri().toString());
    assert.ok(src, 'the article is listed');
    const places = a.disagreements.getChildren(src);
    const labels = places.map((p) => label(p));
    assert.ok(labels.some((l) => /spans differ, tags differ/.test(l)), labels.join(' | '));
    assert.ok(labels.some((l) => /Alice Coder missing/.test(l)), 'the Kremlin annotation only Bob made');
    const putin = places[labels.findIndex((l) => /spans differ/.test(l))];
    const coders = a.disagreements.getChildren(putin).map((n) => a.disagreements.getTreeItem(n));
    assert.deepStrictEqual(coders.map((c) => c.label), ['Alice Coder', 'Bob Coder']);
    assert.match(String(coders[0].description), /"Vladimir Putin" \[person\] — the Russian president/);
    assert.match(String(coders[1].description), /"Russia's Vladimir Putin" \[person, title\] — country and name/);
    if (canDriveBrowser()) {
      await vscode.commands.executeCommand('sourceAnnotator.disagreements.focus');
      await vscode.commands.executeCommand(CommandIds.revealDisagreement, putin);
      const pane = '.pane:has(.pane-header h3:has-text("Disagreements"))';
      const [rows] = await typeKeys({ waitFor: `${pane} .monaco-list-row:has-text("Bob Coder")` }, { read: `${pane} .monaco-list-row` });
      const text = rows.map((r) => r.text).join('\n');
      assert.match(text, /Alice Coder/);
      assert.match(text, /country and name/);
      await screenshot('disagreements-view', 800);
    }
  });

  it('accepting one coder\'s annotation records an adjudicated annotation in the sidecar and settles the place', async () => {
    a.disagreements.refresh();
    const src = a.disagreements.getChildren().find((r) => r.kind === 'source' && r.uri.toString() === uri().toString())!;
    const putin = a.disagreements.getChildren(src).find((p) => /spans differ/.test(label(p)))!;
    const bob = a.disagreements.getChildren(putin).find((n) => a.disagreements.getTreeItem(n).label === 'Bob Coder')!;
    await vscode.commands.executeCommand(CommandIds.acceptCoderAnnotation, bob, [bob]);
    const [alice, bobsPutin] = made;
    const yaml = await until('the adjudicated annotation in the sidecar', async () => {
      const t = await sidecar();
      return t.includes('adjudicated:') ? t : undefined;
    });
    const entry = new RegExp(
      `exact: "?Russia's Vladimir Putin"?[\\s\\S]*?note: country and name\\n\\s+tags: \\[ person, title \\]\\n\\s+author: Ada Adjudicator[\\s\\S]*?adjudicated:\\n\\s+from: \\[ (${alice.id}, ${bobsPutin.id}|${bobsPutin.id}, ${alice.id}) \\]\\n\\s+by: Ada Adjudicator\\n\\s+at: \\d{4}-`,
    );
    assert.match(yaml, entry);
    for (const m of made) assert.ok(yaml.includes(`id: ${m.id}`), `the coder's annotation ${m.id} is kept`);
    a.disagreements.refresh();
    const left = a.disagreements.getChildren(a.disagreements.getChildren().find((r) => r.kind === 'source' && r.uri.toString() === uri().toString()));
    assert.deepStrictEqual(left.map((p) => label(p).replace(/^line \d+: /, '')), ['Alice Coder missing'], 'only the Kremlin place is open');
  });

  it('Walk Through Disagreements goes to the open place and records an adjudicated annotation typed by the adjudicator', async function () {
    if (!canDriveBrowser()) this.skip();
    const walking = vscode.commands.executeCommand(CommandIds.walkDisagreements);
    await typeKeys(quickInputFocused('Disagreement 1 of 1'), { type: 'Record' }, { press: 'Enter' });
    await typeKeys(quickInputFocused('Adjudicated annotation: tags'), { press: 'Control+A' }, { type: 'org, place' }, { press: 'Enter' });
    await typeKeys(quickInputFocused('Adjudicated annotation: note'), { type: 'the building, not the government' }, { press: 'Enter' });
    await walking;
    const yaml = await sidecar();
    const kremlin = made[2];
    assert.match(yaml, new RegExp(`exact: Kremlin[\\s\\S]*?note: the building, not the government\\n\\s+tags: \\[ org, place \\][\\s\\S]*?adjudicated:\\n\\s+from: \\[ ${kremlin.id} \\]`));
    const active = vscode.window.activeTextEditor;
    assert.strictEqual(active?.document.uri.toString(), uri().toString(), 'the walk went to the source');
    a.disagreements.refresh();
    assert.ok(!a.disagreements.getChildren().some((r) => r.kind === 'source' && r.uri.toString() === uri().toString()), 'nothing open in the article');
  });
});
