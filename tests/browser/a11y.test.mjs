// Accessibility and layout of one page of every kind, in both languages, as
// published (served under a sub-path): axe-core finds no serious or critical
// violation, nothing is wider than a 360 px phone, nothing shifts while the
// page loads, the skip link and focus are visible, no request leaves the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveBuilt, serveFolder, launch, openPage, sourceDir, pagesOfEveryKind, frames } from './support.mjs';

let site, atRoot, browser;
before(async () => {
  site = await serveBuilt({ basePath: '/a/b/' });
  // 404.html is served for any missing path, so it links from the site root (or
  // from base_url when set): it is checked on a server that hosts the site at /.
  atRoot = await serveFolder(site.out, { basePath: '/' });
  browser = await launch();
});
after(async () => { await browser?.close(); atRoot?.stop(); site?.stop(); });

const urlOf = (prefix, path) => (path === '404.html' ? atRoot.url : site.url) + prefix + path;

const axeSource = readFileSync(join(sourceDir, 'node_modules/axe-core/axe.min.js'), 'utf8');

// The search page is finished by its module script after `load`: wait until it has
// taken over the form and shown the first search (results and status) in full.
async function ready(page, path) {
  if (!path.startsWith('cari/')) return;
  await page.locator('#search-form[data-ready="true"]').waitFor({ state: 'attached' });
  if (path.includes('?q=')) await page.locator('#search-results li').first().waitFor();
}

test('axe-core: no serious or critical violation on any kind of page, in both languages', async () => {
  const report = [];
  for (const prefix of ['', 'en/']) {
    for (const [kind, path] of Object.entries(pagesOfEveryKind)) {
      const { page, problems } = await openPage(browser);
      const res = await page.goto(urlOf(prefix, path));
      assert.equal(res.status(), 200, `${prefix}${path}`);
      await ready(page, path);
      // Evaluated by the test, not added as a <script>: the page's CSP blocks inline scripts.
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        // WCAG 2.1 A and AA, plus best practices.
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
      });
      const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of result) report.push(`${prefix}${path}: ${v.impact} ${v.id} (${v.nodes.length})`);
      assert.deepEqual(bad, [], `${kind} (${prefix || 'id'})`);
      assert.deepEqual(problems.filter((p) => !p.startsWith('HTTP 404')), [], `${kind} (${prefix || 'id'})`);
      await page.context().close();
    }
  }
  if (report.length) console.log(`axe, minor or moderate:\n  ${report.join('\n  ')}`);
});

test('every kind of page fits a 360 px phone and does not shift while loading', async () => {
  for (const prefix of ['', 'en/']) {
    for (const [kind, path] of Object.entries(pagesOfEveryKind)) {
      const { page, problems } = await openPage(browser, { width: 360, height: 740 });
      await page.addInitScript(() => {
        window.__shift = 0;
        const add = (entries) => { for (const e of entries) if (!e.hadRecentInput) window.__shift += e.value; };
        const observer = new PerformanceObserver((list) => add(list.getEntries()));
        observer.observe({ type: 'layout-shift', buffered: true });
        // The shifts so far, with those reported but not yet handed to the callback.
        window.__shifts = () => { add(observer.takeRecords()); return window.__shift; };
      });
      await page.goto(urlOf(prefix, path));
      await ready(page, path);
      // Two animation frames: the settled page has been laid out and painted, so every
      // shift has been reported (instead of a sleep that a slow machine may outlast).
      await frames(page, 2);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${kind} (${prefix || 'id'}) overflows a 360 px screen by ${overflow}px`);
      const shift = await page.evaluate(() => window.__shifts());
      assert.ok(shift < 0.01, `${kind} (${prefix || 'id'}) layout shift ${shift}`);
      assert.deepEqual(problems.filter((p) => !p.startsWith('HTTP 404')), []);
      await page.context().close();
    }
  }
});

test('the skip link comes first and focus is always visible', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${site.url}inovasi/omspan/index.html`);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { text: a.textContent, href: a.getAttribute('href'), top: r.top, outline: getComputedStyle(a).outlineStyle };
  });
  assert.equal(skip.text, 'Langsung ke isi utama');
  assert.equal(skip.href, '#main');
  assert.ok(skip.top >= 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // The next focusable elements each show an outline.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return `${document.activeElement.tagName} ${s.outlineStyle} ${s.outlineWidth}`;
    });
    assert.match(style, /^\w+ solid [2-9]/, `focus ${i}: ${style}`);
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});
