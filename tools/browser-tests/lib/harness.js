// Shared parts of the browser tests: Debian's Chromium through playwright-core (never a browser
// download; Playwright starts it with a new, empty temporary profile), console and page errors
// collected per page, screenshots, axe-core, and the app's sign-in.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env.CVGEN_CHROMIUM || '/usr/bin/chromium';

function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: the browser tests run through BrowserIT (./cvgen test)`);
  return v;
}

export const BASE_URL = required('CVGEN_BASE_URL').replace(/\/?$/, '/');
export const SCREENSHOTS = required('CVGEN_SCREENSHOTS');
export const CV_PDFS = required('CVGEN_CV_PDFS').split(':').filter(Boolean);
export const JOB_PROFILE = required('CVGEN_JOB_PROFILE');
mkdirSync(SCREENSHOTS, { recursive: true });

export function url(path = '/') {
  return new URL(path.replace(/^\//, ''), BASE_URL).toString();
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * A page that records console errors and uncaught page errors. expectFailedLoads lists regular
 * expressions of URLs whose HTTP error the test provokes on purpose (the browser logs each failed
 * load as a console error); every other console error fails the test in assertClean().
 */
export async function openPage(browser, { viewport = { width: 1280, height: 900 }, locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport, locale, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  const expected = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location() && msg.location().url ? msg.location().url : '';
    if (/Failed to load resource/.test(msg.text()) && expected.some((re) => re.test(where))) return;
    problems.push(`console error: ${msg.text()} (${where})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return {
    context,
    page,
    expectFailedLoad(re) {
      expected.push(re);
    },
    assertClean() {
      assert.deepEqual(problems, [], `the page logged errors:\n${problems.join('\n')}`);
    },
    async close() {
      await context.close();
    },
  };
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Runs axe-core in the page and in each of its frames; fails on serious or critical violations. */
export async function assertAccessible(page, name) {
  const found = [];
  for (const frame of page.frames()) {
    if (frame.url() === 'about:blank') continue;
    await frame.evaluate(AXE_SOURCE);
    const result = await frame.evaluate(() => window.axe.run(document, {
      iframes: false,
      resultTypes: ['violations'],
    }));
    for (const v of result.violations) {
      if (v.impact !== 'serious' && v.impact !== 'critical') continue;
      found.push(`${frame === page.mainFrame() ? 'page' : frame.url().split('?')[0]}: [${v.impact}] ${v.id}: ${v.help}`
        + ` (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`);
    }
  }
  assert.deepEqual(found, [], `axe found serious or critical violations on ${name}:\n${found.join('\n')}`);
}

/** Signs in through the app's sign-in page (the embedded host's development sign-in). */
export async function signIn(page, user) {
  await page.goto(url('/'));
  await page.waitForURL(/\/signin/);
  await page.getByLabel(/User name|Benutzername|Nom d’utilisateur/).fill(user);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(/\/upload$/);
  await page.locator('#upload-form').waitFor();
}

/** A token for user from the development sign-in, for API calls made by the test itself. */
export async function token(user) {
  const res = await fetch(url('/_host/signin'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text).token;
}

export async function apiUpload(bearer, pdfPath) {
  const form = new FormData();
  form.append('cv', new Blob([readFileSync(pdfPath)], { type: 'application/pdf' }), pdfPath.split('/').pop());
  const res = await fetch(url('/api/v1/cv/upload'), { method: 'POST', headers: { Authorization: `Bearer ${bearer}` },
    body: form });
  const text = await res.text();
  assert.equal(res.status, 202, text);
  return JSON.parse(text).jobId;
}

export async function apiStatus(bearer, jobId) {
  const res = await fetch(url(`/api/v1/cv/status/${jobId}`), { headers: { Authorization: `Bearer ${bearer}` } });
  return { status: res.status, body: await res.json() };
}

/** No element wider than the window: the page never scrolls sideways. */
export async function assertNoHorizontalOverflow(page, name) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert.ok(scroll <= width, `${name} scrolls sideways: content ${scroll} px wide in a ${width} px window`);
}
