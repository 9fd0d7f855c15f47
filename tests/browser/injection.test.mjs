// Hostile content: a copy of tests/fixtures/valid/basic/content with script,
// markup, JSON-LD breakers, Mustache markers and spreadsheet formulas in every
// text field of every record (and of site.yaml and the data lists), hostile but
// valid URLs, and Markdown bodies with raw HTML and javascript:/data: links.
// Every page of the built site (both languages), the search page with results
// and the dashboard open in Chromium with no script of the content run, no
// Content-Security-Policy violation (the site's own scripts all load), the
// hostile text shown as text, and the CSV files' formula-like cells defused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import yaml from 'js-yaml';
import { serveBuilt, launch, openPage, sourceDir, frames, tap } from './support.mjs';

// Each text field gets a different spreadsheet-formula lead, then all of the payload.
const LEADS = ["=cmd|' /C calc'!A0 ", '+1+cmd|calc ', '-2+cmd|calc ', '@SUM(1+1) ', '\tTAB ', '\rCR ', ''];
const PAYLOAD = '"><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">' +
  "'><svg onload=window.__pwned=1></script><script>window.__pwned=1</script><!--" +
  ' {{site.title}} {{{content}}} {{#t}}x{{/t}} %s%n ##pwn';
const MARKER = '<script>window.__pwned=1</script>';
const URL_HOSTILE = "https://example.org/'onmouseover='window.__pwned=1'/{{x}}?a=1&b=2";
const BODY = [
  `Teks {{site.title}} ${PAYLOAD}`,
  '',
  '<script>window.__pwned=1</script>',
  '',
  '<div onmouseover="window.__pwned=1">mentah</div> <img src=x onerror="window.__pwned=1">',
  '',
  '[js](javascript:window.__pwned=1) [JS](JAVASCRIPT:window.__pwned=1) [vb](vbscript:msgbox) ' +
    '[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+) [rel](../../index.html) ' +
    '[ok](https://example.org/ok) [surel](mailto:uji@example.org) <javascript:window.__pwned=1> ' +
    '![gambar](https://example.org/x.png) ![js](javascript:window.__pwned=1) [![lencana](https://example.org/b.png)](https://example.org/b)',
  '',
].join('\n');
// Free-text fields (ids, references, enumerations, dates and numbers stay valid).
const TEXT_KEYS = new Set(['title', 'title_en', 'summary', 'summary_en', 'name', 'name_en', 'notes',
  'publisher', 'label', 'label_en', 'short', 'capital', 'description', 'description_en', 'number',
  'seed', 'email', 'phone']);
const MARKDOWN_KEYS = new Set(['body', 'body_en', 'about', 'about_en']);

let n = 0;
function hostile(value, key, dir) {
  if (typeof value === 'string') {
    if (TEXT_KEYS.has(key) || (dir === 'regulations' && key === 'type')) return LEADS[n++ % LEADS.length] + PAYLOAD;
    if (MARKDOWN_KEYS.has(key)) return BODY;
    if (key === 'url') return URL_HOSTILE;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => hostile(v, key, dir));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = hostile(v, k, dir);
    if (key === 'licence') out.name = LEADS[0] + PAYLOAD;
    return out;
  }
  return value;
}

// Rewrites every content file (YAML, JSON, Markdown with front matter) in place.
function poison(content) {
  for (const entry of readdirSync(content, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const dir = relative(content, file).split('/')[0];
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      const data = hostile(JSON.parse(text), '', dir);
      if (dir === 'innovations') data.body = BODY;
      writeFileSync(file, JSON.stringify(data, null, 1));
    } else if (file.endsWith('.yaml')) {
      writeFileSync(file, yaml.dump(hostile(yaml.load(text), '', dir)));
    } else if (file.endsWith('.md')) {
      const m = text.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
      writeFileSync(file, `---\n${yaml.dump(hostile(yaml.load(m[1]), '', dir))}---\n${BODY}`);
    }
  }
}

