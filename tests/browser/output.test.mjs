// Checks of the built output of the real content (no page interaction):
// html-validate finds no error, the open data parses and holds every record
// (catalogue.json valid against its schema, CSV with BOM), the feeds and the
// sitemap are well-formed XML, a catalogue page's HTML + CSS stays under
// 30 KB gzip, and no page refers to anything outside the site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate } from 'html-validate';
import Ajv2020Module from 'ajv/dist/2020.js';
import { buildSite, launch, sourceDir } from './support.mjs';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
let site;
before(() => { site = buildSite(); });
after(() => site?.remove());

function files(dir, ext) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith(ext)) out.push(join(e.parentPath ?? e.path, e.name));
  return out.sort();
}

// RFC 4180: quoted fields, doubled quotes, CRLF row ends.
function parseCsv(text) {
  const rows = [[]];
  let field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); i++; }
    else field += c;
  }
  if (rows.at(-1).length === 0) rows.pop();
  return rows;
}

test('html-validate reports no error on any page', async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Data-driven positions and bar lengths (tile map, facet bars) are the only inline styles.
      'no-inline-style': ['error', { allowedProperties: ['width', 'grid-column', 'grid-row', 'grid-template-columns', '--cols'] }],
      // Scrollable tables are <div role="region" tabindex="0">: the usual accessible pattern.
      'prefer-native-element': ['error', { exclude: ['region'] }],
      // Page titles are the records' own titles, some longer than 70 characters.
      'long-title': 'off',
    },
  });
  const pages = files(site.out, '.html');
  assert.ok(pages.length > 400, `${pages.length} pages`);
  const errors = [];
  for (const file of pages) {
    const report = await validator.validateFile(file);
    for (const r of report.results)
      for (const m of r.messages) errors.push(`${relative(site.out, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  assert.deepEqual(errors, []);
});

test('catalogue.json is valid against its schema and holds every record of content/', () => {
  const catalogue = JSON.parse(readFileSync(join(site.out, 'data/catalogue.json'), 'utf8'));
  const schema = JSON.parse(readFileSync(join(site.out, 'data/catalogue.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  assert.ok(validate(catalogue), JSON.stringify(validate.errors?.slice(0, 5)));
  for (const [folder, key] of [['innovations', 'innovations'], ['hubs', 'hubs'], ['replications', 'replications'],
    ['events', 'events'], ['agencies', 'agencies'], ['regulations', 'regulations']]) {
    const ids = readdirSync(join(sourceDir, 'content', folder)).map((f) => f.replace(/\.(md|ya?ml|json)$/, '')).sort();
    assert.deepEqual(catalogue[key].map((r) => r.id), ids, key);
    assert.equal(catalogue.counts[key], ids.length);
  }
  assert.equal(catalogue.provinces.length, 38);
});

test('the CSV files are UTF-8 with BOM and hold every record', () => {
  const catalogue = JSON.parse(readFileSync(join(site.out, 'data/catalogue.json'), 'utf8'));
  for (const name of ['innovations', 'hubs', 'replications', 'events']) {
    const bytes = readFileSync(join(site.out, `data/${name}.csv`));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name}.csv starts with a BOM`);
    const rows = parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)));
    assert.equal(rows[0][0], 'id');
    assert.deepEqual(rows.slice(1).map((r) => r[0]), catalogue[name].map((r) => r.id), name);
    assert.ok(rows.every((r) => r.length === rows[0].length), `${name}.csv: every row has every column`);
    if (name === 'innovations') {
      const title = rows[0].indexOf('title');
      assert.deepEqual(rows.slice(1).map((r) => r[title]), catalogue.innovations.map((r) => r.title));
    }
  }
  const dataJson = JSON.parse(readFileSync(join(site.out, 'data.json'), 'utf8'));
  const downloads = dataJson.dataset[0].distribution.map((d) => d.downloadURL);
  assert.equal(downloads.length, 5);
  for (const url of downloads) assert.ok(existsSync(join(site.out, url)), url);
  assert.equal(dataJson.dataset[0].license, 'https://creativecommons.org/licenses/by/4.0/');
});

test('the feeds and the sitemap are well-formed XML', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    for (const file of ['feed.xml', 'en/feed.xml', 'sitemap.xml']) {
      const text = readFileSync(join(site.out, file), 'utf8');
      const result = await page.evaluate((t) => {
        const doc = new DOMParser().parseFromString(t, 'application/xml');
        if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
        return {
          root: doc.documentElement.localName,
          entries: doc.getElementsByTagName('entry').length,
          urls: doc.getElementsByTagName('url').length,
          alternates: doc.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link').length,
        };
      }, text);
      assert.equal(result.error, undefined, `${file}: ${result.error}`);
      if (file.endsWith('feed.xml')) {
        assert.equal(result.root, 'feed');
        assert.equal(result.entries, Math.min(50, readdirSync(join(sourceDir, 'content/innovations')).length));
      } else {
        assert.equal(result.root, 'urlset');
        assert.ok(result.urls > 300, `${result.urls} URLs`);
        assert.equal(result.alternates, result.urls * 2);  // each page in both languages
      }
    }
    await page.close();
  } finally {
    await browser.close();
  }
  assert.ok(!existsSync(join(site.out, 'en/sitemap.xml')));
  assert.match(readFileSync(join(site.out, 'robots.txt'), 'utf8'), /^User-agent: \*\nAllow: \/\n/);
});

test('a catalogue page is at most 30 KB gzip with its CSS, and refers to nothing outside the site', () => {
  const css = gzipSync(readFileSync(join(site.out, 'assets/style.css')), { level: 9 }).length;
  let largest = { size: 0 };
  for (const file of files(site.out, '.html')) {
    const rel = relative(site.out, file);
    const html = readFileSync(file, 'utf8');
    const size = gzipSync(html, { level: 9 }).length + css;
    if (!rel.includes('dasbor/') && size > largest.size) largest = { rel, size };
    // Fonts, scripts, styles and images come from the site itself.
    assert.doesNotMatch(html, /<(script|img|iframe|source|video|audio)[^>]+src="(https?:)?\/\//, rel);
    assert.doesNotMatch(html, /<link[^>]+rel="(stylesheet|preload|icon|modulepreload)"[^>]+href="(https?:)?\/\//, rel);
  }
  assert.doesNotMatch(readFileSync(join(site.out, 'assets/style.css'), 'utf8'), /@import|url\(\s*['"]?(https?:)?\/\//);
  console.log(`largest page: ${largest.rel}, ${(largest.size / 1024).toFixed(1)} KB gzip with CSS (CSS ${(css / 1024).toFixed(1)} KB)`);
  assert.ok(largest.size <= 30 * 1024, `${largest.rel}: ${largest.size} bytes`);
});
