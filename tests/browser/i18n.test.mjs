// Browser test of the two languages: on one page of every kind the language
// switch lands on the same page in the other language and back, and dates
// and numbers follow the page's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveBuilt, launch, openPage, pagesOfEveryKind } from './support.mjs';

let site, browser;
before(async () => { site = await serveBuilt({ basePath: '/a/b/' }); browser = await launch(); });
after(async () => { await browser?.close(); site?.stop(); });

test('the language switch keeps the page, on every kind of page', async () => {
  const { page, problems } = await openPage(browser);
  for (const [kind, path] of Object.entries(pagesOfEveryKind)) {
    if (path === '404.html') continue;  // links from the site root: see a11y.test.mjs
    const file = path.replace(/\?.*$/, '');
    await page.goto(site.url + path);
    const idTitle = await page.title();
    // Wait for the other page to load: its URL and title are read from it.
    await page.locator('a.lang[hreflang="en"]').click();
    await page.waitForURL((url) => url.pathname !== `/a/b/${file}`);
    assert.equal(new URL(page.url()).pathname, `/a/b/en/${file}`, kind);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.notEqual(await page.title(), idTitle, `${kind}: the English page has an English title`);
    await page.locator('a.lang[hreflang="id"]').click();
    await page.waitForURL((url) => url.pathname !== `/a/b/en/${file}`);
    assert.equal(new URL(page.url()).pathname, `/a/b/${file}`, kind);
    assert.equal(await page.getAttribute('html', 'lang'), 'id');
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('dates, numbers and labels follow the language', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${site.url}agenda/fripp-kalimantan-selatan-2020/index.html`);
  assert.equal(await page.locator('main time').first().innerText(), '27 Oktober 2020');
  await page.goto(`${site.url}en/agenda/fripp-kalimantan-selatan-2020/index.html`);
  assert.equal(await page.locator('main time').first().innerText(), '27 October 2020');
  // Untranslated record text is marked as Indonesian on English pages.
  assert.equal(await page.locator('main .prose > div').getAttribute('lang'), 'id');
  await page.goto(`${site.url}en/statistik/index.html`);
  assert.equal(await page.locator('#h-sektor').innerText(), 'Innovations by sector');
  await page.goto(`${site.url}en/inovasi/omspan/index.html`);
  assert.match(await page.locator('h1').innerText(), /^OM-SPAN \(Online Monitoring of the State Treasury and Budget System\)$/);
  assert.deepEqual(problems, []);
  await page.context().close();
});
