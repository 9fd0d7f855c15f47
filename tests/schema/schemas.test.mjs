// The published JSON Schemas (public/schema/, generated from core/schema.cpp)
// checked with ajv: they accept every record of content/, and on the invalid
// fixtures they reject exactly the files `simpul check` rejects for reasons a
// schema can express (types, required fields, unknown fields, allowed values,
// formats, closed vocabularies).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, extname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import yaml from 'js-yaml';

const sourceDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const simpul = process.env.SIMPUL_BINARY ?? join(sourceDir, 'build/dev/generator/simpul');
const folders = { agencies: 'agency', innovations: 'innovation', hubs: 'hub', replications: 'replication',
  events: 'event', regulations: 'regulation' };
const schemaCodes = new Set(['missing-field', 'wrong-type', 'unknown-field', 'bad-value', 'bad-url', 'bad-date']);

let tmp;
before(() => { tmp = mkdtempSync(join(tmpdir(), 'simpul-schema-')); });
after(() => rmSync(tmp, { recursive: true, force: true }));

// Builds `content` and returns an ajv validator per record type, from its published schemas.
function validators(content, name) {
  const out = join(tmp, name);
  execFileSync(simpul, ['build', content, '-o', out, '--templates', join(sourceDir, 'site-template')], { stdio: 'pipe' });
  const ajv = new Ajv({ allErrors: true, strict: false });
  const v = {};
  for (const type of [...Object.values(folders), 'site', 'province', 'sector', 'sdg', 'program'])
    v[type] = ajv.compile(JSON.parse(readFileSync(join(out, 'schema', `${type}.schema.json`), 'utf8')));
  return v;
}

// A record file's fields, as the generator reads them (YAML 1.2 core types, like yaml-cpp).
function fields(path) {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (extname(path) === '.json') return JSON.parse(text);
  if (extname(path) === '.md') {
    const m = text.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?/);
    if (!m) throw new Error('no front matter');
    return yaml.load(m[1], { schema: yaml.CORE_SCHEMA }) ?? {};
  }
  return yaml.load(text, { schema: yaml.CORE_SCHEMA });
}

function records(content) {
  const list = [];
  for (const [folder, type] of Object.entries(folders)) {
    const dir = join(content, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) list.push({ type, path: join(dir, f), shown: `content/${folder}/${f}` });
  }
  return list;
}

test('the schemas accept every record of content/', () => {
  const content = join(sourceDir, 'content');
  const v = validators(content, 'real');
  for (const r of records(content)) {
    const ok = v[r.type](fields(r.path));
    assert.ok(ok, `${r.shown}: ${JSON.stringify(v[r.type].errors)}`);
  }
  const data = (f) => yaml.load(readFileSync(join(content, f), 'utf8'), { schema: yaml.CORE_SCHEMA });
  assert.ok(v.site(data('site.yaml')), JSON.stringify(v.site.errors));
  for (const [file, type] of [['data/provinces.yaml', 'province'], ['data/sectors.yaml', 'sector'],
    ['data/sdgs.yaml', 'sdg'], ['data/programs.yaml', 'program']])
    for (const item of data(file)) assert.ok(v[type](item), `${file}: ${JSON.stringify(v[type].errors)}`);
});

test('on the invalid fixtures the schemas reject what simpul check rejects', () => {
  const fixtures = join(sourceDir, 'tests/fixtures/invalid');
  let compared = 0, rejected = 0;
  for (const name of readdirSync(fixtures).sort()) {
    const dir = join(fixtures, name);
    const check = spawnSync(simpul, ['check', 'content', '--format=json'], { cwd: dir, encoding: 'utf8' });
    const diags = JSON.parse(check.stdout);
    // The schemas are built from the valid fixture's vocabulary (the invalid ones cannot build).
    const v = validators(join(sourceDir, 'tests/fixtures/valid/basic/content'), `valid-${name}`);
    for (const r of records(join(dir, 'content'))) {
      const mine = diags.filter((d) => d.path === r.shown && d.severity === 'error');
      if (mine.some((d) => ['yaml-syntax', 'json-syntax', 'front-matter', 'empty-file', 'duplicate-key'].includes(d.code))) continue;
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(basename(r.path, extname(r.path)))) continue;  // the id is the file name
      const expressible = mine.some((d) => (schemaCodes.has(d.code) && !d.message.includes('(required'))
        || (d.code === 'unresolved-ref' && /^(province code|sector|SDG|program) /.test(d.message)));
      const valid = v[r.type](fields(r.path));
      assert.equal(!valid, expressible, `${name}: ${r.shown}: simpul says ${JSON.stringify(mine.map((d) => d.message))}, ajv says ${JSON.stringify(v[r.type].errors)}`);
      compared++;
      if (!valid) rejected++;
    }
  }
  assert.ok(compared > 40, `compared ${compared} files`);
  assert.ok(rejected >= 2, `rejected ${rejected} files`);
});
