// Search keys in the browser: the same steps as mawjaz/arabic.py and mawjaz/search/terms.py, driven by
// the tables the build generates from them (arabic-normalise.js), so a query is folded as the index was.
import tables from "./arabic-normalise.js";

const REMOVED = new Set(tables.removed);
const SPACES = new Set(tables.spaces);
const hex = (code) => "\\u{" + code.toString(16) + "}";
const WHITESPACE = "[" + [...tables.whitespace].map((c) => hex(c.codePointAt(0))).join("") + "]";
const WHITESPACE_RUNS = new RegExp(WHITESPACE + "+", "gu");
const EDGE_WHITESPACE = new RegExp("^" + WHITESPACE + "+|" + WHITESPACE + "+$", "gu");
const WORD = new RegExp("[" + tables.wordRanges.map(([first, last]) =>
  first === last ? hex(first) : hex(first) + "-" + hex(last)).join("") + "]+", "gu");
const length = (text) => [...text].length;

function foldCharacters(text) {
  let folded = "";
  for (const char of text) {
    if (REMOVED.has(char)) continue;
    folded += SPACES.has(char) ? " " : (tables.letterFolds[char] ?? char);
  }
  return folded;
}

function casefold(text) {
  let folded = "";
  for (const char of text.toLowerCase()) folded += tables.casefold[char] ?? char;
  return folded;
}

export function normaliseForMatching(text) {
  for (;;) {
    let folded = casefold(foldCharacters(text.normalize("NFKC")));
    folded = folded.replace(WHITESPACE_RUNS, " ").replace(EDGE_WHITESPACE, "");
    if (folded === text) return folded;
    text = folded;
  }
}

export function tokenise(text) {
  return normaliseForMatching(text).match(WORD) ?? [];
}

function stripOne(token, prefixes) {
  const forms = [token];
  if (prefixes.includes(token.slice(0, 1)) && length(token) - 1 >= tables.minStemLetters) {
    forms.push(token.slice(1));
  }
  return forms;
}

function addArticleForms(word, candidates) {
  const forms = [word];
  if (word.startsWith(tables.article) && length(word) - 2 >= tables.minStemLetters) forms.push(word.slice(2));
  for (const form of forms) if (!candidates.includes(form)) candidates.push(form);
}

export function stripClitics(token) {
  const candidates = [token];
  for (const afterConjunction of stripOne(token, tables.conjunctions)) {
    for (const afterPreposition of stripOne(afterConjunction, tables.prepositions)) {
      addArticleForms(afterPreposition, candidates);
    }
    if (afterConjunction.startsWith(tables.lamArticle) && length(afterConjunction) - 2 >= tables.minStemLetters) {
      addArticleForms(tables.article + afterConjunction.slice(2), candidates);
    }
  }
  return candidates;
}

function shortestStem(candidates) {
  let best = candidates[0];
  for (const candidate of candidates.slice(1)) {
    if (length(candidate) >= tables.searchStemLetters && length(candidate) <= length(best)) best = candidate;
  }
  return best;
}

export function searchKey(token) {
  for (;;) {
    const candidates = stripClitics(token);
    for (const candidate of candidates) {
      if (Object.hasOwn(tables.spellingFolds, candidate)) return tables.spellingFolds[candidate];
    }
    const stem = shortestStem(candidates);
    if (stem === token) return stem;
    token = stem;
  }
}

export function searchKeys(text) {
  return tokenise(text).map(searchKey);
}

// A query: quoted phrases ("…", «…», “…”) and loose words, each as the keys Pagefind should look up.
const PHRASE = /["«“”»]([^"«“”»]*)["«“”»]?/gu;

export function parseQuery(query) {
  const phrases = [];
  const loose = query.replace(PHRASE, (_, phrase) => {
    const keys = searchKeys(phrase);
    if (keys.length) phrases.push(keys);
    return " ";
  });
  return { words: searchKeys(loose), phrases };
}

// The Pagefind query strings for a parsed query: loose words in one search, each phrase in its own.
export function pagefindQueries({ words, phrases }) {
  const closed = (keys) => keys.map((key) => key + tables.wordEnd).join(" ");
  const queries = phrases.map((keys) => `"${closed(keys)}"`);
  if (words.length) queries.unshift(closed(words));
  return queries;
}

// Metadata comes with every word closed (see closed_words in mawjaz/search/terms.py): open it for display.
export function openWords(text) {
  return text.replaceAll(tables.metaWordEnd, "");
}
