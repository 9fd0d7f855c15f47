#!/usr/bin/env node
// The build benchmark (bench/README.md, "Build: Simpul and Hugo"): for each N,
// the same synthetic records built by `simpul build` and by Hugo (bench/hugo),
// alternating, RUNS times each into an empty folder, and the I/O floor (copying
// Simpul's output tree). Prints one table row per tool and N: median wall and
// CPU seconds, peak RSS, output files and bytes, and Hugo's time over Simpul's.
// Usage: node bench/hugo-vs-simpul/run.mjs N... (env RUNS=3, SIMPUL_BINARY, THREADS)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, readdirSync, statSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sizes = process.argv.slice(2).map(Number);
if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('usage: node bench/hugo-vs-simpul/run.mjs N...   (e.g. 1000 10000 100000)');
  process.exit(2);
}
const runs = Number(process.env.RUNS ?? 3);
const simpul = resolve(process.env.SIMPUL_BINARY ?? join(repo, 'build/release/generator/simpul'));
for (const [what, path] of [['simpul (cmake --preset release && cmake --build build/release)', simpul],
  ['GNU time (apt install time)', '/usr/bin/time']])
  if (!existsSync(path)) {
    console.error(`bench: ${what} not found at ${path}`);
    process.exit(1);
  }
if (spawnSync('hugo', ['version']).status !== 0) {
  console.error('bench: hugo not found (apt install hugo)');
  process.exit(1);
}

function run(cmd, args, opts = {}, summaries = null) {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', cmd, ...args],
    { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  const line = (r.stderr.match(/TIME .*/g) ?? []).pop();
  if (r.status !== 0 || !line) {
    console.error(`bench: ${cmd} ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
    process.exit(1);
  }
  const [wall, user, sys, rssKb] = line.split(' ').slice(1).map(Number);
  if (summaries) summaries.push(groups(r.stdout));
  return { wall, cpu: user + sys, rss: rssKb / 1024 };
}
function tree(dir) {
  let files = 0, bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const t = tree(p);
      files += t.files;
      bytes += t.bytes;
    } else {
      files += 1;
      bytes += statSync(p).size;
    }
  }
  return { files, bytes };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Every run writes into a folder that does not exist yet. An earlier output is
// moved aside into trash/, not deleted, until the size is done: this disk's
// ext4 has no journal, and then the kernel passes over every inode deleted in
// the last minute, one at a time, each time it creates a file, so a run just
// after a deletion took from 1× to 3× as long (the same copy of 657 MB took
// 3.3 s to 13.7 s). Deletions happen between sizes, followed by a minute's wait.
let trashed = 0;
const settle = (dir, trash) => {
  if (existsSync(dir)) {
    mkdirSync(trash, { recursive: true });
    renameSync(dir, join(trash, String(++trashed)));
  }
  spawnSync('sync');
};
const clearTrash = (dirs) => {
  const there = dirs.filter((d) => existsSync(d));
  if (!there.length) return;
  for (const d of there) rmSync(d, { recursive: true, force: true });
  spawnSync('sync');
  spawnSync('sleep', ['61']);
};
// "record pages   23182 pages   5100 ms" lines of Simpul's build summary.
const groups = (stdout) => Object.fromEntries([...stdout.matchAll(/^ {2}(\S.*?) +(\d+) pages +(\d+) ms$/gm)]
  .map((m) => [m[1], Number(m[3])]));

console.log(`runs: ${runs} each, alternating; simpul ${simpul}; ${readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm).length} cores`);
console.log('\n| innovations | tool | wall (s) | CPU (s) | peak RSS (MB) | files | MB | Hugo / Simpul (wall) |');
console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
const facetRows = [];
for (const n of sizes) {
  const dir = join(repo, 'build/bench', String(n));
  if (!existsSync(join(dir, 'content'))) spawnSync('node', [join(repo, 'bench/synth/synth.mjs'), String(n), dir], { stdio: 'inherit' });
  if (!existsSync(join(dir, 'hugo'))) spawnSync('node', [join(repo, 'bench/hugo/site.mjs'), join(dir, 'content'), join(dir, 'hugo')], { stdio: 'inherit' });
  const out = { simpul: join(dir, 'out-simpul'), hugo: join(dir, 'out-hugo'), floor: join(dir, 'out-copy') };
  const trash = join(dir, 'trash');
  clearTrash([trash, ...Object.values(out)]);  // what an earlier run left
  const times = { simpul: [], hugo: [], floor: [] };
  const pageGroups = [];
  const threads = process.env.THREADS ? ['--threads', process.env.THREADS] : [];
  for (let i = 0; i < runs; ++i) {
    for (const tool of ['hugo', 'simpul', 'floor']) {
      settle(out[tool], trash);
      if (tool === 'hugo') times.hugo.push(run('hugo', ['--quiet', '-s', join(dir, 'hugo'), '-d', out.hugo]));
      if (tool === 'simpul')
        times.simpul.push(run(simpul, ['build', join(dir, 'content'), '-o', out.simpul, '--templates', join(repo, 'site-template'), ...threads],
          { env: { ...process.env, SIMPUL_PAGEFIND: 'off' } }, pageGroups));
      if (tool === 'floor') times.floor.push(run('cp', ['-r', out.simpul, out.floor]));
    }
  }
  const sizesOf = { simpul: tree(out.simpul), hugo: tree(out.hugo), floor: tree(out.floor) };
  const med = (tool, key) => median(times[tool].map((t) => t[key]));
  const ratio = med('hugo', 'wall') / med('simpul', 'wall');
  for (const [tool, label] of [['simpul', 'Simpul'], ['hugo', 'Hugo 0.111'], ['floor', 'I/O floor (cp -r of Simpul\'s output)']]) {
    const t = sizesOf[tool];
    console.log(`| ${n.toLocaleString('en')} | ${label} | ${med(tool, 'wall').toFixed(2)} | ${med(tool, 'cpu').toFixed(2)} | ${med(tool, 'rss').toFixed(0)} | ${t.files.toLocaleString('en')} | ${(t.bytes / 1048576).toFixed(0)} | ${tool === 'simpul' ? ratio.toFixed(2) + '×' : ''} |`);
  }
  clearTrash([trash, ...Object.values(out)]);
  facetRows.push({ n, records: median(pageGroups.map((g) => g['record pages'])),
    facets: median(pageGroups.map((g) => g['facet pages'])) });
}
// Issue 5's "facet pages cost at most 1.5× the record pages": render+write time
// of each group in Simpul's build summary (summed over threads), median of runs.
console.log('\n| innovations | record pages (ms) | facet pages (ms) | facet / record |');
console.log('|---:|---:|---:|---:|');
for (const { n, records, facets } of facetRows)
  console.log(`| ${n.toLocaleString('en')} | ${records} | ${facets} | ${(facets / records).toFixed(2)}× |`);
