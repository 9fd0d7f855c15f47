// The search page's script: Pagefind search (pagefind/pagefind.js, built by
// `simpul build`) with filters and counts, results ten at a time, and the
// query kept in the URL. Loaded only by the search page; without it (no
// JavaScript, no index, or a site opened from disk) the page stays a browse page.
const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');
const selects = [...form.querySelectorAll('select[data-filter]')];
const text = form.dataset;
const lang = document.documentElement.lang || 'id';
const number = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : lang);
const PAGE = 10;
// Words too common to narrow a search; left out of queries that have other words
// (a very common word's index chunk is large, and it would not change the results much).
const STOPWORDS = new Set(lang === 'id'
  ? 'yang dan di ke dari untuk dengan pada dalam ini itu oleh akan juga serta agar bagi atau karena sebagai tidak sudah dapat lebih adalah ada para'.split(' ')
  : 'the a an and or of to in on for with by at from is are was were be as that this it its'.split(' '));
// Words found in most innovations (cari/kata-umum.json, counted by the build; none
// for a small catalogue): left out too when rarer words remain, as they narrow a
// search little and their index data is most of what a query would download.
let common = new Set();
async function loadCommon() {
  if (!text.common) return;
  try {
    const res = await fetch(new URL(text.common, document.baseURI));
    if (res.ok) common = new Set((await res.json()).words ?? []);
  } catch {
    // without the list every word is searched
  }
}

// The words searched for, and the common words left out of them. A query with
// quotes (an exact phrase) is searched as typed; tokens without a letter or digit
// ("-", "&") are no words; a word is matched without the punctuation around it.
function searchTerm(query) {
  if (query.includes('"')) return { term: query, ignored: [] };
  const words = query.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const bare = (w) => w.toLocaleLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const stop = (w) => STOPWORDS.has(bare(w));
  const rare = words.filter((w) => !stop(w) && !common.has(bare(w)));
  if (rare.length) return { term: rare.join(' '), ignored: words.filter((w) => !stop(w) && !rare.includes(w)) };
  const content = words.filter((w) => !stop(w));
  return { term: content.length ? content.join(' ') : query, ignored: [] };
}

function unavailable() {
  document.documentElement.classList.remove('js', 'has-query');
  document.getElementById('search-unavailable').hidden = false;
}

let pagefind;
const commonLoaded = loadCommon();
try {
  pagefind = await import(new URL(text.bundle, document.baseURI).href);
  // No web worker: one script less to load, and searching this index is quick.
  await pagefind.options({ excerptLength: 24, noWorker: true });
  await pagefind.init();
  await pagefind.preload('');  // loads the language's index metadata and wasm now
} catch {
  pagefind = null;
  unavailable();
}

// Option labels show how many pages each value would leave, once the filter
// data is loaded (on first use of the filters: a text search does not need it).
function setCounts(counts) {
  if (!totals) return;
  for (const select of selects) {
    const values = counts[select.dataset.filter] ?? totals[select.dataset.filter] ?? {};
    for (const option of select.options) {
      if (!option.value) continue;
      const n = values[option.value] ?? 0;
      option.textContent = `${option.value} (${number.format(n)})`;
    }
  }
}

let totals = null;
let lastCounts = {};
async function loadCounts() {
  if (totals) return;
  totals = await pagefind.filters();
  setCounts(lastCounts);
}

// Pagefind's excerpt is HTML: the page's text with <mark> around matches. Only
// the text and the marks are kept (parsed inertly), whatever the page held.
function excerptNodes(html) {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return [...body.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent);
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

let current = 0;   // the latest search; older answers are dropped
let results = [];
let shown = 0;

async function showMore() {
  const token = current;
  const slice = results.slice(shown, shown + PAGE);
  const pages = await Promise.all(slice.map((r) => r.data()));
  if (token !== current) return;
  for (const page of pages) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = page.url;
    link.textContent = page.meta?.title ?? page.url;
    const heading = document.createElement('h2');
    heading.append(link);
    item.append(heading);
    const kind = page.filters?.type?.[0];
    if (kind) {
      const meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = kind;
      item.append(meta);
    }
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(page.excerpt));
    item.append(excerpt);
    list.append(item);
  }
  shown += slice.length;
  more.hidden = shown >= results.length;
}

// The query and filters from the URL; words typed before the script was ready are kept.
function readState(initial = false) {
  const params = new URLSearchParams(location.search);
  if (!(initial && input.value)) input.value = params.get('q') ?? '';
  for (const select of selects) {
    const value = params.get(select.name) ?? '';
    select.value = [...select.options].some((o) => o.value === value) ? value : '';
  }
}

function writeState(query, filters) {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [name, value] of Object.entries(filters)) params.set(name, value);
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

async function run() {
  try {
    await search();
  } catch {
    unavailable();  // the index could not be read
  }
}

async function search() {
  const token = ++current;
  const query = input.value.trim();
  const filters = {};
  for (const select of selects) if (select.value) filters[select.dataset.filter] = select.value;
  const active = query !== '' || Object.keys(filters).length > 0;
  writeState(query, filters);
  document.documentElement.classList.toggle('has-query', active);
  list.replaceChildren();
  more.hidden = true;
  if (!active) {
    status.textContent = '';
    lastCounts = {};
    setCounts(lastCounts);
    return;
  }
  status.textContent = text.loading;
  await commonLoaded;
  const { term, ignored } = query ? searchTerm(query) : { term: null, ignored: [] };
  const found = await pagefind.search(term, { filters });
  if (token !== current) return;
  results = found.results;
  shown = 0;
  lastCounts = found.filters ?? {};
  setCounts(lastCounts);
  await showMore();
  if (token !== current) return;
  const count = number.format(results.length);
  status.textContent = results.length === 0
    ? text.noResults
    : `${count} ${text.results}${query ? ` ${text.resultsFor} “${query}”` : ''}`;
  if (ignored.length) status.textContent += ` ${text.ignored} ${ignored.join(', ')}.`;
}

if (pagefind) {
  // The options come with the page (every value the generator wrote); counts come later.
  form.querySelector('#search-filters').addEventListener('focusin', loadCounts, { once: true });
  form.querySelector('#search-filters').addEventListener('pointerdown', loadCounts, { once: true });
  readState(true);
  let timer;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 250); });
  for (const select of selects) select.addEventListener('change', run);
  form.addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(timer); run(); });
  document.getElementById('search-clear').addEventListener('click', () => {
    for (const select of selects) select.value = '';
    run();
  });
  more.addEventListener('click', showMore);
  window.addEventListener('popstate', () => { readState(); run(); });
  await run();
  form.dataset.ready = 'true';  // for tests and benchmarks
}
