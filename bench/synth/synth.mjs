#!/usr/bin/env node
// Synthetic content for benchmarks (never mixed into content/): N innovations
// with 600–900-word Indonesian-like bodies, and agencies, hubs, replications and
// events in proportion, over the 38 real provinces and the real vocabularies of
// content/data/. Deterministic: the same N and seed give the same bytes.
// Usage: node bench/synth/synth.mjs N OUT_FOLDER [--seed S]   (writes OUT_FOLDER/content)
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 20240601;
const [nArg, outArg] = args;
const N = Number(nArg);
if (!Number.isInteger(N) || N < 1 || !outArg) {
  console.error('usage: node bench/synth/synth.mjs N OUT_FOLDER [--seed S]');
  process.exit(2);
}
const out = join(outArg, 'content');
if (existsSync(join(repo, 'content')) && out.startsWith(join(repo, 'content'))) {
  console.error('synth: refusing to write into the real content/ folder');
  process.exit(2);
}

// mulberry32: a small seeded generator, the same on every machine and Node version.
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const some = (list, k) => {
  const copy = [...list];
  const chosen = [];
  while (chosen.length < k && copy.length) chosen.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
  return chosen;
};
const q = (s) => JSON.stringify(s);  // a YAML-safe double-quoted string

// The vocabularies of the real content (reference data, not records).
const provincesYaml = readFileSync(join(repo, 'content/data/provinces.yaml'), 'utf8');
const field = (entry, key) => entry.match(new RegExp(`^\\s*(?:- )?${key}: "?([^"\\n]+)"?`, 'm'))?.[1];
const provinces = provincesYaml.split(/^(?=- )/m).filter((e) => e.startsWith('- '))
  .map((e) => ({ code: field(e, 'code'), name: field(e, 'name'), slug: field(e, 'slug') }));
if (provinces.length !== 38) throw new Error(`expected 38 provinces in content/data/provinces.yaml, read ${provinces.length}`);
const ids = (file) => [...readFileSync(join(repo, 'content/data', file), 'utf8').matchAll(/^- id: ([a-z0-9-]+)/gm)].map((m) => m[1]);
const sectors = ids('sectors.yaml');
const programs = ids('programs.yaml');

const words = (`layanan publik masyarakat pemerintah daerah inovasi pelayanan warga aplikasi data informasi
  desa kelurahan kecamatan kabupaten kota provinsi petugas pegawai aparatur sipil negara kantor
  pengaduan antrean perizinan kesehatan puskesmas rumah sakit sekolah guru murid pendidikan pangan
  petani nelayan pasar usaha kecil menengah koperasi pajak retribusi anggaran belanja keuangan
  transparansi akuntabilitas partisipasi kolaborasi mitra swasta kampus universitas relawan
  lingkungan sampah air bersih sanitasi hutan sungai pesisir bencana banjir kebakaran jalan
  transportasi angkutan digital daring sistem basis terpadu satu pintu loket jemput bola keliling
  kunjungan rumah pendampingan pelatihan sosialisasi koordinasi evaluasi pemantauan laporan
  kepuasan indeks survei target capaian waktu biaya prosedur persyaratan dokumen berkas surat
  keterangan kependudukan akta kelahiran kartu identitas bantuan sosial keluarga miskin lansia
  disabilitas perempuan anak remaja pemuda kader posyandu gizi stunting imunisasi ibu hamil
  bayi balita obat klinik dokter bidan perawat ambulans darurat telepon pesan singkat situs
  portal dasbor peta lokasi wilayah terpencil perbatasan pulau dusun adat budaya pariwisata
  kerajinan produk pemasaran harga modal pinjaman tabungan bank sampah daur ulang kompos energi
  listrik surya irigasi benih pupuk ternak ikan tambak garam koperasi bumdes dana alokasi
  rencana strategi kebijakan peraturan keputusan gubernur bupati wali kota sekretaris dinas
  badan bagian bidang seksi unit tim kelompok kerja forum rapat musyawarah kesepakatan
  percepatan peningkatan penguatan pengembangan pemanfaatan penerapan penyederhanaan perbaikan
  pemerataan penjangkauan perlindungan pencegahan penanganan pemulihan pemberdayaan`).split(/\s+/).filter(Boolean);
