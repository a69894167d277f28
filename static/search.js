// The search page: reads the query and filters from the URL, asks Pagefind with search keys, and lists
// the entries with their title, date, source and an excerpt where the matching words are highlighted.
// The index comes in shards, one Pagefind bundle per run of whole years (pagefind/2025/, pagefind/2011-2018/),
// merged here on demand.
import { openWords, pagefindQueries, parseQuery, searchKeys } from "./search-keys.js";

const root = document.getElementById("search");
const basePath = root.dataset.basePath;
const perPage = Number(root.dataset.perPage) || 10;
const shards = root.dataset.shards.split(" ").filter(Boolean);    // newest years first, "undated" last
const form = root.querySelector("form");
const input = form.elements.q;
const clearButton = root.querySelector("[data-search-clear]");
const filterSelects = [...root.querySelectorAll("select[data-filter]")];
const sortSelect = root.querySelector("select[name=sort]");
const status = root.querySelector("[data-search-status]");
const list = root.querySelector("[data-search-results]");
const moreButton = root.querySelector("[data-search-more]");
const SORTS = { relevance: null, newest: { date: "desc" }, oldest: { date: "asc" } };
const EXCERPT_WORDS = 32;

let pagefind = null;
const merged = new Map();                     // shard → its merging, once asked for
let shown = { results: [], next: 0, keys: new Set() };
let latestRun = 0;

// Pagefind from the first shard asked for, with the others merged into it as searches need them: the
// merged ones share its WebAssembly, and a search with a year asks for that year's shard only.
async function loadShards(needed) {
  if (!needed.length) throw new Error("no shard to search: nothing is published yet");
  if (!pagefind) {
    pagefind = import(`${basePath}pagefind/${needed[0]}/pagefind.js`).then(async (engine) => {
      // On the main thread: a search takes milliseconds, and the worker script would cost 40 KB more.
      await engine.options({ baseUrl: basePath, excerptLength: 0, noWorker: true });
      return engine;
    }).catch((error) => { pagefind = null; merged.clear(); throw error; });     // the next search tries again
    merged.set(needed[0], pagefind);
  }
  const engine = await pagefind;
  for (const shard of needed) {
    if (!merged.has(shard)) {
      merged.set(shard, engine.mergeIndex(`${basePath}pagefind/${shard}/`, { baseUrl: basePath, excerptLength: 0 }));
    }
  }
  await Promise.all(needed.map((shard) => merged.get(shard)));
  return engine;
}

// A shard is named by its year ("2025") or its first and last years ("2011-2018"); "undated" holds no year.
function holdsYear(shard, year) {
  const [first, last = first] = shard.split("-");
  return /^\d{4}$/.test(first) && first <= year && year <= last;
}

const shardsFor = (filters) => (filters.year ? shards.filter((shard) => holdsYear(shard, filters.year)) : shards);

// ---------------------------------------------------------------- state in the URL

function readState() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const select of filterSelects) filters[select.name] = params.get(select.name) ?? "";
  return { q: params.get("q") ?? "", filters, sort: SORTS[params.get("sort")] !== undefined ? params.get("sort") : "" };
}

function formState() {
  const filters = {};
  for (const select of filterSelects) filters[select.name] = select.value;
  return { q: input.value, filters, sort: sortSelect.value };
}

function stateUrl(state) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  for (const [name, value] of Object.entries(state.filters)) if (value) params.set(name, value);
  if (state.sort && state.sort !== "relevance") params.set("sort", state.sort);
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : "");
}

function showState(state) {
  input.value = state.q;
  for (const select of filterSelects) select.value = state.filters[select.name] ?? "";
  sortSelect.value = state.sort || "relevance";
  clearButton.hidden = !input.value;
}

function remember(state, mode) {
  const url = stateUrl(state);
  if (url === location.pathname + location.search) return;
  history[mode === "push" ? "pushState" : "replaceState"](null, "", url);
}

// ---------------------------------------------------------------- searching

function pagefindFilters(filters) {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
}

