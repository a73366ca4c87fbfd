// The single-page app: a router over the paths /signin, /upload, /jobs and /jobs/{id} (the host
// answers index.html for them: navigationFallback), the header, and the language switcher.
import * as i18n from './i18n.js';
import * as auth from './auth.js';
import { onUnauthorized } from './api.js';
import { clear, h } from './dom.js';
import signinView from './views/signin.js';
import uploadView from './views/upload.js';
import jobsView from './views/jobs.js';
import jobView from './views/job.js';

const ROUTES = [
  { pattern: /^\/signin\/?$/, view: signinView, open: true },
  { pattern: /^\/upload\/?$/, view: uploadView },
  { pattern: /^\/jobs\/?$/, view: jobsView },
  { pattern: /^\/jobs\/([^/]+)\/?$/, view: jobView },
];

/** Paths the app leaves to the browser (files, the API, sign-in endpoints). */
const SERVER_PATHS = /^\/(api|files|\.auth|_host)(\/|$)/;

let cleanup = null;
let firstRender = true;
let generation = 0;

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

function notFoundView({ main }) {
  main.append(
    h('h1', { tabindex: '-1', text: i18n.t('errors.not_found') }),
    h('p', {}, h('a', { href: '/upload', text: i18n.t('nav.upload') })),
  );
}

async function render() {
  generation += 1;
  const mine = generation;
  if (cleanup) {
    try {
      cleanup();
    } catch {
      // a view's cleanup never blocks the next view
    }
    cleanup = null;
  }
  const path = window.location.pathname;
  if (path === '/' || path === '/index.html') {
    navigate(auth.isSignedIn() ? '/upload' : '/signin', { replace: true });
    return;
  }
  let route = null;
  let params = [];
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (m) {
      route = r;
      params = m.slice(1).map(decodeURIComponent);
      break;
    }
  }
  if (route && !route.open && !auth.isSignedIn()) {
    navigate(`/signin?next=${encodeURIComponent(path + window.location.search)}`, { replace: true });
    return;
  }
  updateHeader();
  const main = document.getElementById('main');
  clear(main);
  main.setAttribute('aria-busy', 'true');
  const ctx = { main, params, query: new URLSearchParams(window.location.search), navigate };
  const result = await (route ? route.view(ctx) : notFoundView(ctx));
  if (mine !== generation) {
    // the view navigated elsewhere meanwhile: that render owns the page now
    if (typeof result === 'function') result();
    return;
  }
  if (typeof result === 'function') cleanup = result;
  main.removeAttribute('aria-busy');
  const heading = main.querySelector('h1');
  document.title = heading ? `${heading.textContent} – ${i18n.t('app.name')}` : i18n.t('app.name');
  // after a navigation, move the focus to the new page's heading (screen readers announce it)
  if (!firstRender && heading) heading.focus();
  firstRender = false;
}

function updateHeader() {
  const signedIn = auth.isSignedIn();
  document.getElementById('nav').hidden = !signedIn;
  const user = document.getElementById('user');
  user.hidden = !signedIn;
  user.textContent = signedIn ? i18n.t('nav.signedInAs', { user: auth.currentUser() }) : '';
  document.getElementById('signout').hidden = !signedIn;
  for (const a of document.querySelectorAll('#nav a')) {
    const current = window.location.pathname.startsWith(a.getAttribute('href'));
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function interceptLinks() {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey) return;
    const a = event.target.closest('a[href]');
    if (!a || a.hasAttribute('download') || (a.target && a.target !== '_self')) return;
    const url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || SERVER_PATHS.test(url.pathname)) return;
    if (url.pathname === window.location.pathname && url.hash) return; // in-page links (skip link)
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => render());
}

async function start() {
  await i18n.init();
  const select = document.getElementById('lang');
  select.value = i18n.language();
  select.addEventListener('change', async () => {
    await i18n.setLanguage(select.value);
    await render();
  });
  await auth.detect();
  onUnauthorized(() => {
    if (auth.authMode() === 'local') auth.signOutLocally();
    navigate(`/signin?expired=1&next=${encodeURIComponent(window.location.pathname)}`, { replace: true });
  });
  document.getElementById('signout').addEventListener('click', () => auth.signOut(navigate));
  interceptLinks();
  await render();
}

start().catch((e) => {
  const main = document.getElementById('main');
  clear(main);
  main.append(h('h1', { text: 'CV Generator' }), h('p', { role: 'alert', text: `The app could not start: ${e.message}` }));
});
