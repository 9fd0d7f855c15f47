// Browser test of the static site: served under a sub-path, pages load with
// their stylesheet, no console errors, no request leaves the local server;
// screenshots at desktop and phone width are saved for review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveSite, launch, openPage, screenshotPath } from './support.mjs';

let site, browser;
before(async () => { site = await serveSite({ basePath: '/a/b/' }); browser = await launch(); });
after(async () => { await browser?.close(); site?.stop(); });

test('home and an innovation page render under /a/b/ with their styles', async () => {
  for (const [path, name] of [['index.html', 'home'], ['inovasi/omspan/index.html', 'innovation']]) {
    for (const width of [1280, 360]) {
      const { page, problems } = await openPage(browser, { width });
      const res = await page.goto(site.url + path);
      assert.equal(res.status(), 200);
      const h1 = await page.locator('h1').count();
      assert.equal(h1, 1, 'one h1 per page');
      // The stylesheet loaded: the body font is not the browser default serif.
      const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      assert.doesNotMatch(font, /^"?Times/);
      // Nothing is wider than the viewport (no horizontal scrolling on a phone).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} overflows by ${overflow}px at ${width}px`);
      await page.screenshot({ path: screenshotPath(`${name}-${width}.png`), fullPage: true });
      assert.deepEqual(problems, []);
      await page.context().close();
    }
  }
});

test('the language switch lands on the same page in English and back', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(site.url + 'inovasi/omspan/index.html');
  await page.locator('a[hreflang="en"]').first().click();
  await page.waitForURL((url) => url.pathname !== '/a/b/inovasi/omspan/index.html');
  assert.equal(new URL(page.url()).pathname, '/a/b/en/inovasi/omspan/index.html');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.locator('a[hreflang="id"]').first().click();
  await page.waitForURL((url) => url.pathname !== '/a/b/en/inovasi/omspan/index.html');
  assert.equal(new URL(page.url()).pathname, '/a/b/inovasi/omspan/index.html');
  assert.deepEqual(problems, []);
});
