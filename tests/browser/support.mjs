// Shared set-up for the browser tests (node:test + playwright-core + Debian's
// chromium): serve a content folder with `simpul serve` under a sub-path and
// open pages in headless Chromium, failing on console errors.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const sourceDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const simpulBinary = process.env.SIMPUL_BINARY ?? join(sourceDir, 'build/dev/generator/simpul');
// Screenshots for people to review land here.
export const outputDir = process.env.SIMPUL_TEST_OUTPUT ?? join(sourceDir, 'build/test-output');

// Builds `content` and serves it under `basePath` on a free loopback port.
// Returns { url, out, stop }.
export async function serveSite({ content = join(sourceDir, 'content'), basePath = '/a/b/' } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'simpul-browser-'));
  const out = join(tmp, 'public');
  const child = spawn(simpulBinary, ['serve', content, '-o', out, '--port', '0', '--base-path', basePath],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simpul serve did not start:\n${log}`)), 60000);
    const onData = (chunk) => {
      log += chunk;
      const m = log.match(/Serving .* at (http:\/\/127\.0\.0\.1:\d+\/\S*)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`simpul serve exited ${code}:\n${log}`)); });
  });
  return {
    url, out,
    stop() { child.kill('SIGTERM'); rmSync(tmp, { recursive: true, force: true }); },
  };
}

// Builds `content` with `simpul build` into a temporary folder. Returns { out, log, remove }.
export function buildSite({ content = join(sourceDir, 'content'), env = {} } = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'simpul-build-'));
  const out = join(tmp, 'public');
  const log = execFileSync(simpulBinary, ['build', content, '-o', out],
    { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  return { out, log, remove() { rmSync(tmp, { recursive: true, force: true }); } };
}

const mimeTypes = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8', '.wasm': 'application/wasm', '.txt': 'text/plain',
};

// Serves an already built folder as a plain static host would (no live reload),
// under `basePath` on a free loopback port. Returns { url, stop, transferred }.
export async function serveFolder(root, { basePath = '/a/b/' } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = null;
    if (path.startsWith(basePath)) {
      const rel = normalize(path.slice(basePath.length) || 'index.html');
      if (!rel.startsWith('..') && !rel.includes(`${sep}..`)) file = join(root, rel.endsWith(sep) ? join(rel, 'index.html') : rel);
    }
    try {
      if (!file || !statSync(file).isFile()) throw new Error('missing');
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length });
      res.end(body);
    } catch {
      const body = readFileSync(join(root, '404.html'));
      res.writeHead(404, { 'Content-Type': mimeTypes['.html'], 'Content-Length': body.length });
      res.end(body);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${basePath}`;
  return { url, stop() { server.closeAllConnections(); server.close(); } };
}

// buildSite + serveFolder: the published output, served under a sub-path.
export async function serveBuilt({ content, basePath = '/a/b/', env } = {}) {
  const built = buildSite({ content, env });
  const served = await serveFolder(built.out, { basePath });
  return { url: served.url, out: built.out, log: built.log, stop() { served.stop(); built.remove(); } };
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// A page that records console errors, failed requests and requests leaving the local server.
export async function openPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    // A failed response is reported below with its URL; the console line adds nothing.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // A load cut short by the next navigation (net::ERR_ABORTED) is not a failure of the site.
  page.on('requestfailed', (req) => {
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()}`);
  });
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  page.on('request', (req) => {
    if (!req.url().startsWith('http://127.0.0.1:') && !req.url().startsWith('data:')) problems.push(`external request: ${req.url()}`);
  });
  return { page, problems };
}

// Resolves after `n` animation frames of the page. The dashboard draws one frame per
// animation frame, so by then it has drawn at least n - 1 whole frames after any input
// sent before, however slow the machine (which a fixed sleep cannot promise).
export function frames(page, n = 3) {
  return page.evaluate((left) => new Promise((resolve) => {
    const step = () => (--left <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), n);
}

// Presses and releases `key` at once, for the dashboard. Dear ImGui repeats a key that is
// still down a key-repeat delay (275 ms) after it went down, counted in the app's frames;
// keyboard.press() sends the release only once the press is acknowledged, which on a
// loaded machine took over 275 ms: Tab, Tab, Enter then became Tab, Tab, Tab, Enter.
// Sent together, the release reaches the page right behind the press.
export async function tap(page, key) {
  await Promise.all([page.keyboard.down(key), page.keyboard.up(key)]);
}

export function screenshotPath(name) {
  mkdirSync(outputDir, { recursive: true });
  return join(outputDir, name);
}

// One page of every kind the generator writes.
export const pagesOfEveryKind = {
  home: 'index.html',
  innovations: 'inovasi/index.html',
  'innovations by name': 'inovasi/index-nama.html',
  'term listing': 'provinsi/bali/inovasi/index.html',
  innovation: 'inovasi/menggapai-mimpi-sahabat-rimba/index.html',
  hubs: 'hub/index.html',
  hub: 'hub/kalimantan-barat/index.html',
  provinces: 'provinsi/index.html',
  province: 'provinsi/kalimantan-selatan/index.html',
  'facet index': 'sdg/index.html',
  agencies: 'instansi/index.html',
  agency: 'instansi/pemprov-kalimantan-selatan/index.html',
  replications: 'replikasi/index.html',
  replication: 'replikasi/kalsel-menggapai-mimpi-sahabat-rimba-2021/index.html',
  events: 'agenda/index.html',
  event: 'agenda/fripp-kalimantan-selatan-2020/index.html',
  regulations: 'regulasi/index.html',
  regulation: 'regulasi/permenpanrb-91-2021/index.html',
  search: 'cari/index.html?q=replikasi',
  'search, browsing': 'cari/index.html',
  statistics: 'statistik/index.html',
  'open data': 'data/index.html',
  'not found': '404.html',
};