function sortFor(state, hasWords) {
  if (state.sort && state.sort !== "relevance") return SORTS[state.sort];
  return hasWords ? null : SORTS.newest;       // no words to rank by: newest first
}

// Every part of the query must match: loose words in one search, each quoted phrase in another.
async function findEntries(state) {
  const parsed = parseQuery(state.q);
  const queries = pagefindQueries(parsed);
  const hasFilters = Object.values(state.filters).some(Boolean);
  if (!queries.length && !hasFilters) return null;
  const keys = new Set([...parsed.words, ...parsed.phrases.flat()]);
  const needed = shardsFor(state.filters);
  if (!needed.length && shards.length) return { results: [], keys };    // a year with nothing published
  const engine = await loadShards(needed);
  const options = { filters: pagefindFilters(state.filters) };
  const sort = sortFor(state, queries.length > 0);
  if (sort) options.sort = sort;
  const searches = await Promise.all((queries.length ? queries : [null]).map((q) => engine.search(q, options)));
  const inAll = searches.slice(1).map((search) => new Set(search.results.map((result) => result.id)));
  const results = searches[0].results.filter((result) => inAll.every((ids) => ids.has(result.id)));
  return { results: sort ? inDateOrder(results, sort) : results, keys };
}

// A result's id is "<language>_<hash>", and each shard is indexed as the language "x-<shard>".
const shardOf = (result) => result.id.match(/^x-(.+)_[^_]+$/)?.[1];

// Sorted by date, Pagefind scores a result by its place within its own shard, so the merged list mixes
// the years up. No two shards share a year: put the shards in order, each keeping Pagefind's order within it.
function inDateOrder(results, sort) {
  const rank = new Map(shards.map((shard, index) => [shard, sort.date === "asc" ? -index : index]));
  return [...results].sort((a, b) => rank.get(shardOf(a)) - rank.get(shardOf(b)) || b.score - a.score);
}

async function run(state) {
  const ticket = ++latestRun;
  list.setAttribute("aria-busy", "true");
  let found = null, first = [], message = "";
  try {
    found = await findEntries(state);
    first = await loadEntries(found?.results.slice(0, perPage) ?? []);
    if (found) message = countText(found.results.length, state.q.trim());
  } catch {                                     // no index: nothing has been published yet
    message = "البحث غير متاح بعد: لا توجد أخبار منشورة يُبحث فيها.";
  }
  if (ticket !== latestRun) return;            // a newer search has started: it shows its own results
  shown = { results: found?.results ?? [], next: first.length, keys: found?.keys ?? new Set() };
  list.replaceChildren(...first.map((entry) => resultItem(entry, shown.keys)));
  moreButton.hidden = shown.next >= shown.results.length;
  status.textContent = message;
  list.setAttribute("aria-busy", "false");
  root.dataset.searchRuns = String(Number(root.dataset.searchRuns ?? 0) + 1);   // finished searches
}

async function showMore() {
  const current = shown;
  const more = await loadEntries(current.results.slice(current.next, current.next + perPage));
  if (current !== shown) return;
  current.next += more.length;
  list.append(...more.map((entry) => resultItem(entry, current.keys)));
  moreButton.hidden = current.next >= current.results.length;
}

// Each result's data, its metadata words opened for display (see search-keys.js).
function loadEntries(results) {
  return Promise.all(results.map(async (result) => {
    const data = await result.data();
    const meta = Object.fromEntries(Object.entries(data.meta).map(([key, value]) => [key, openWords(value)]));
    const filters = data.filters ?? {};
    return { url: data.url, meta, text: filters.text?.[0] ?? "", filters };     // text: see search_index.py
  }));
}

function countText(count, query) {
  const about = query ? ` عن «${query}»` : "";
  if (count === 0) return `لا نتائج${about}. جرّب كلمة أخرى أو أزل أحد المرشّحات.`;
  const forms = { zero: "لا نتائج", one: "نتيجة واحدة", two: "نتيجتان", few: `${count} نتائج`,
                  many: `${count} نتيجة`, other: `${count} نتيجة` };
  return forms[new Intl.PluralRules("ar").select(count)] + about;
}

