#!/usr/bin/env node
// The same records as a Hugo site, for the build benchmark (bench/hugo-vs-simpul/run.mjs):
// reads a content folder written by bench/synth/synth.mjs and writes a Hugo site
// with the pages Simpul makes from it: a page per record, innovation lists of 50
// a page, and taxonomy term pages for province, sector, year, SDG, stage, award
// programme and status, in Indonesian and English (one content folder each).
// Usage: node bench/hugo/site.mjs CONTENT_FOLDER HUGO_SITE_FOLDER
import { mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync, cpSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const here = dirname(fileURLToPath(import.meta.url));
const [contentArg, outArg] = process.argv.slice(2);
if (!contentArg || !outArg) {
  console.error('usage: node bench/hugo/site.mjs CONTENT_FOLDER HUGO_SITE_FOLDER');
  process.exit(2);
}

// A record file: YAML front matter + Markdown body (.md), or YAML alone (.yaml).
function readRecord(path) {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.md')) return { fields: yaml.load(text) ?? {}, body: '' };
  const end = text.indexOf('\n---', 4);
  return { fields: yaml.load(text.slice(4, end)) ?? {}, body: text.slice(text.indexOf('\n', end + 1) + 1) };
}
const records = (folder) => {
  let names = [];
  try {
    names = readdirSync(join(contentArg, folder)).sort();
  } catch {
    return [];
  }
  return names.map((name) => ({ id: name.replace(/\.(md|ya?ml|json)$/, ''), ...readRecord(join(contentArg, folder, name)) }));
};
const data = (name) => yaml.load(readFileSync(join(contentArg, 'data', name), 'utf8'));

const provinces = new Map(data('provinces.yaml').map((p) => [String(p.code), p.name]));
const agencies = records('agencies');
const agencyById = new Map(agencies.map((a) => [a.id, a.fields]));

rmSync(outArg, { recursive: true, force: true });
const front = (fields) => '---\n' + JSON.stringify(fields, null, 1) + '\n---\n';
let files = 0;
function write(lang, section, id, fields, body) {
  const dir = join(outArg, 'content', lang, section);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${id}.md`), front(fields) + body);
  ++files;
}

for (const lang of ['id', 'en']) {
  for (const { id, fields: f, body } of records('innovations')) {
    const agency = agencyById.get(f.agency) ?? {};
    const province = f.province ?? agency.province;
    write(lang, 'inovasi', id, {
      title: f.title,
      summary: f.summary,
      agency: agency.name ?? f.agency,
      provinsi: province ? [provinces.get(String(province))] : [],
      sektor: f.sectors ?? [],
      tahun: f.year ? [String(f.year)] : [],
      sdg: (f.sdgs ?? []).map(String),
      tahap: f.stage ? [f.stage] : [],
      program: (f.awards ?? []).map((a) => a.program),
      status: f.status ? [f.status] : [],
      date: f.updated,
    }, body);
  }
  for (const { id, fields: f, body } of agencies)
    write(lang, 'instansi', id, { title: f.name, provinsi_name: provinces.get(String(f.province)) ?? '' }, body);
  for (const [section, folder, title] of [['hub', 'hubs', 'name'], ['replikasi', 'replications', 'innovation'],
    ['agenda', 'events', 'title'], ['regulasi', 'regulations', 'title']])
    for (const { id, fields: f, body } of records(folder))
      write(lang, section, id, { title: String(f[title] ?? id), summary: f.summary ?? f.notes ?? '' }, body);
}

cpSync(join(here, 'layouts'), join(outArg, 'layouts'), { recursive: true });
const taxonomies = ['provinsi', 'sektor', 'tahun', 'sdg', 'tahap', 'program', 'status'];
writeFileSync(join(outArg, 'config.yaml'), yaml.dump({
  baseURL: '/',
  relativeURLs: true,
  title: 'Simpul (bench)',
  paginate: 50,
  defaultContentLanguage: 'id',
  disableKinds: ['RSS'],
  taxonomies: Object.fromEntries(taxonomies.map((t) => [t, t])),
  languages: {
    id: { languageName: 'Indonesia', weight: 1, contentDir: 'content/id' },
    en: { languageName: 'English', weight: 2, contentDir: 'content/en' },
  },
}));
console.log(`${basename(outArg)}: ${files} Hugo content files`);
