#!/usr/bin/env node
// Measures in Chromium what the search page transfers: for each query, the
// bytes fetched from submitting it to its first ten results (index chunks,
// fragments, the data of the filters it uses), and the one-off costs of a
// visit: the search runtime (search.js, pagefind.js, wasm, metadata) and the
// counts of every filter (loaded when the filters are first used). Serves a
// built site under /a/b/ without HTTP compression: the figures are upper bounds.
// Usage: node bench/search/measure.mjs PUBLIC_FOLDER
import { readFile } from 'node:fs/promises';
import { serveFolder, launch } from '../../tests/browser/support.mjs';

const root = process.argv[2];
if (!root) {
  console.error('usage: node bench/search/measure.mjs PUBLIC_FOLDER');
  process.exit(2);
}
const queries = [
  { lang: 'id', q: 'replikasi' },        // in every innovation body ("Cara mereplikasi")
  { lang: 'id', q: 'inovasi' },          // in almost every page
  { lang: 'id', q: 'puskesmas' },
  { lang: 'id', q: 'stunting kader' },
  { lang: 'id', q: 'pengaduan warga yang cepat dan mudah' },  // "yang", "dan": left out
  { lang: 'id', q: 'puskesmas', filters: { province: 'Bali' } },
  { lang: 'en', q: 'replikasi' },
  { lang: 'en', q: 'inovasi', filters: { sector: 'Health', year: '2020' } },
];

// Queries of two to four words drawn at random (once, 2026-12-06) from the words
// of the synthetic bodies, most of them not function words: how a query
// anyone might type fares, beside the hand-picked ones above.
const randomQueries = (await readFile(new URL('random-queries.txt', import.meta.url), 'utf8'))
  .split('\n').filter(Boolean);

const site = await serveFolder(root, { basePath: '/a/b/' });
const browser = await launch();

// One query in a fresh page: what it transfers, and what the page loaded before it.
async function measure({ lang, q, filters = {} }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  let bytes = 0;
  const seen = [];
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; seen.push([urls.get(e.requestId), e.encodedDataLength]); });
  const external = [];
  page.on('request', (r) => { if (!r.url().startsWith(site.url.replace(/\/a\/b\/$/, ''))) external.push(r.url()); });

  await page.goto(`${site.url}${lang === 'id' ? '' : 'en/'}cari/index.html`);
  await page.waitForSelector('#search-form[data-ready="true"]');
  // The favicon may arrive late: it is not part of a query.
  await page.waitForTimeout(300);
  const pageBytes = bytes;
  const runtime = seen.filter(([u]) => /pagefind|search\.js|kata-umum/.test(u)).reduce((n, [, b]) => n + b, 0);
  bytes = 0;
  seen.length = 0;
  // First use of the filters: their counts load once per visit.
  let countsBytes = 0;
  if (Object.keys(filters).length) {
    await page.focus('#filter-province');
    await page.waitForFunction(() => /\(\d/.test(document.querySelector('#filter-province option:nth-child(2)').textContent));
    await page.waitForTimeout(200);
    countsBytes = bytes;
    bytes = 0;
    seen.length = 0;
  }
  for (const [name, value] of Object.entries(filters))
    await page.locator(`#filter-${name}`).evaluate((el, v) => { el.value = v; }, value);
  const before = await page.locator('#search-status').innerText();
  await page.fill('#search-q', q);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction((b) => {
    const s = document.getElementById('search-status').textContent;
    return s !== b && /\d|\.$/.test(s) && !s.includes('…');
  }, before, { timeout: 60000 });
  await page.waitForTimeout(300);
  const status = await page.locator('#search-status').innerText();
  const shown = await page.locator('#search-results li').count();
  const row = { lang, query: q + (Object.keys(filters).length ? ` + ${JSON.stringify(filters)}` : ''),
    results: status.match(/^[\d.,]+/)?.[0] ?? '0', shown, queryKB: bytes / 1024, files: seen.length,
    runtimeKB: runtime / 1024, pageKB: pageBytes / 1024, countsKB: countsBytes / 1024, external: external.length,
    ignored: status.split(':')[1]?.trim().replace(/\.$/, '') ?? '' };
  await context.close();
  return row;
}

const rows = [];
const randomRows = [];
try {
  for (const query of queries) rows.push(await measure(query));
  for (const q of randomQueries) randomRows.push(await measure({ lang: 'id', q }));
} finally {
  await browser.close();
  site.stop();
}
console.log('| page | query | results | shown | transferred for the query | files | filter counts (once, on first use) | search runtime (once) | search page before the query |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(`| ${r.lang} | ${r.query} | ${r.results} | ${r.shown} | ${r.queryKB.toFixed(1)} KB | ${r.files} | ${r.countsKB ? `${r.countsKB.toFixed(1)} KB` : '–'} | ${r.runtimeKB.toFixed(1)} KB | ${r.pageKB.toFixed(1)} KB |`);
const kb = randomRows.map((r) => r.queryKB).sort((a, b) => a - b);
console.log(`\n${randomRows.length} random queries (bench/search/random-queries.txt): median ${kb[Math.floor(kb.length / 2)].toFixed(1)} KB, ` +
  `largest ${kb.at(-1).toFixed(1)} KB, ${kb.filter((x) => x > 150).length} over 150 KB`);
console.log('| query | results | transferred | common words left out |');
console.log('| --- | ---: | ---: | --- |');
for (const r of randomRows) console.log(`| ${r.query} | ${r.results} | ${r.queryKB.toFixed(1)} KB | ${r.ignored || '–'} |`);
const worst = Math.max(...rows.map((r) => r.queryKB));
console.log(`\nlargest transfer for a query: ${worst.toFixed(1)} KB; requests leaving the server: ${[...rows, ...randomRows].reduce((n, r) => n + r.external, 0)}`);
