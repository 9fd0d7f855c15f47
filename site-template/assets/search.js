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
const collator = new Intl.Collator(lang, { numeric: true });
const PAGE = 10;

function unavailable() {
  document.documentElement.classList.remove('js', 'has-query');
  document.getElementById('search-unavailable').hidden = false;
}

let pagefind;
try {
  pagefind = await import(new URL(text.bundle, document.baseURI).href);
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
} catch {
  pagefind = null;
  unavailable();
}

// Option labels show how many pages each value would leave.
function setCounts(counts) {
  for (const select of selects) {
    const values = counts[select.dataset.filter] ?? {};
    for (const option of select.options) {
      if (!option.value) continue;
      const n = values[option.value] ?? 0;
      option.textContent = `${option.value} (${number.format(n)})`;
    }
  }
}

let totals = {};
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
    excerpt.innerHTML = page.excerpt;  // Pagefind's escaped page text with <mark> around matches
    item.append(excerpt);
    list.append(item);
  }
  shown += slice.length;
  more.hidden = shown >= results.length;
}

function readState() {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
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
    setCounts(totals);
    return;
  }
  status.textContent = text.loading;
  const search = await pagefind.search(query || null, { filters });
  if (token !== current) return;
  results = search.results;
  shown = 0;
  setCounts(search.filters ?? totals);
  await showMore();
  if (token !== current) return;
  const count = number.format(results.length);
  status.textContent = results.length === 0
    ? text.noResults
    : `${count} ${text.results}${query ? ` ${text.resultsFor} “${query}”` : ''}`;
}

if (pagefind) {
  totals = await pagefind.filters();
  for (const select of selects) {
    const values = Object.keys(totals[select.dataset.filter] ?? {}).sort(collator.compare);
    for (const value of values) select.add(new Option(value, value));
  }
  readState();
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
}