// ---------------------------------------------------------------- one result

function resultItem(entry, keys) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = entry.url;
  link.append(...highlighted(entry.meta.title.split(/\s+/), keys));
  heading.append(link);
  const details = document.createElement("p");
  details.className = "search-result-details";
  if (entry.meta.date) {
    const time = document.createElement("time");
    time.dateTime = entry.meta.iso;
    time.textContent = entry.meta.date;
    details.append(time);
  }
  if (entry.meta.source) {
    const source = document.createElement("span");
    source.textContent = entry.meta.source;
    details.append(source);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result-excerpt";
  excerpt.append(...excerptNodes(entry.text, keys));
  item.append(heading, details, excerpt);
  if (!item.querySelector("mark")) item.append(...filedUnder(entry, keys));
  return item;
}

// An entry found by what it is filed under (an actor's other name, a theme) shows its actors and themes.
function filedUnder(entry, keys) {
  const names = [...(entry.filters.actor ?? []), ...(entry.filters.theme ?? [])];
  if (!names.length) return [];
  const line = document.createElement("p");
  line.className = "search-result-filed";
  line.append("في ملف: ");
  names.forEach((name, index) => line.append(...(index ? ["، "] : []), ...highlighted(name.split(/\s+/), keys)));
  return [line];
}

const matches = (word, keys) => searchKeys(word).some((key) => keys.has(key));

// The window of EXCERPT_WORDS words with the most matching words, shown with its matches marked.
function excerptNodes(text, keys) {
  const words = text.split(/\s+/).filter(Boolean);
  const hits = words.map((word) => (matches(word, keys) ? 1 : 0));
  let best = 0, bestCount = -1, count = 0;
  for (let end = 0; end < words.length; end++) {
    count += hits[end] - (end >= EXCERPT_WORDS ? hits[end - EXCERPT_WORDS] : 0);
    const start = Math.max(0, end - EXCERPT_WORDS + 1);
    if (count > bestCount) { bestCount = count; best = start; }
  }
  const shownWords = words.slice(best, best + EXCERPT_WORDS);
  const nodes = highlighted(shownWords, keys);
  if (best > 0) nodes.unshift("… ");
  if (best + EXCERPT_WORDS < words.length) nodes.push(" …");
  return nodes;
}

// Words joined by spaces, each matching word in a <mark> (its punctuation left outside).
function highlighted(words, keys) {
  const nodes = [];
  words.forEach((word, index) => {
    if (index) nodes.push(" ");
    if (!matches(word, keys)) { nodes.push(word); return; }
    const [, before, core, after] = word.match(/^(\p{P}*)(.*?)(\p{P}*)$/u);
    const mark = document.createElement("mark");
    mark.textContent = core;
    nodes.push(before, mark, after);
  });
  return nodes;
}

// ---------------------------------------------------------------- wiring

let typingTimer = null;

input.addEventListener("input", () => {
  clearButton.hidden = !input.value;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => { remember(formState(), "replace"); run(formState()); }, 250);
});

form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  remember(formState(), "push");
  run(formState());
});

for (const select of [...filterSelects, sortSelect]) {
  select.addEventListener("change", () => { remember(formState(), "push"); run(formState()); });
}

clearButton.addEventListener("click", () => {
  input.value = "";
  clearButton.hidden = true;
  input.focus();
  remember(formState(), "push");
  run(formState());
});

moreButton.addEventListener("click", async () => {
  const firstNew = shown.next;
  await showMore();
  list.children[firstNew]?.querySelector("a")?.focus();
});

window.addEventListener("popstate", () => { const state = readState(); showState(state); run(state); });

input.addEventListener("focus", () => {                        // warm up with the shards a search would need
  const needed = shardsFor(formState().filters);
  if (needed.length) loadShards(needed).catch(() => {});
}, { once: true });

const initial = readState();
showState(initial);
run(initial);
