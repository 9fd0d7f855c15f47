// Browser test of the WebAssembly dashboard (dasbor/) in the built site served
// under a sub-path: it becomes ready, its figures equal the generator's
// (data/dashboard-figures.json, computed with core/stats), a province tile
// filters, the URL hash survives a reload and the back button, the language
// switch keeps the view, CSV download, keyboard, high DPI and resizes, and the
// fallback messages when WebGL2 or the data are missing, and when the data file
// is truncated, random bytes, damaged or of another version. No console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { serveSite, launch, openPage, screenshotPath, frames, tap } from './support.mjs';

let site, browser, expected;
before(async () => {
  site = await serveSite({ basePath: '/a/b/' });
  browser = await launch();
  expected = JSON.parse(readFileSync(`${site.out}/data/dashboard-figures.json`, 'utf8'));
});
after(async () => { await browser?.close(); site?.stop(); });

// Ready with its figures, and its explorer's titles (the second data file) in.
async function ready(page) {
  await page.waitForFunction(() => window.simpulDash && (window.simpulDash.ready || window.simpulDash.failed),
    null, { timeout: 60000 });
  const failed = await page.evaluate(() => window.simpulDash.failed);
  assert.equal(failed, null, `the dashboard failed: ${failed}`);
  await page.waitForFunction(() => window.simpulDash.texts || window.simpulDash.textsFailed, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.simpulDash.textsFailed), null);
  return page.evaluate(() => window.simpulDash.figures());
}

// Page coordinates of a widget the app drew (canvas pixels -> CSS pixels).
async function rect(page, name) {
  return page.evaluate((n) => {
    const r = window.simpulDash.rects()[n];
    if (!r) return null;
    const c = document.getElementById('canvas'), b = c.getBoundingClientRect(), s = c.width / b.width;
    return { x: b.left + (r.x + r.w / 2) / s, y: b.top + (r.y + r.h / 2) / s };
  }, name);
}

async function click(page, name) {
  const p = await rect(page, name);
  assert.ok(p, `the app drew no "${name}"`);
  await page.mouse.move(p.x, p.y);
  await frames(page);  // a frame sees the hover before the press
  await page.mouse.down();
  await frames(page);
  await page.mouse.up();
}

// Whether the app's last frame drew `name` with its centre inside the canvas on screen.
async function onScreen(page, name) {
  const p = await rect(page, name);
  if (!p) return false;
  const box = await page.locator('#canvas').boundingBox();
  const viewport = page.viewportSize();
  return p.y > Math.max(box.y, 0) && p.y < Math.min(box.y + box.height, viewport.height);
}

const waitHash = (page, hash) =>
  page.waitForFunction((h) => window.simpulDash.figures().hash === h, hash, { timeout: 20000 });

function sameTotals(f) {
  for (const k of ['innovations', 'hubs', 'hubs_daerah', 'hubs_kl', 'replications', 'events'])
    assert.equal(f[k], expected[k], `${k}: dashboard ${f[k]}, generator ${expected[k]}`);
  for (const dim of ['prov', 'sector', 'sdg', 'stage', 'status', 'year', 'award'])
    assert.deepEqual(f.by[dim], expected.by[dim], `innovations by ${dim}`);
  assert.deepEqual(f.hubs_per_year, expected.hubs_per_year);
  const sorted = (flows) => flows.map((x) => x.join(' ')).sort();
  assert.deepEqual(sorted(f.flows), sorted(expected.flows));
}

// The province with the most innovations (ties: the first code).
function busiestProvince() {
  return Object.entries(expected.province).sort((a, b) => b[1].innovations - a[1].innovations)[0][0];
}