const verbs = ['meningkatkan', 'mempercepat', 'mempermudah', 'menjangkau', 'mengurangi', 'menyederhanakan',
  'mendekatkan', 'memperkuat', 'memantau', 'mencatat', 'melayani', 'mendampingi', 'menghubungkan', 'menyediakan'];
// Function words, most frequent first (as in Indonesian prose, about a third of all words).
const functionWords = ['yang', 'dan', 'di', 'untuk', 'dengan', 'dari', 'ke', 'pada', 'dalam', 'ini', 'oleh',
  'akan', 'juga', 'serta', 'agar', 'bagi', 'atau', 'karena', 'sebagai', 'tidak', 'itu', 'sudah', 'dapat', 'lebih'];
const joiners = functionWords.slice(0, 12);

// A lexicon of 20,000 Indonesian-like words (syllables, prefixes, suffixes), drawn with
// Zipf's law, so that word frequencies, and the search index, look like real text's.
const syllables = ['ba', 'bi', 'bu', 'da', 'di', 'du', 'ga', 'gi', 'gu', 'ja', 'ji', 'ka', 'ki', 'ku', 'ke', 'la',
  'li', 'lu', 'ma', 'mi', 'mu', 'na', 'ni', 'nu', 'nga', 'ngi', 'nya', 'pa', 'pi', 'pu', 'ra', 'ri', 'ru', 're',
  'sa', 'si', 'su', 'se', 'ta', 'ti', 'tu', 'te', 'wa', 'wi', 'ya', 'an', 'ar', 'as', 'at', 'ang', 'ung', 'ing'];
const prefixes = ['', '', '', 'me', 'mem', 'pe', 'pem', 'ber', 'di', 'ke', 'ter', 'se'];
const suffixes = ['', '', '', 'an', 'kan', 'i', 'nya'];
const lexicon = [];
const used = new Set([...words, ...verbs, ...functionWords]);
while (lexicon.length < 20000) {
  let w = pick(prefixes);
  for (let k = int(2, 3); k > 0; k--) w += pick(syllables);
  w += pick(suffixes);
  if (!used.has(w)) { used.add(w); lexicon.push(w); }
}
const zipf = [];
for (let r = 1, sum = 0; r <= lexicon.length; r++) zipf.push(sum += 1 / r ** 1.05);
function lexiconWord() {
  const x = random() * zipf.at(-1);
  let lo = 0, hi = zipf.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (zipf[mid] < x) lo = mid + 1; else hi = mid; }
  return lexicon[lo];
}
function functionWord() {
  return functionWords[Math.min(functionWords.length - 1, Math.floor(-Math.log(1 - random()) * 4))];
}

function sentence(minWords, maxWords) {
  const n = int(minWords, maxWords);
  const parts = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    parts.push(i > 0 && r < 0.33 ? functionWord() : r < 0.45 ? pick(verbs) : r < 0.7 ? pick(words) : lexiconWord());
  }
  const s = parts.join(' ');
  return s[0].toUpperCase() + s.slice(1) + '.';
}
function paragraph(wordsWanted) {
  const out = [];
  let count = 0;
  while (count < wordsWanted) {
    const s = sentence(8, 18);
    out.push(s);
    count += s.split(' ').length;
  }
  return { text: out.join(' '), count };
}
function titleCase(s) {
  return s.split(' ').map((w) => (joiners.includes(w) ? w : w[0].toUpperCase() + w.slice(1))).join(' ');
}
// A 600–900-word body in the sections the content contract suggests.
function body() {
  const target = int(600, 900);
  const sections = ['Latar belakang', 'Inovasi', 'Dampak', 'Cara mereplikasi'];
  const share = [0.25, 0.4, 0.2, 0.15];
  let md = '';
  let total = 0;
  sections.forEach((heading, i) => {
    md += `## ${heading}\n\n`;
    let left = Math.round(target * share[i]);
    while (left > 0) {
      const p = paragraph(Math.min(left, int(60, 110)));
      md += `${p.text}\n\n`;
      left -= p.count;
      total += p.count;
    }
  });
  return { md, words: total };
}

