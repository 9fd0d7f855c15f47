// Browser tests of the Pagefind search over the real content, served under a
// sub-path: words from bodies are found in both languages, a province filter
// narrows the results, the header box lands on the search page, and without
// JavaScript, without an index or from disk the search page is a browse page.
// No request leaves the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveBuilt, launch, openPage } from './support.mjs';

let site, browser;
before(async () => { site = await serveBuilt({ basePath: '/a/b/' }); browser = await launch(); });
after(async () => { await browser?.close(); site?.stop(); });

// Every result's path below /a/b/ for `term` (and filters), through Pagefind's own API
// in a page of the given language, so the language's index (and stemming) is used.
async function search(page, term, filters = {}) {
  return page.evaluate(async ([t, f]) => {
    const pagefind = await import('/a/b/pagefind/pagefind.js');
    const res = await pagefind.search(t, { filters: f });
    const data = await Promise.all(res.results.map((r) => r.data()));
    return data.map((d) => d.url.replace(/^\/a\/b\//, ''));
  }, [term, filters]);
}

// Types `query` into the search page and submits it; returns the status text once
// it matches `done` (the text that passed the wait, not a second look: typing also
// starts a search after a pause, so the status can go back to "Mencari…").
async function submit(page, query, done) {
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  return (await page.waitForFunction((source) => {
    const now = document.getElementById('search-status').textContent;
    return new RegExp(source).test(now) && now;
  }, done.source)).jsonValue();
}

test('replikasi, Omspan and Bali find the expected records in both languages', async () => {
  for (const prefix of ['', 'en/']) {
    const { page, problems } = await openPage(browser);
    await page.goto(`${site.url}${prefix}cari/index.html`);
    // The page's own script sets Pagefind's options before its first search: let it
    // finish, or a search of the test's may start Pagefind first, with other options.
    await page.locator('#search-form[data-ready="true"]').waitFor({ state: 'attached' });
    assert.equal(await page.getAttribute('html', 'lang'), prefix ? 'en' : 'id');

    const replikasi = await search(page, 'replikasi');
    for (const path of ['replikasi/jateng-menggapai-mimpi-sahabat-rimba-2020/index.html',
      'replikasi/kalsel-menggapai-mimpi-sahabat-rimba-2021/index.html',
      'replikasi/kalsel-mencerdaskan-si-miskin-menjadi-generasi-emas-2021/index.html',
      'agenda/fripp-kalimantan-selatan-2020/index.html',
      'inovasi/menggapai-mimpi-sahabat-rimba/index.html'])
      assert.ok(replikasi.includes(prefix + path), `replikasi (${prefix || 'id'}) finds ${path}`);
    // Every result is a page of this language.
    assert.ok(replikasi.every((p) => (prefix ? p.startsWith('en/') : !p.startsWith('en/'))));

    const omspan = await search(page, 'Omspan');
    assert.equal(omspan[0], `${prefix}inovasi/omspan/index.html`);

    const bali = await search(page, 'Bali');
    for (const path of ['hub/bali/index.html', 'provinsi/bali/index.html',
      'instansi/pemprov-bali/index.html',
      'inovasi/mencerdaskan-si-miskin-menjadi-generasi-emas/index.html'])
      assert.ok(bali.includes(prefix + path), `Bali (${prefix || 'id'}) finds ${path}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('a word from an innovation body is found through the search page, and a province filter narrows', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${site.url}cari/index.html`);
  // `load` comes before the module script has loaded Pagefind and taken over the form:
  // Enter before that submits the form to the server (a page load in the middle of the test).
  await page.locator('#search-form[data-ready="true"]').waitFor({ state: 'attached' });
  await page.fill('#search-q', 'hektare');
  await page.press('#search-q', 'Enter');
  const first = page.locator('#search-results li a').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('href'), '/a/b/inovasi/menggapai-mimpi-sahabat-rimba/index.html');
  assert.match(await page.locator('#search-results li').first().innerText(), /hektare/i);
  assert.equal(new URL(page.url()).search, '?q=hektare');

  // All "forum" pages, then only those of Kalimantan Selatan.
  // The status still shows the "hektare" count until this search ends: wait for "forum" in it.
  const all = await submit(page, 'forum', /^\d+ .*forum/);
  const allCount = Number(all.match(/\d+/)[0]);
  // Counts load when the filters are first used (a text search alone does not need them).
  await page.focus('#filter-province');
  const option = page.locator('#filter-province option', { hasText: /^Kalimantan Selatan \(\d+\)$/ });
  await page.waitForFunction(() => /\(\d+\)$/.test(document.querySelector('#filter-province option:nth-child(2)').textContent));
  assert.equal(await option.count(), 1, 'the province filter lists Kalimantan Selatan with a count');
  await page.selectOption('#filter-province', 'Kalimantan Selatan');
  // In between, the status says it is searching (no digits); wait for the new count.
  const filtered = await (await page.waitForFunction((before) => {
    const now = document.getElementById('search-status').textContent;
    return now !== before && /^\d/.test(now) && now;
  }, all)).jsonValue();
  const narrowed = Number(filtered.match(/\d+/)[0]);
  assert.ok(narrowed > 0 && narrowed < allCount, `province filter narrows ${allCount} to ${narrowed}`);
  const hrefs = await page.locator('#search-results li h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes('/a/b/agenda/fripp-kalimantan-selatan-2020/index.html'));
  assert.ok(!hrefs.includes('/a/b/agenda/fripp-jawa-timur-2020/index.html'));
  assert.match(new URL(page.url()).search, /province=Kalimantan\+Selatan/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('words found in most innovations are left out of a query with rarer words, and the page says so', async () => {
  // The real content is too small for a list of its own (cari/kata-umum.json is empty
  // below 1,000 innovations): this page gets one with "forum" in it.
  const { page, problems } = await openPage(browser);
  await page.route('**/cari/kata-umum.json', (route) => route.fulfill({
    contentType: 'application/json', body: JSON.stringify({ share: 0.5, innovations: 1000, words: ['forum'] }) }));
  await page.goto(`${site.url}cari/index.html`);
  await page.locator('#search-form[data-ready="true"]').waitFor({ state: 'attached' });
  const status = await submit(page, 'forum hektare', /^\d+ .*hektare/);
  // "hektare" alone was searched: its innovation comes first, as for "hektare".
  const [, count] = status.match(/^(\d+) hasil untuk “forum hektare” Kata yang ada di sebagian besar inovasi tidak ikut dicari: forum\.$/) ?? [];
  assert.equal(Number(count), (await search(page, 'hektare')).length, status);
  assert.equal(await page.locator('#search-results li a').first().getAttribute('href'),
    '/a/b/inovasi/menggapai-mimpi-sahabat-rimba/index.html');
  // A lone dash is no word (it would leave nothing to search); "Forum," is "forum".
  const dashed = await submit(page, 'Forum, - hektare', /^\d+ .*“Forum, - hektare”/);
  assert.match(dashed, new RegExp(`^${count} hasil .* dicari: Forum,\\.$`));
  // A query with quotes is an exact phrase: searched as typed.
  const quoted = await submit(page, '"forum" hektare', /^\d+ .*“"forum" hektare”|^Tidak ada hasil/);
  assert.doesNotMatch(quoted, /dicari:/);
  // A query of common words only is searched as it is.
  const only = await submit(page, 'forum', /^\d+ .*“forum”/);
  assert.doesNotMatch(only, /dicari:/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the search box on every page lands on the search page with the query', async () => {
  const { page, problems } = await openPage(browser, { width: 360, height: 800 });
  await page.goto(`${site.url}en/hub/bali/index.html`);
  await page.fill('#site-search', 'Omspan');
  await page.press('#site-search', 'Enter');
  await page.waitForURL(/\/a\/b\/en\/cari\/index\.html\?q=Omspan$/);
  const first = page.locator('#search-results li a').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('href'), '/a/b/en/inovasi/omspan/index.html');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('without JavaScript the search page offers the listing pages', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}index.html`);
  await page.fill('#site-search', 'replikasi');
  await page.press('#site-search', 'Enter');
  await page.waitForURL(/cari\/index\.html\?q=replikasi$/);
  assert.ok(await page.locator('#search-browse').isVisible());
  assert.ok(!(await page.locator('#search-filters').isVisible()));
  // Browse links with counts lead to the listing pages.
  const link = page.locator('#search-browse a', { hasText: 'Bali' }).first();
  assert.equal(await link.getAttribute('href'), '../provinsi/bali/inovasi/index.html');
  await link.click();
  await page.waitForURL((url) => url.pathname !== '/a/b/cari/index.html');
  assert.equal(new URL(page.url()).pathname, '/a/b/provinsi/bali/inovasi/index.html');
  await context.close();
});

test('without a search index, or opened from disk, the search page stays a browse page', async () => {
  const bare = await serveBuilt({ basePath: '/a/b/', env: { SIMPUL_PAGEFIND: 'off' } });
  try {
    assert.match(bare.log, /search index +not built: search index turned off \(SIMPUL_PAGEFIND=off\)/);
    const { page, problems } = await openPage(browser);
    await page.goto(`${bare.url}cari/index.html?q=replikasi`);
    await page.locator('#search-unavailable').waitFor();
    assert.ok(await page.locator('#search-browse').isVisible());
    assert.ok(!(await page.locator('#search-filters').isVisible()));
    assert.deepEqual(problems, [`HTTP 404: ${bare.url}pagefind/pagefind.js`]);
    await page.context().close();

    const disk = await openPage(browser);
    await disk.page.goto(`file://${bare.out}/cari/index.html?q=replikasi`);
    assert.ok(await disk.page.locator('#search-browse').isVisible());
    assert.ok(!(await disk.page.locator('#search-filters').isVisible()));
    const link = disk.page.locator('#search-browse a', { hasText: 'Bali' }).first();
    await link.click();
    await disk.page.waitForURL((url) => !url.pathname.endsWith('/cari/index.html'));
    assert.match(disk.page.url(), /\/provinsi\/bali\/inovasi\/index\.html$/);
    await disk.page.context().close();
  } finally {
    bare.stop();
  }
});
