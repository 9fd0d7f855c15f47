#!/usr/bin/env node
// The live-preview benchmark (bench/README.md, "Live preview"): `simpul serve`
// on the synthetic catalogue of N innovations, an innovation page open in
// Chromium, then its title edited on disk REPEAT times; each time, the time
// from the file's write to the new title showing in the page (which reloads
// itself). Usage: node bench/preview/run.mjs [N]   (default 1000; env REPEAT=5)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launch, sourceDir } from '../../tests/browser/support.mjs';

const n = Number(process.argv[2] ?? 1000);
const repeat = Number(process.env.REPEAT ?? 5);
const dir = join(sourceDir, 'build/bench', String(n));
const simpul = process.env.SIMPUL_BINARY ?? join(sourceDir, 'build/release/generator/simpul');
if (!existsSync(join(dir, 'content')))
  spawnSync('node', [join(sourceDir, 'bench/synth/synth.mjs'), String(n), dir], { stdio: 'inherit' });
const out = join(dir, 'out-preview');
rmSync(out, { recursive: true, force: true });
// The first innovation (its name's digits grow with N: inovasi-0001.md, inovasi-00001.md).
const recordFile = readdirSync(join(dir, 'content/innovations')).sort()[0];
const record = join(dir, 'content/innovations', recordFile);
const original = readFileSync(record, 'utf8');

const server = spawn(simpul, ['serve', join(dir, 'content'), '-o', out, '--port', '0',
  '--templates', join(sourceDir, 'site-template')], { stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
const url = await new Promise((resolve, reject) => {
  const seen = (chunk) => {
    log += chunk;
    const m = log.match(/Serving \S+ at (http:\/\/\S+)/);
    if (m) resolve(m[1]);
  };
  server.stdout.on('data', seen);
  server.stderr.on('data', seen);
  server.on('exit', () => reject(new Error('simpul serve exited:\n' + log)));
});
const browser = await launch();
const times = [];
try {
  const page = await browser.newPage();
  const consoleLog = [];
  page.on('console', (m) => consoleLog.push(m.text()));
  await page.goto(url + `inovasi/${recordFile.replace(/\.md$/, '')}/index.html`);
  for (let i = 1; i <= repeat; ++i) {
    const title = `Judul Suntingan ${i}`;
    await page.waitForTimeout(500);
    const started = performance.now();
    writeFileSync(record, original.replace(/^title: .*$/m, `title: "${title}"`));
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, title,
      { timeout: 30000, polling: 20 }).catch(async (e) => {
      throw new Error(`the edit did not show: h1 is "${await page.textContent('h1')}"; ` +
        `console: ${consoleLog.join(' | ')}; serve: ${log}`);
    });
    times.push(performance.now() - started);
  }
} finally {
  writeFileSync(record, original);
  await browser.close();
  server.kill('SIGINT');
}
times.sort((a, b) => a - b);
console.log(`${n} innovations: edit to page showing it, ${repeat} edits: median ${(times[Math.floor(times.length / 2)] / 1000).toFixed(2)} s, ` +
  `max ${(times[times.length - 1] / 1000).toFixed(2)} s (${times.map((t) => (t / 1000).toFixed(2)).join(', ')})`);