test('the dashboard shows the generator\'s figures, filters by province, keeps the view in the URL', async () => {
  const { page, problems } = await openPage(browser, { width: 1280, height: 900 });
  const res = await page.goto(site.url + 'dasbor/');
  assert.equal(res.status(), 200);
  const totals = await ready(page);
  assert.equal(totals.lang, 'id');
  assert.equal(totals.hash, '');
  sameTotals(totals);
  await page.screenshot({ path: screenshotPath('dashboard-1280.png') });

  const code = busiestProvince();
  await click(page, `tile:${code}`);
  await waitHash(page, `#prov=${code}`);
  const one = await page.evaluate(() => window.simpulDash.figures());
  for (const k of ['innovations', 'hubs', 'replications', 'events'])
    assert.equal(one[k], expected.province[code][k], `${k} of province ${code}`);
  assert.notEqual(one.innovations, totals.innovations, 'the figures changed');
  assert.equal(new URL(page.url()).hash, `#prov=${code}`);
  await page.screenshot({ path: screenshotPath('dashboard-province.png') });

  // Reload with the hash: the same view.
  await page.reload();
  const reloaded = await ready(page);
  assert.equal(reloaded.hash, `#prov=${code}`);
  assert.equal(reloaded.innovations, one.innovations);

  // Back steps out of the filter, forward into it again.
  await page.goBack();
  await waitHash(page, '');
  assert.equal((await page.evaluate(() => window.simpulDash.figures())).innovations, totals.innovations);
  await page.goForward();
  await waitHash(page, `#prov=${code}`);

  // The language switch keeps the view.
  await click(page, 'lang');
  await page.waitForURL(/\/a\/b\/en\/dasbor\/index\.html#prov=/);
  const en = await ready(page);
  assert.equal(en.lang, 'en');
  assert.equal(en.labels.overview, 'Overview');
  assert.equal(en.hash, `#prov=${code}`);
  assert.equal(en.innovations, one.innovations);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.screenshot({ path: screenshotPath('dashboard-en.png') });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('CSV of the selection, keyboard use, the explorer link', async () => {
  const { page, problems } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(site.url + 'dasbor/index.html');
  const f = await ready(page);
  // Keyboard: the canvas has focus; Tab to the second control (CSV) and press Enter.
  const download = page.waitForEvent('download');
  await tap(page, 'Tab');
  await tap(page, 'Tab');
  await tap(page, 'Enter');
  const file = await (await download).path();
  const csv = readFileSync(file);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
  const lines = csv.toString('utf8').trim().split('\r\n');
  assert.equal(lines.length, f.rows + 1);
  assert.match(lines[0], /^\uFEFF?id,title,agency,/);

  // Escape hands the keyboard back to the page: Tab then moves between the page's links.
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'A');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'A');
  await page.locator('#canvas').focus();

  // Scroll down to the explorer (the wheel over the filter bar scrolls the page's
  // one window); its first row opens its innovation's page.
  // Each step waits until the app has drawn frames after the wheel, so the rectangles
  // read are those of the scrolled view (and no wheel is still pending when clicking);
  // the explorer's first row is recorded as soon as its panel shows at all, so it is
  // clicked once its centre is on screen.
  const bar = await rect(page, 'reset');
  await page.mouse.move(bar.x, bar.y);
  await frames(page);
  for (let i = 0; i < 20 && !(await onScreen(page, 'row:0')); ++i) {
    await page.mouse.wheel(0, 400);
    await frames(page);
  }
  assert.ok(await onScreen(page, 'row:0'), 'scrolling shows the explorer\'s first row');
  await click(page, 'row:0');
  await page.waitForURL(/\/a\/b\/inovasi\/[a-z0-9-]+\/index\.html$/);
  assert.equal(await page.locator('h1').count(), 1);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('crisp on a high-DPI screen and follows resizes', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(site.url + 'dasbor/index.html');
  await ready(page);
  const size = () => page.evaluate(() => {
    const c = document.getElementById('canvas'), b = c.getBoundingClientRect();
    return { w: c.width, h: c.height, cw: b.width, ch: b.height };
  });
  let s = await size();
  assert.ok(Math.abs(s.w - s.cw * 2) <= 1, `the canvas has a pixel per device pixel (${s.w} for ${s.cw} CSS px)`);
  assert.ok(Math.abs(s.h - s.ch * 2) <= 1, `${s.h} for ${s.ch} CSS px`);
  await page.screenshot({ path: screenshotPath('dashboard-900-dpr2.png') });
  await page.setViewportSize({ width: 500, height: 800 });
  await page.waitForFunction(() => {
    const c = document.getElementById('canvas');
    return c.width === c.clientWidth * 2 && c.clientWidth === 500;
  }, null, { timeout: 10000 });
  s = await size();
  assert.equal(s.w, 1000);
  await page.screenshot({ path: screenshotPath('dashboard-500-dpr2.png') });
  // Browser zoom changes devicePixelRatio: the canvas (and the font atlas) follow it.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 500, height: 800, deviceScaleFactor: 1.5, mobile: false });
  await page.waitForFunction(() => {
    const c = document.getElementById('canvas');
    return window.devicePixelRatio === 1.5 && Math.abs(c.width - c.getBoundingClientRect().width * 1.5) <= 1;
  }, null, { timeout: 10000 });
  await page.screenshot({ path: screenshotPath('dashboard-500-dpr1.5.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

// Deterministic noise (a linear congruential generator), never starting with gzip's magic.
function noise(n, seed = 7) {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; ++i) out[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
  out[0] = 0x42;
  return out;
}

// Serves the data file changed by `change(uncompressed bytes)`; `gzip` compresses the result.
const mangle = (change, gzip = false) => (page) => page.route('**/data/dashboard.bin.gz', async (route) => {
  const res = await route.fetch();
  const body = change(Buffer.from(gunzipSync(await res.body())));
  await route.fulfill({ response: res, body: gzip ? gzipSync(body) : body });
});

test('without WebGL2, or with a damaged data file, a message links to the static statistics', async () => {
  for (const [name, setup, message, path = 'dasbor/index.html'] of [
    ['no-webgl', (page) => page.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : get.call(this, kind, ...rest);
      };
    }), /WebGL2/],
    // A browser without WebAssembly exception handling (before Chrome 95) rejects the app's module.
    ['no-wasm-exceptions', (page) => page.addInitScript(() => { WebAssembly.validate = () => false; }),
      /^Peramban ini tidak dapat menjalankan WebAssembly dasbor \(WebAssembly dimatikan/],
    ['no-webassembly', (page) => page.addInitScript(() => { delete window.WebAssembly; }),
      /^Peramban ini tidak dapat menjalankan WebAssembly dasbor/],
    // An app that does not compile (here: its wasm file replaced by other bytes).
    ['app-not-starting', (page) => page.route('**/simpul-dasbor.wasm', (route) => route.fulfill({ body: noise(4096) })),
      /^Aplikasi dasbor tidak tersedia di situs ini\.\n+CompileError: /],
    // The first 64 bytes of the uncompressed file: the page passes bytes that are not gzip as they are.
    ['truncated', (page) => page.route('**/data/dashboard.bin.gz', async (route) => {
      const res = await route.fetch();
      const body = gunzipSync(await res.body());
      await route.fulfill({ response: res, body: body.subarray(0, 64) });
    }), /truncated: expected \d+ bytes, got 64/],
    // The message says what is wrong in the page's language, then the app's own (English) words.
    ['truncated-gzip', mangle((b) => b.subarray(0, b.length - 100), true),
      /^Data dasbor tidak dapat dimuat\. Berkas datanya tidak lengkap .*\n+dashboard data is truncated/],
    ['random', (page) => page.route('**/data/dashboard.bin.gz', (route) => route.fulfill({ body: noise(4096) })),
      /^Data dasbor tidak dapat dimuat\. Berkas yang diterima bukan berkas data dasbor\.\n+this is not a Simpul/],
    ['random-gzip', (page) => page.route('**/data/dashboard.bin.gz',
      (route) => route.fulfill({ body: Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), noise(4096)]) })),
      /^Data dasbor tidak dapat dimuat\. Berkas datanya rusak\.\n+dashboard data is damaged/],
    ['damaged', mangle((b) => Buffer.concat([b.subarray(0, 20), noise(b.length - 20)]), true),
      /^Data dasbor tidak dapat dimuat\. Berkas datanya rusak\.\n+dashboard data is damaged: [a-z]/],
    ['version', mangle((b) => { b.writeUInt32LE(99, 8); return b; }, true),
      /^The dashboard data could not be loaded\. The data file was made by another version of Simpul; .*\n+dashboard data version 99 is not supported/,
      'en/dasbor/index.html'],
  ]) {
    const { page, problems } = await openPage(browser);
    await setup(page);
    await page.goto(site.url + path);
    await page.waitForFunction(() => window.simpulDash && window.simpulDash.failed, null, { timeout: 60000 });
    const text = await page.locator('#dash-status').innerText();
    assert.match(text, message, name);
    const link = page.locator('#dash-fallback a');
    assert.ok(await link.isVisible(), `${name}: the link to the statistics page is shown`);
    assert.equal(await link.getAttribute('href'), path.startsWith('en/') ? '../../en/statistik/index.html' : '../statistik/index.html');
    assert.ok(!(await page.locator('#canvas').isVisible()), `${name}: no half-working canvas`);
    await page.screenshot({ path: screenshotPath(`dashboard-${name}.png`) });
    // Emscripten reports an app that cannot start as an uncaught error of its own (and only that).
    const expected = name === 'app-not-starting' ? [/^page error: Aborted\(CompileError: /] : [];
    assert.equal(problems.length, expected.length, `${name}: ${problems.join('; ')}`);
    expected.forEach((re, i) => assert.match(problems[i], re));
    await page.context().close();
  }
});

test('a texts file that does not load leaves every figure and says why', async () => {
  const { page, problems } = await openPage(browser);
  await page.route('**/data/dashboard-texts.bin.gz', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: gunzipSync(await res.body()).subarray(0, 64) });
  });
  await page.goto(site.url + 'dasbor/index.html');
  await page.waitForFunction(() => window.simpulDash && window.simpulDash.textsFailed, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.simpulDash.failed), null);
  assert.match(await page.evaluate(() => window.simpulDash.textsFailed),
    /^dashboard texts are truncated: expected \d+ bytes, got 64$/);
  const f = await page.evaluate(() => window.simpulDash.figures());
  assert.equal(f.innovations, expected.innovations, 'the figures are all there');
  assert.ok(await page.locator('#canvas').isVisible());
  await page.screenshot({ path: screenshotPath('dashboard-texts-failed.png') });
  assert.deepEqual(problems, []);
  await page.context().close();
});
