// Runs the dashboard benchmark in Debian's Chromium (headless, via playwright-core):
// for each size, a fresh page loads the data file into the dashboard's wasm code
// and another page loads the same records into crossfilter2; prints a Markdown table.
// Usage (bench/dashboard/run.sh does it): node run.mjs DIR N...   (env REPEAT, SETTLE_MS)
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname } from 'node:path';
import { chromium } from 'playwright-core';

const [dir, ...sizes] = process.argv.slice(2);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
const server = http.createServer(async (req, res) => {
  const p = new URL(req.url, 'http://x').pathname.slice(1) || 'bench.html';
  try {
    const body = await readFile(join(dir, p));
    res.writeHead(200, { 'content-type': types[extname(p)] || 'application/octet-stream', 'content-length': body.length });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/bench.html`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--js-flags=--max-old-space-size=8192'],
});

// A fresh page is slow for about a second after it is ready (Chromium's own start-up
// work shares the two cores: every figure, both sides, about doubles): each side
// waits SETTLE_MS (default 1000; 0 measures straight away) before it measures.
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 1000);

async function run(fn, n) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.wasmReady === true);
  await page.waitForTimeout(SETTLE_MS);
  try {
    return await page.evaluate(([f, size]) => window[f](size), [fn, n]);
  } catch (e) {
    return { error: e.message.split('\n')[0] };
  } finally {
    await page.close();
  }
}

// Each side runs REPEAT times in a fresh page; the table shows medians (the
// machine may be busy: medians of fresh pages are steadier than one run).
const REPEAT = Number(process.env.REPEAT ?? 5);
async function median(fn, n) {
  const runs = [];
  for (let i = 0; i < REPEAT; ++i) {
    const r = await run(fn, n);
    if (r.error) return r;
    runs.push(r);
  }
  const mid = (k) => runs.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const parts = ['fetch', 'decode', 'load', 'inflate', 'decodeOnly', 'app', 'textsWait', 'textsInflate', 'textsLoad', 'all', 'change'];
  return { ...runs[0], ...Object.fromEntries(parts.map((k) => [k, mid(k)])) };
}

const ms = (x) => (x === undefined ? '-' : x < 10 ? x.toFixed(2) : x.toFixed(0));
const rows = [];
await run('benchOurs', 1000);  // warm-up: the browser's caches, the wasm compilation cache
for (const n of sizes) {
  const ours = await median('benchOurs', Number(n));
  const theirs = await median('benchCrossfilter', Number(n));
  if (!ours.error && !theirs.error && (ours.selected !== theirs.selected || ours.sector !== theirs.sector))
    throw new Error(`different results at ${n}: ${JSON.stringify({ ours, theirs })}`);
  rows.push({ n, ours, theirs });
  console.error(n, JSON.stringify({ ours, theirs }));
  if (!ours.error) {  // where the time of ours goes (medians of each part)
    const f = (k) => ms(ours[k]);
    console.error(`${n}: figures fetch ${f('fetch')} + inflate ${f('inflate')} + decode ${f('decodeOnly')} + app ${f('app')} = ${f('load')} ms;` +
      ` texts: waited ${f('textsWait')} + inflate ${f('textsInflate')} + decode, rows ${f('textsLoad')} (with the inflate); all ${f('all')} ms`);
  }
}
console.log('| innovations | figures + texts files, gzip (MB) | JSON (MB) | load: figures (ms) | load: figures and texts (ms) | load: fetch + parse + index, crossfilter2 (ms) | filter change, wasm (ms) | filter change, crossfilter2 (ms) | speed-up |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { n, ours, theirs } of rows) {
  const ratio = ours.change && theirs.change ? (theirs.change / ours.change).toFixed(1) + '×' : '-';
  console.log(`| ${Number(n).toLocaleString('en')} | ${(ours.bytes / 1e6).toFixed(2)} + ${((ours.textBytes ?? 0) / 1e6).toFixed(2)} | ${(theirs.bytes / 1e6).toFixed(1)} | ${ours.error ?? ms(ours.load)} | ${ours.error ? '-' : ms(ours.all)} | ${theirs.error ?? ms(theirs.load)} | ${ms(ours.change)} | ${theirs.error ? '-' : ms(theirs.change)} | ${ratio} |`);
}
await browser.close();
server.close();