const files = [];
const write = (rel, text) => files.push([rel, text]);
const source = (path) => `sources:\n  - title: "Data sintetis untuk uji kinerja"\n    url: "https://example.org/sintetis/${path}"\n`;

write('site.yaml', `# Synthetic benchmark content (bench/synth/synth.mjs ${N} --seed ${seed}): not real data.
title: "Katalog Sintetis"
title_en: "Synthetic Catalogue"
description: "Data sintetis untuk uji kinerja Simpul; bukan data nyata."
description_en: "Synthetic data for Simpul's benchmarks; not real data."
languages: [id, en]
per_page: 50
licence: {name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/"}
`);
for (const f of ['provinces.yaml', 'sectors.yaml', 'sdgs.yaml', 'programs.yaml'])
  write(`data/${f}`, readFileSync(join(repo, 'content/data', f), 'utf8'));

// Agencies: the programme owners and other ministries, a provincial government per
// province, and regencies/cities in proportion to N (at least one per province).
const central = ['kemenpanrb', 'kemendagri', 'lan', ...Array.from({ length: Math.max(3, Math.ceil(N / 1000)) }, (_, i) => `kementerian-sintetis-${i + 1}`)];
for (const id of central)
  write(`agencies/${id}.yaml`, `name: ${q(`Kementerian ${titleCase(pick(words))} ${titleCase(pick(words))} (${id})`)}\ntype: kementerian\nlevel: pusat\n${source(`instansi/${id}`)}`);
const regional = [];
const perProvince = Math.max(1, Math.ceil(N / 50 / 38));
for (const p of provinces) {
  const gov = `pemprov-${p.slug}`;
  write(`agencies/${gov}.yaml`, `name: ${q(`Pemerintah Provinsi ${p.name}`)}\ntype: pemprov\nlevel: provinsi\nprovince: "${p.code}"\n${source(`instansi/${gov}`)}`);
  regional.push({ id: gov, province: p });
  for (let k = 1; k <= perProvince; k++) {
    const city = k % 3 === 0;
    const id = `${city ? 'pemkot' : 'pemkab'}-${p.slug}-${k}`;
    write(`agencies/${id}.yaml`, `name: ${q(`Pemerintah ${city ? 'Kota' : 'Kabupaten'} ${titleCase(pick(words))} ${k} (${p.name})`)}\ntype: ${city ? 'pemkot' : 'pemkab'}\nlevel: ${city ? 'kota' : 'kabupaten'}\nprovince: "${p.code}"\n${source(`instansi/${id}`)}`);
    regional.push({ id, province: p });
  }
}

// Hubs: one per province, and ministries' hubs in proportion.
const hubs = [];
for (const p of provinces) {
  const year = int(2016, 2024);
  hubs.push(`hub-${p.slug}`);
  write(`hubs/hub-${p.slug}.md`, `---\nname: ${q(`Hub JIPP ${p.name}`)}\nkind: daerah\nprovince: "${p.code}"\nagency: pemprov-${p.slug}\nestablished: ${year}\ndecree: {number: "${int(1, 400)}/${year}", year: ${year}}\npartners: [${central[int(0, central.length - 1)]}]\n${source(`hub/${p.slug}`)}---\n\n${paragraph(int(80, 160)).text}\n`);
}
for (let i = 0; i < Math.ceil(N / 500); i++) {
  const agency = central[i % central.length];
  hubs.push(`hub-kl-${i + 1}`);
  write(`hubs/hub-kl-${i + 1}.md`, `---\nname: ${q(`Hub JIPP Kementerian ${i + 1}`)}\nkind: kl\nagency: ${agency}\nestablished: ${int(2020, 2024)}\n${source(`hub/kl-${i + 1}`)}---\n\n${paragraph(int(60, 120)).text}\n`);
}

