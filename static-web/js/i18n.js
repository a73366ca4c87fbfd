// UI texts in de, en, fr: i18n/{lang}.json, chosen by the saved choice, else the browser's languages.
export const LANGUAGES = ['de', 'en', 'fr'];
const STORAGE_KEY = 'cvgen.lang';

let current = 'en';
let texts = {};
let fallback = {};
const listeners = new Set();

async function load(lang) {
  const res = await fetch(`/i18n/${lang}.json`, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`cannot load the texts for ${lang} (HTTP ${res.status})`);
  return res.json();
}

function savedLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function browserLanguage(languages = navigator.languages || [navigator.language]) {
  for (const l of languages) {
    const base = String(l || '').toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export function language() {
  return current;
}

/** Loads the saved or the browser's language (English texts back up missing keys). */
export async function init() {
  fallback = await load('en');
  const saved = savedLanguage();
  await setLanguage(LANGUAGES.includes(saved) ? saved : browserLanguage(), { persist: false });
}

export async function setLanguage(lang, { persist = true } = {}) {
  if (!LANGUAGES.includes(lang)) lang = 'en';
  texts = lang === 'en' ? fallback : await load(lang);
  current = lang;
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }
  document.documentElement.lang = lang;
  translate(document);
  for (const l of listeners) l(lang);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function has(key) {
  return Object.hasOwn(texts, key) || Object.hasOwn(fallback, key);
}

/** The text for key with {name} placeholders filled in; the key itself when it is unknown. */
export function t(key, vars = {}) {
  const s = texts[key] ?? fallback[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, name) => (Object.hasOwn(vars, name) ? String(vars[name]) : m));
}

/** Fills elements marked data-i18n (text) and data-i18n-aria-label (label) under root. */
export function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
}

export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
}

export function formatSize(bytes) {
  const units = ['B', 'KB', 'MB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(current, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
}

export function formatSeconds(ms) {
  return new Intl.NumberFormat(current, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ms / 1000);
}
