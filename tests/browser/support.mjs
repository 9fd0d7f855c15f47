// Shared set-up for the browser tests (node:test + playwright-core + Debian's
// chromium): serve a content folder with `simpul serve` under a sub-path and
// open pages in headless Chromium, failing on console errors.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
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
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  page.on('request', (req) => {
    if (!req.url().startsWith('http://127.0.0.1:') && !req.url().startsWith('data:')) problems.push(`external request: ${req.url()}`);
  });
  return { page, problems };
}

export function screenshotPath(name) {
  mkdirSync(outputDir, { recursive: true });
  return join(outputDir, name);
}