// Innovations.
const stages = ['penciptaan', 'pengembangan', 'pelembagaan'];
const innovations = [];
let totalWords = 0;
const pad = String(N).length;
for (let i = 1; i <= N; i++) {
  const id = `inovasi-${String(i).padStart(pad, '0')}`;
  const centralOwner = random() < 0.08;
  const owner = centralOwner ? { id: pick(central), province: null } : pick(regional);
  const year = int(2012, 2024);
  const title = titleCase(`${pick(words)} ${pick(words)} ${pick(joiners)} ${pick(words)} ${pick(words)}`);
  const b = body();
  totalWords += b.words;
  const awards = random() < 0.2 ? `awards:\n  - {program: ${pick(programs)}, year: ${Math.min(2024, year + int(0, 3))}, title: "Top ${pick([45, 99])}"}\n` : '';
  const contact = random() < 0.5 ? `contact: {name: ${q(`Petugas ${titleCase(pick(words))}`)}, email: "inovasi${i}@example.org"}\n` : '';
  innovations.push({ id, year, owner });
  write(`innovations/${id}.md`, `---
title: ${q(title)}
summary: ${q(sentence(14, 26))}
agency: ${owner.id}
${owner.province ? `province: "${owner.province.code}"\n` : ''}year: ${year}
sectors: [${some(sectors, int(1, 2)).join(', ')}]
sdgs: [${some(Array.from({ length: 17 }, (_, k) => k + 1), int(0, 3)).sort((a, b) => a - b).join(', ')}]
stage: ${pick(stages)}
status: ${random() < 0.85 ? 'berlanjut' : 'vakum'}
digital: ${random() < 0.6}
${awards}${contact}${source(`inovasi/${id}`)}updated: "${year + int(0, 1) > 2024 ? 2024 : year + int(0, 1)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}"
---

${b.md}`);
}

// Events: a forum every 50 innovations, each presenting 2–5 of them.
const events = [];
for (let i = 1; i <= Math.ceil(N / 50); i++) {
  const id = `forum-${String(i).padStart(pad, '0')}`;
  const hub = pick(hubs);
  const date = `${int(2018, 2024)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  events.push(id);
  write(`events/${id}.md`, `---\ntitle: ${q(`Forum Replikasi Inovasi Sintetis ${i}`)}\ntype: ${pick(['fripp', 'fripp', 'fgd', 'kunjungan'])}\ndate: "${date}"\nhub: ${hub}\nonline: ${random() < 0.4}\ninnovations: [${some(innovations, int(2, 5)).map((x) => x.id).join(', ')}]\n${source(`agenda/${id}`)}---\n\n${paragraph(int(60, 140)).text}\n`);
}

// Replications: one for every ten innovations, by an agency of another province.
for (let i = 1; i <= Math.ceil(N / 10); i++) {
  const inn = pick(innovations);
  let adopter = pick(regional);
  if (inn.owner.province && adopter.province.code === inn.owner.province.code) adopter = pick(regional);
  const id = `replikasi-${String(i).padStart(pad, '0')}`;
  const event = random() < 0.3 ? `event: ${pick(events)}\n` : '';
  write(`replications/${id}.yaml`, `innovation: ${inn.id}\nadopter: ${adopter.id}\nyear: ${Math.min(2025, inn.year + int(0, 4))}\nstatus: ${pick(['direncanakan', 'berjalan', 'selesai'])}\n${event}${source(`replikasi/${id}`)}`);
}

for (let i = 1; i <= 5; i++)
  write(`regulations/regulasi-sintetis-${i}.md`, `---\ntitle: ${q(`Peraturan Sintetis Nomor ${i}`)}\nnumber: "${i}/2020"\nyear: ${2015 + i}\n${source(`regulasi/${i}`)}---\n\n${paragraph(int(60, 120)).text}\n`);

rmSync(out, { recursive: true, force: true });
for (const [rel, text] of files) {
  mkdirSync(dirname(join(out, rel)), { recursive: true });
  writeFileSync(join(out, rel), text);
}
console.log(`synth: ${N} innovations (${Math.round(totalWords / N)} words a body on average), ` +
  `${central.length + regional.length} agencies, ${hubs.length} hubs, ${events.length} events, ` +
  `${Math.ceil(N / 10)} replications, seed ${seed} -> ${out}`);