let tmp, site, browser;
before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'simpul-injection-'));
  cpSync(join(sourceDir, 'tests/fixtures/valid/basic/content'), join(tmp, 'content'), { recursive: true });
  symlinkSync(join(sourceDir, 'site-template'), join(tmp, 'site-template'));
  poison(join(tmp, 'content'));
  site = await serveBuilt({ content: join(tmp, 'content'), basePath: '/' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function htmlPages(root) {
  return readdirSync(root, { recursive: true })
    .filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'))
    .sort();
}

// A page that records Content-Security-Policy violations in window.__csp.
async function watchedPage() {
  const { page, problems } = await openPage(browser);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return { page, problems };
}

// The search page and the dashboard go on in their scripts after `load` (Pagefind,
// the WebAssembly app): wait until they are done, so that what they do is checked on
// their own page, and nothing of theirs is counted against the next page in the tab.
function scriptsDone(page) {
  return page.waitForFunction(() => {
    const form = document.getElementById('search-form');
    if (form && form.dataset.ready !== 'true' && document.getElementById('search-unavailable').hidden) return false;
    if (document.getElementById('dash-status') && !(window.simpulDash && (window.simpulDash.ready || window.simpulDash.failed)))
      return false;
    return true;
  }, null, { timeout: 60000 });
}

// Opens a page (in `tab`, or a new one), checks that nothing of the content ran
// or became markup. Returns the page (open) and its problems.
async function visit(path, { wait, tab } = {}) {
  const { page, problems } = tab ?? await watchedPage();
  problems.length = 0;
  const res = await page.goto(site.url + path, { waitUntil: 'load' });
  await scriptsDone(page);
  if (wait) await wait(page);
  const found = await page.evaluate(() => ({
    pwned: window.__pwned,
    csp: window.__csp,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)),
    images: [...document.querySelectorAll('img')].map((i) => i.getAttribute('src')),
    scripts: [...document.scripts].filter((s) => s.type !== 'application/ld+json').map((s) => s.getAttribute('src')),
    hrefs: [...document.querySelectorAll('[href]')].map((a) => [a.getAttribute('href'), a.href]),
    jsonld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
    meta: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? null,
    text: document.body.innerText,
  }));
  assert.equal(found.pwned, undefined, `${path}: the content's script ran`);
  assert.deepEqual(found.csp, [], `${path}: Content-Security-Policy violations`);
  assert.deepEqual(found.handlers, [], `${path}: event handler attributes`);
  assert.deepEqual(found.images, [], `${path}: images`);
  for (const src of found.scripts) assert.ok(src && !/^[a-z]+:/i.test(src), `${path}: script ${src}`);
  for (const [raw, href] of found.hrefs)
    assert.match(new URL(href).protocol, /^(https?|mailto):$/, `${path}: link ${raw}`);
  assert.ok(found.meta && /script-src 'self'/.test(found.meta) && /object-src 'none'/.test(found.meta) &&
    /base-uri 'self'/.test(found.meta) && !/unsafe-inline/.test(found.meta), `${path}: CSP ${found.meta}`);
  for (const j of found.jsonld) {
    assert.ok(!/<\/script|<!--/i.test(j), `${path}: JSON-LD with markup`);
    assert.ok(JSON.stringify(JSON.parse(j)).includes(MARKER), `${path}: JSON-LD keeps the text`);
  }
  return { page, problems, res, found };
}

test('every page shows the hostile text as text and runs none of it', async () => {
  const pages = htmlPages(site.out);
  assert.ok(pages.length > 100, `${pages.length} pages`);
  let shown = 0;
  const tab = await watchedPage();
  for (const path of pages) {
    const { problems, found } = await visit(path, { tab });
    // The records' own pages, listings and the home page show the payload as text.
    if (found.text.includes(MARKER)) ++shown;
    if (/^(en\/)?(inovasi|hub|agenda|regulasi|replikasi|instansi)\/[a-z-]+\/index\.html$/.test(path)) {
      assert.ok(found.text.includes(MARKER), `${path}: the hostile title is shown as text`);
      assert.ok(found.text.includes('{{site.title}}'), `${path}: Mustache markers in content stay text`);
    }
    assert.deepEqual(problems, [], path);
  }
  await tab.page.context().close();
  assert.ok(shown > pages.length / 2, `hostile text shown on ${shown} of ${pages.length} pages`);
});

test('Markdown bodies keep text, lose raw HTML and every link that is not http(s) or mailto', async () => {
  const { page, problems } = await visit('inovasi/bank-sampah/index.html');
  const body = await page.evaluate(() => document.querySelector('main').innerHTML);
  assert.ok(!/<div onmouseover|<script>window/.test(body));
  const links = await page.evaluate(() => [...document.querySelectorAll('main a')]
    .map((a) => [a.textContent, a.getAttribute('href')]));
  const byText = Object.fromEntries(links);
  for (const t of ['js', 'JS', 'vb', 'data', 'rel']) assert.equal(byText[t], undefined, `link "${t}" dropped`);
  assert.equal(byText.ok, 'https://example.org/ok');
  assert.equal(byText.surel, 'mailto:uji@example.org');
  assert.equal(byText.gambar, 'https://example.org/x.png', 'an image becomes a link to it');
  assert.equal(byText.lencana, 'https://example.org/b', 'an image inside a link becomes its text');
  const text = await page.evaluate(() => document.querySelector('main').innerText);
  for (const t of ['js', 'vb', 'data', 'rel']) assert.match(text, new RegExp(`\\b${t}\\b`), `the text "${t}" stays`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the 404 page and the search page with hostile results', async () => {
  const missing = await visit('tidak/ada/index.html');
  assert.equal(missing.res.status(), 404);
  missing.problems.splice(0, missing.problems.length, ...missing.problems.filter((p) => !p.startsWith('HTTP 404')));
  assert.deepEqual(missing.problems, []);
  await missing.page.context().close();

  for (const path of ['cari/index.html?q=pwned', 'en/cari/index.html?q=script', 'cari/index.html?q=calc']) {
    const { page, problems } = await visit(path, {
      wait: (p) => p.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0,
        null, { timeout: 20000 }),
    });
    const found = await page.evaluate(() => ({
      pwned: window.__pwned, csp: window.__csp,
      elements: [...document.querySelectorAll('#search-results *')].map((e) => e.tagName.toLowerCase()),
    }));
    assert.equal(found.pwned, undefined, path);
    assert.deepEqual(found.csp, [], path);
    assert.deepEqual([...new Set(found.elements)].filter((t) => !['li', 'h2', 'a', 'p', 'mark'].includes(t)), [],
      `${path}: only the result's own elements`);
    assert.deepEqual(problems, [], path);
    await page.context().close();
  }
});

