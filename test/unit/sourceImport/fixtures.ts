/**
 * Fixtures for Import Source, made here so the expected text is known exactly: saved pages
 * modelled on the seed outlets' layouts (CNN, Breitbart) with invented furniture around known
 * paragraphs, PDFs made with pdf-lib and .docx files made with docx from the same paragraphs,
 * and broken files. Used by the unit tests, the bench and the integration test.
 */
import { Document as DocxDocument, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export const CNN_PARAGRAPHS = [
  'The mayor of Harbor City will meet the leaders of five neighbouring towns on Saturday, in what may be the biggest day of regional diplomacy in a decade.',
  "Saturday's meeting will be the first between the mayor and the council of Eastport since the election, and one whose outcome will be closely studied by both sides.",
  '"We will see what happens," the mayor said of the meeting, which the deputy mayor will also join.',
  '"We are looking to have a great relationship with all our neighbours," she said. "If we can have a great relationship with every town, I am all for that."',
  'Friday night, however, a senior city official said the current plan was not to lift the toll on the eastern bridge.',
  'The Eastport council has sought to lower expectations, suggesting its leader is simply attending as a matter of courtesy.',
];

export const BREITBART_PARAGRAPHS = [
  'The governor of the northern province said on Tuesday that the new ferry line would open "before the summer is out," despite warnings from engineers.',
  'Speaking to reporters outside the harbour office, the governor insisted that the project was on schedule and under budget.',
  '"The people of this province were promised a ferry, and they will get a ferry," the governor said. "Nobody is going to stop that."',
  'Critics of the project pointed to a report, published last month, which found that the main pier needed extensive repairs before any vessel could dock.',
  'The report, seen by several newspapers, estimated that the repairs alone would take at least nine months to complete.',
];

export const STATEMENT_PARAGRAPHS = [
  'Statement of the Harbor City Council on the eastern bridge toll, adopted unanimously at its meeting of the twenty-seventh of January.',
  'The council has reviewed the proposal to lift the toll on the eastern bridge and has concluded that the toll will remain in place until the end of the financial year, when the matter will be reviewed again in public session.',
  '"We have listened to the residents of Eastport and we share their frustration," the chair of the council said. "But the repairs to the bridge must be paid for, and the toll is the fairest way to pay for them."',
  'The council will publish the accounts of the bridge fund every quarter, so that residents can see how the money is spent and when the repairs are expected to be finished.',
  'Questions about this statement may be sent to the council secretary, who will answer them in writing within ten working days of receiving them.',
  'The council thanks the engineers, the residents and the members of the press who attended the meeting for their patience during a long and difficult session.',
];

export interface PageOptions {
  readonly canonical?: string;
  /** Extra paragraphs after the known ones (to make longer pages for the bench). */
  readonly extra?: readonly string[];
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A page laid out like CNN's article pages of 2017: heavy header, byline with timestamp, ads and "related" boxes between paragraphs, a video player, a content-recommendation footer. */
export function cnnPage(options: PageOptions = {}): string {
  const paras = [...CNN_PARAGRAPHS, ...(options.extra ?? [])];
  const body = paras
    .map((p, i) => {
      const ad = i === 1 ? '<div class="ad ad--epic" id="ad_bnr_atf_01"><span>Advertisement</span><iframe src="about:blank"></iframe></div>' : '';
      const related = i === 3 ? '<div class="el__embedded el__embedded--related"><h3>Related Article:</h3><a href="/2017/01/27/politics/other-story/index.html">Other leaders call for calm over the bridge toll</a></div>' : '';
      return `${ad}<div class="zn-body__paragraph speakable">${esc(p)}</div>${related}`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbor City mayor to meet neighbouring towns - CNNPolitics</title>
<meta property="og:title" content="Harbor City mayor to meet neighbouring towns">
<meta property="og:site_name" content="CNN">
<meta property="og:url" content="${esc(options.canonical ?? 'https://edition.cnn.com/2017/01/28/politics/harbor-city-mayor/index.html')}">
<meta name="author" content="Jane Reporter, CNN">
<meta property="article:published_time" content="2017-01-28T10:02:47Z">
<link rel="canonical" href="${esc(options.canonical ?? 'https://edition.cnn.com/2017/01/28/politics/harbor-city-mayor/index.html')}">
<script>window.CNN = { adTargeting: "politics" };</script>
<style>.nav { display: flex }</style>
</head><body>
<header class="nav" id="nav"><div class="nav__container"><a class="nav-menu-links__link" href="/us">U.S.</a><a href="/world">World</a><a href="/politics">Politics</a><a href="/business">Business</a><a href="/opinions">Opinion</a><a href="/health">Health</a><a href="/entertainment">Entertainment</a><a href="/style">Style</a><a href="/travel">Travel</a><a href="/sport">Sports</a><a href="/videos">Videos</a><a href="/live">Live TV</a></div></header>
<div class="pg-right-rail-tall pg-wrapper"><article class="pg-rail-tall pg-rail--align-right">
<div class="l-container"><h1 class="pg-headline">Harbor City mayor to meet neighbouring towns</h1>
<div class="metadata"><p class="metadata__byline"><span class="metadata__byline__author">By <a href="/profiles/jane-reporter">Jane Reporter</a>, CNN</span></p><p class="update-time">Updated 10:02 AM ET, Sat January 28, 2017</p></div>
<div class="media__video--thumbnail-wrapper"><div class="media__video"><span>Now playing</span><span class="media__video-duration">02:14</span><span>Bridge toll protest turns rowdy</span></div></div>
<section class="zn zn-body-text zn-body zn--idx-0" id="body-text"><div class="l-container">
${body}
</div></section>
<div class="el__leafmedia el__leafmedia--sourced-paragraph"><p>Jane Reporter and Sam Writer contributed to this report.</p></div>
</div></article>
<aside class="zn-outbrain"><h2>Paid Content</h2><ul><li><a href="https://ads.example/1">You will not believe what this bridge costs</a></li><li><a href="https://ads.example/2">Ten towns with the best harbours</a></li></ul></aside>
<section class="zn-more-from-cnn"><h2>More from CNN</h2><ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li><li><a href="/c">Other story three</a></li></ul></section>
</div>
<footer class="l-footer"><ul><li><a href="/terms">Terms of Use</a></li><li><a href="/privacy">Privacy Policy</a></li><li><a href="/accessibility">Accessibility &amp; CC</a></li><li><a href="/about">About</a></li><li><a href="/newsletters">Newsletters</a></li><li><a href="/transcripts">Transcripts</a></li></ul><p>© 2017 Cable News Network. Turner Broadcasting System, Inc. All Rights Reserved.</p></footer>
</body></html>
`;
}

/** A page laid out like Breitbart's: menu bars, share buttons, a JSON-LD NewsArticle, "related" inserts and a comment section. */
export function breitbartPage(options: PageOptions = {}): string {
  const paras = [...BREITBART_PARAGRAPHS, ...(options.extra ?? [])];
  const body = paras
    .map((p, i) => (i === 2 ? '<div class="related-posts"><h3>RELATED</h3><ul><li><a href="/politics/2017/01/20/ferry/">Ferry plan sinks in committee</a></li></ul></div>' : '') + `<p>${esc(p)}</p>`)
    .join('\n');
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Breitbart', url: 'https://www.breitbart.com/' },
      {
        '@type': 'NewsArticle',
        headline: 'Governor: Ferry Line Will Open Before Summer',
        datePublished: '2017-01-31T14:45:10-05:00',
        author: [{ '@type': 'Person', name: 'John Columnist' }],
        publisher: { '@type': 'Organization', name: 'Breitbart' },
        url: options.canonical ?? 'https://www.breitbart.com/politics/2017/01/31/governor-ferry-line/',
      },
    ],
  });
  return `<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>Governor: Ferry Line Will Open Before Summer | Breitbart</title>
<script type="application/ld+json">${ld}</script>
<link rel="canonical" href="${esc(options.canonical ?? 'https://www.breitbart.com/politics/2017/01/31/governor-ferry-line/')}">
</head><body class="single">
<div id="HW"><div id="HWM"><ul id="menu-main"><li><a href="/news/">News</a></li><li><a href="/politics/">Politics</a></li><li><a href="/entertainment/">Entertainment</a></li><li><a href="/media/">Media</a></li><li><a href="/economy/">Economy</a></li><li><a href="/europe/">Europe</a></li><li><a href="/tech/">Tech</a></li><li><a href="/sports/">Sports</a></li></ul></div></div>
<div id="MainW"><div id="ContentW"><article class="the-article">
<header><h1>Governor: Ferry Line Will Open Before Summer</h1>
<div class="header_byline"><address>by <a href="/author/john-columnist/">John Columnist</a></address><time datetime="2017-01-31T14:45:10-05:00">31 Jan 2017</time></div>
<div class="byline_social"><a class="shr shr-f" href="https://facebook.example/share">Share</a><a class="shr shr-t" href="https://twitter.example/share">Tweet</a><a class="shr shr-m" href="mailto:?subject=x">Email</a></div></header>
<div class="entry-content">
${body}
</div>
<footer class="articlefooter"><div class="tags"><span>Politics</span><a href="/tag/ferry/">ferry</a><a href="/tag/governor/">governor</a></div></footer>
</article>
<div id="comments"><h2>Comments</h2><div id="disqus_thread">Please let us know if you're having issues with commenting.</div></div>
</div><aside id="sidebar"><h3>Trending</h3><ol><li><a href="/t1">Trending story number one about something else</a></li><li><a href="/t2">Trending story number two</a></li></ol><div class="ad">Advertisement</div></aside></div>
<footer id="footer"><p>Copyright © 2017 Breitbart</p><a href="/terms">Terms of Use</a> <a href="/privacy">Privacy Policy</a></footer>
</body></html>
`;
}

/** A page with menus and links but no article. */
export function noArticlePage(): string {
  const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section number ${i}</a></li>`).join('');
  return `<!DOCTYPE html><html><head><title>Harbor Daily: Home</title></head><body><nav><ul>${links}</ul></nav><footer><a href="/terms">Terms</a></footer></body></html>`;
}

/** A PDF of the paragraphs: Helvetica 11 pt, lines wrapped at the margin, a wider gap between paragraphs, page numbers at the foot, `pages` pages at least. */
export async function makePdf(paragraphs: readonly string[], options: { title?: string; author?: string; created?: Date; pages?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  if (options.title) doc.setTitle(options.title);
  if (options.author) doc.setAuthor(options.author);
  doc.setCreationDate(options.created ?? new Date('2017-01-28T12:00:00Z'));
  doc.setModificationDate(new Date('2017-01-28T12:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = 11;
  const lineHeight = 14;
  const width = 612 - 144;
  const perPage = Math.ceil(paragraphs.length / Math.max(1, options.pages ?? 1));
  let pageNo = 0;
  for (let start = 0; start < paragraphs.length; start += perPage) {
    const page = doc.addPage([612, 792]);
    pageNo++;
    let y = 720;
    for (const p of paragraphs.slice(start, start + perPage)) {
      for (const line of wrap(p, (s) => font.widthOfTextAtSize(s, size), width)) {
        page.drawText(line, { x: 72, y, size, font });
        y -= lineHeight;
      }
      y -= lineHeight * 0.8;
    }
    page.drawText(String(pageNo), { x: 300, y: 40, size: 9, font });
  }
  return await doc.save();
}

/** A PDF whose pages have no text (as a scanner makes them: here, just a drawn rectangle). */
export async function makeScannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  page.drawRectangle({ x: 72, y: 72, width: 400, height: 600 });
  doc.addPage([612, 792]);
  return await doc.save();
}

function wrap(text: string, measure: (s: string) => number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A .docx of the paragraphs, with a title and author in its core properties. */
export async function makeDocx(paragraphs: readonly string[], options: { title?: string; creator?: string } = {}): Promise<Uint8Array> {
  const doc = new DocxDocument({
    title: options.title,
    creator: options.creator,
    sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Words of a text, for comparing an import with the known paragraphs. */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}']+/gu) ?? [];
}