test('the dashboard loads the hostile data, shows it as text, exports a defused CSV', async () => {
  const bin = gunzipSync(readFileSync(join(site.out, 'data/dashboard-texts.bin.gz')));
  assert.ok(bin.includes(MARKER), 'the texts file holds the hostile text');
  for (const path of ['dasbor/index.html', 'en/dasbor/index.html']) {
    const { page, problems, found } = await visit(path, {
      wait: (p) => p.waitForFunction(() => window.simpulDash && (window.simpulDash.failed
        || (window.simpulDash.ready && (window.simpulDash.texts || window.simpulDash.textsFailed))),
        null, { timeout: 60000 }),
    });
    assert.match(found.meta, /'wasm-unsafe-eval'/);
    assert.equal(await page.evaluate(() => window.simpulDash.failed), null);
    assert.equal(await page.evaluate(() => window.simpulDash.textsFailed), null);
    assert.ok(await page.locator('#canvas').isVisible(), 'the canvas is shown');
    const f = await page.evaluate(() => window.simpulDash.figures());
    assert.equal(f.innovations, 3);
    // A few frames with the explorer's hostile titles drawn, then the CSV of the selection.
    await frames(page, 10);
    const download = page.waitForEvent('download');
    await page.locator('#canvas').focus();
    await tap(page, 'Tab');
    await tap(page, 'Tab');
    await tap(page, 'Enter');
    const csv = readFileSync(await (await download).path(), 'utf8');
    const cells = csv.replace(/^\uFEFF/, '').split('\r\n').slice(1).filter(Boolean)
      .flatMap((line) => line.match(/"(?:[^"]|"")*"|[^,]+/g));
    assert.ok(cells.some((c) => /^"'[=+\-@]/.test(c)), `a formula title is defused: ${csv}`);
    for (const c of cells) assert.ok(!/^"?[=+\-@\t\r]/.test(c), `dashboard CSV cell ${JSON.stringify(c)}`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(problems, [], path);
    await page.context().close();
  }
});

// RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line breaks).
function csvRows(text) {
  const rows = [[]];
  let field = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); ++i; }
    else field += c;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field);
  return rows.filter((r) => r.length > 0);
}

test('open data: CSV cells that a spreadsheet would run start with an apostrophe; JSON parses', () => {
  let defused = 0;
  for (const name of ['innovations', 'hubs', 'replications', 'events']) {
    const rows = csvRows(readFileSync(join(site.out, `data/${name}.csv`), 'utf8').replace(/^\uFEFF/, ''));
    const width = rows[0].length;
    for (const row of rows.slice(1)) {
      assert.equal(row.length, width, `${name}.csv: a row of ${row.length} fields`);
      for (const cell of row) {
        assert.ok(!/^[=+\-@\t\r]/.test(cell), `${name}.csv: ${JSON.stringify(cell.slice(0, 40))}`);
        if (/^'[=+\-@\t\r]/.test(cell)) ++defused;
      }
    }
  }
  assert.ok(defused >= 10, `${defused} cells defused`);
  const catalogue = JSON.parse(readFileSync(join(site.out, 'data/catalogue.json'), 'utf8'));
  assert.ok(catalogue.innovations[0].title.endsWith(PAYLOAD), 'catalogue.json keeps the text as it is');
  JSON.parse(readFileSync(join(site.out, 'data.json'), 'utf8'));
});

test('feeds and the sitemap stay well-formed XML', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(site.url + 'index.html');
  for (const file of ['feed.xml', 'en/feed.xml', 'sitemap.xml']) {
    const xml = readFileSync(join(site.out, file), 'utf8');
    const error = await page.evaluate((x) => {
      const doc = new DOMParser().parseFromString(x, 'application/xml');
      return doc.querySelector('parsererror')?.textContent ?? null;
    }, xml);
    assert.equal(error, null, file);
  }
  assert.ok(readFileSync(join(site.out, 'feed.xml'), 'utf8').includes('&lt;script&gt;window.__pwned=1'));
  assert.deepEqual(problems, []);
  await page.context().close();
});
