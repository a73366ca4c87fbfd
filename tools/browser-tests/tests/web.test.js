// The web app (static-web/) in Chromium against ./cvgen serve, as a user works with it: sign in,
// upload, follow the progress, results and downloads, errors, cancel, isolation between users,
// languages, a phone-sized screen. Every page is checked with axe-core, every test fails on any
// console error or page error it did not provoke on purpose, and each leaves screenshots.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CV_PDFS, JOB_PROFILE, SCREENSHOTS, apiStatus, apiUpload, assertAccessible, assertNoHorizontalOverflow, launch,
  openPage, screenshot, signIn, token, url,
} from '../lib/harness.js';

const JOB_URL = /\/jobs\/([0-9a-f-]{36})$/;
let browser;
let aliceJob = null;

before(async () => {
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
});

describe('web app', () => {
  test('sign-in and upload pages', async () => {
    const p = await openPage(browser);
    try {
      await p.page.goto(url('/'));
      await p.page.waitForURL(/\/signin$/);
      await p.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await assertAccessible(p.page, 'the sign-in page');
      await screenshot(p.page, '01-signin');

      // a name the token would not take is refused with a sentence, not a raw error
      await p.page.getByLabel('User name').fill('no spaces allowed');
      await p.page.getByRole('button', { name: 'Sign in' }).click();
      await p.page.locator('#signin-error').getByText('Choose a user name').waitFor();

      await signIn(p.page, 'alice');
      assert.equal(await p.page.locator('#user').textContent(), 'Signed in as alice');
      await assertAccessible(p.page, 'the upload page');
      await screenshot(p.page, '02-upload');

      // keyboard: on a page opened afresh the skip link comes first
      await p.page.goto(url('/upload'));
      await p.page.locator('#upload-form').waitFor();
      await p.page.keyboard.press('Tab');
      assert.equal(await p.page.evaluate(() => document.activeElement.className), 'skip-link');
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test('a file that is not a PDF gets a readable message, here and from the API', async () => {
    const p = await openPage(browser);
    try {
      await signIn(p.page, 'alice');
      const uploads = [];
      p.page.on('request', (r) => {
        if (r.url().includes('/api/v1/cv/upload')) uploads.push(r.url());
      });
      const txt = join(SCREENSHOTS, 'notes.txt');
      writeFileSync(txt, 'This is not a CV.\n');
      await p.page.setInputFiles('#cv-file', txt);
      await p.page.locator('#cv-error').getByText('“notes.txt” is not a PDF').waitFor();
      await p.page.getByRole('button', { name: 'Upload and start' }).click();
      const summary = p.page.locator('#upload-errors');
      await summary.getByText('“notes.txt” is not a PDF. Please choose a PDF file (.pdf).').waitFor();
      assert.equal(uploads.length, 0, 'nothing is sent when the checks here fail');
      assert.equal(await p.page.locator('#cv-file').getAttribute('aria-invalid'), 'true');
      await assertAccessible(p.page, 'the upload page with errors');
      await screenshot(p.page, '03-upload-not-pdf-here');

      // named .pdf, but its content is no PDF: the API refuses it (415 not_pdf), shown as a sentence
      const fake = join(SCREENSHOTS, 'fake.pdf');
      writeFileSync(fake, 'Just text pretending to be a PDF.\n');
      p.expectFailedLoad(/\/api\/v1\/cv\/upload$/);
      await p.page.setInputFiles('#cv-file', fake);
      const response = p.page.waitForResponse((r) => r.url().endsWith('/api/v1/cv/upload'));
      await p.page.getByRole('button', { name: 'Upload and start' }).click();
      assert.equal((await response).status(), 415);
      await summary.getByText('The file is not a PDF. Please upload your CV as a PDF.').waitFor();
      const text = await summary.textContent();
      assert.doesNotMatch(text, /[{}"]|not_pdf/, 'no raw JSON or error code shown');
      assert.match(p.page.url(), /\/upload$/);
      await screenshot(p.page, '04-upload-not-pdf-api');
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test('upload a CV with a job profile, follow it to completed, dashboard and downloads', async () => {
    const p = await openPage(browser);
    try {
      await signIn(p.page, 'alice');
      await p.page.setInputFiles('#cv-file', CV_PDFS[0]);
      await p.page.getByText(/^Selected: /).waitFor();
      await p.page.getByLabel('Language of the documents').selectOption('en');
      await p.page.getByLabel('A file (PDF, text or JSON)').check();
      await p.page.setInputFiles('#job-file', JOB_PROFILE);
      // another user's jobs queued just before (the host runs one activity at a time): this one
      // waits its turn, so its progress can be watched step by step
      const other = await token('dave');
      for (let i = 0; i < 4; i++) await apiUpload(other, CV_PDFS[(i + 1) % CV_PDFS.length]);
      await p.page.getByRole('button', { name: 'Upload and start' }).click();
      await p.page.waitForURL(JOB_URL);
      aliceJob = JOB_URL.exec(p.page.url())[1];
      // a marker a reload would wipe: the progress must come without one
      await p.page.evaluate(() => {
        window.cvgenNoReload = true;
      });
      const live = p.page.locator('#job-live');
      await live.waitFor();
      assert.equal(await live.getAttribute('aria-live'), 'polite');
      const bar = p.page.getByRole('progressbar');
      await screenshot(p.page, '05-job-progress');
      await assertAccessible(p.page, 'the job page in progress');

      const seen = new Set();
      const values = new Set();
      const deadline = Date.now() + 90_000;
      for (;;) {
        // text and bar read together, once: separate reads may straddle an update, and the end
        // would then not be among the seen
        const [text, value] = await p.page.evaluate(() => [document.getElementById('job-live').textContent,
          document.querySelector('[role="progressbar"]').getAttribute('aria-valuenow')]);
        seen.add(text);
        values.add(value);
        if (text === 'The job is complete.') break;
        assert.ok(Date.now() < deadline, `the job did not complete in time; last: ${[...seen].pop()}`);
        await p.page.waitForTimeout(150);
      }
      // seen first while the job waited or ran, then completed: the page followed it by itself
      const texts = [...seen];
      assert.ok(texts.length >= 2 && /^(Waiting|Processing): /.test(texts[0]),
        `the progress text changed while watching: ${texts.join(' | ')}`);
      assert.ok(values.size >= 2, `the progress bar moved while watching: ${[...values].join(', ')}`);
      assert.equal(await bar.getAttribute('aria-valuenow'), '100');
      assert.equal(await p.page.evaluate(() => window.cvgenNoReload), true, 'the page was not reloaded');
      const states = await p.page.locator('#job-steps li').evaluateAll((lis) => lis.map((li) => li.dataset.state));
      assert.deepEqual(states, Array(7).fill('completed'));
      assert.match(await p.page.locator('#job-steps li').first().textContent(), /Read the CV\s*done.*started .* s/);
      console.log(`progress seen: ${[...seen].join(' | ')}; bar values: ${[...values].join(', ')}`);

      // results: score and top feedback at once, a download per output, the dashboard
      const score = p.page.locator('#match-score .score-value');
      await score.waitFor();
      assert.match(await score.textContent(), /^\d{1,3}$/);
      const feedback = p.page.locator('#top-feedback');
      await feedback.locator('.feedback-score').waitFor();
      assert.ok(await score.isVisible() && await feedback.isVisible());
      const downloads = await p.page.locator('a.download').evaluateAll((as) => as.map((a) => a.dataset.file));
      assert.deepEqual([...downloads].sort(), ['cv.docx', 'cv_data.json', 'dashboard.html', 'feedback.json',
        'job_profile.json', 'match_result.json', 'offer.docx']);

      const frame = p.page.frameLocator('#dashboard-frame');
      await frame.locator('canvas').first().waitFor();
      const charts = await frame.locator('canvas').count();
      assert.ok(charts >= 3, `the dashboard draws its charts (${charts} canvases)`);
      assert.equal(await p.page.locator('#dashboard-frame').getAttribute('sandbox'), 'allow-scripts');
      // the charts are drawn, not only laid out: each canvas has painted pixels
      const dashboard = p.page.frames().find((f) => f.url().includes('dashboard.html'));
      assert.ok(dashboard, 'the dashboard frame has loaded its document');
      const painted = await dashboard.evaluate(() => [...document.querySelectorAll('canvas')].map((c) =>
        c.width > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v) => v !== 0)));
      assert.ok(painted.length >= 3 && painted.every(Boolean), `every chart is drawn (${painted})`);
      await p.page.locator('#dashboard-frame').scrollIntoViewIfNeeded();
      await screenshot(p.page, '06-job-results');
      // a full-page screenshot leaves the sandboxed frame blank; the viewport shows it
      await p.page.screenshot({ path: join(SCREENSHOTS, '06b-dashboard.png') });
      await assertAccessible(p.page, 'the results');

      const [download] = await Promise.all([
        p.page.waitForEvent('download'),
        p.page.locator('a.download[data-file="cv.docx"]').click(),
      ]);
      assert.equal(download.suggestedFilename(), 'cv.docx');
      const saved = join(SCREENSHOTS, 'downloaded-cv.docx');
      await download.saveAs(saved);
      const bytes = readFileSync(saved);
      assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a docx is a zip file');
      const names = bytes.toString('latin1');
      assert.ok(names.includes('[Content_Types].xml') && names.includes('word/document.xml'),
        'the zip holds a Word document');

      // the job list has it, with its score
      await p.page.locator('#nav').getByRole('link', { name: 'My jobs' }).click();
      await p.page.waitForURL(/\/jobs$/);
      const item = p.page.locator(`#job-list li[data-job-id="${aliceJob}"]`);
      await item.waitFor();
      assert.match(await item.textContent(), /Completed/);
      assert.match(await item.textContent(), /Match score \d+/);
      await assertAccessible(p.page, 'the job list');
      await screenshot(p.page, '07-job-list');
      await item.getByRole('link').click();
      await p.page.waitForURL(JOB_URL);
      await p.page.locator('#match-score .score-value').waitFor();
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test('another user cannot see the job', async () => {
    assert.ok(aliceJob, 'needs the job of the previous test');
    const p = await openPage(browser);
    try {
      await signIn(p.page, 'bob');
      p.expectFailedLoad(new RegExp(`/api/v1/cv/status/${aliceJob}$`));
      await p.page.goto(url(`/jobs/${aliceJob}`));
      await p.page.locator('#job-problem').getByText('This job does not exist, or it is not yours.').waitFor();
      assert.equal(await p.page.locator('#job-results').isVisible(), false);
      await assertAccessible(p.page, 'the job page of another user');
      await screenshot(p.page, '08-other-user');
      await p.page.locator('#nav').getByRole('link', { name: 'My jobs' }).click();
      await p.page.getByText('You have no jobs yet.').waitFor();
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test('cancel a running job', async () => {
    // the host runs one activity at a time (--activity-concurrency 1): with a dozen jobs queued
    // ahead, the last one is still waiting or running when the user cancels it
    const p = await openPage(browser);
    const bearer = await token('carol');
    const ids = [];
    try {
      await signIn(p.page, 'carol');
      for (let i = 0; i < 12; i++) ids.push(await apiUpload(bearer, CV_PDFS[i % CV_PDFS.length]));
      const last = ids[ids.length - 1];
      await p.page.goto(url(`/jobs/${last}`));
      const cancel = p.page.getByRole('button', { name: 'Cancel job' });
      await cancel.waitFor();
      const before = (await apiStatus(bearer, last)).body.status;
      assert.ok(before === 'pending' || before === 'processing', `the job is still running (${before})`);
      await cancel.click();
      await p.page.locator('#job-live').getByText('The job was cancelled.').waitFor();
      await p.page.locator('.badge-slot').getByText('Cancelled').waitFor();
      await cancel.waitFor({ state: 'hidden' });
      assert.equal((await apiStatus(bearer, last)).body.status, 'cancelled');
      await assertAccessible(p.page, 'the cancelled job');
      await screenshot(p.page, '09-cancelled');
      p.assertClean();
    } finally {
      await p.close();
      // the jobs queued ahead are not needed any more
      for (const id of ids.slice(0, -1)) {
        await fetch(url(`/api/v1/cv/cancel/${id}`), { method: 'POST', headers: { Authorization: `Bearer ${bearer}` } });
      }
    }
  });

  test('the UI speaks German, English and French: browser language first, then the choice', async () => {
    const p = await openPage(browser, { locale: 'fr-FR' });
    try {
      await p.page.goto(url('/'));
      await p.page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
      assert.equal(await p.page.locator('html').getAttribute('lang'), 'fr');
      await signIn(p.page, 'alice');
      await p.page.getByRole('heading', { level: 1, name: 'Nouvel envoi' }).waitFor();

      await p.page.getByLabel('Langue', { exact: true }).selectOption('de');
      await p.page.getByRole('heading', { level: 1, name: 'Neuer Upload' }).waitFor();
      assert.equal(await p.page.locator('html').getAttribute('lang'), 'de');
      assert.equal(await p.page.getByRole('link', { name: 'Meine Aufträge' }).count(), 1);
      await assertAccessible(p.page, 'the German upload page');
      await screenshot(p.page, '10-german');

      // the choice outlives a reload
      await p.page.reload();
      await p.page.getByRole('heading', { level: 1, name: 'Neuer Upload' }).waitFor();
      await p.page.locator('#nav').getByRole('link', { name: 'Meine Aufträge' }).click();
      await p.page.getByRole('heading', { level: 1, name: 'Meine Aufträge' }).waitFor();
      assert.match(await p.page.locator('#job-list').textContent(), /Abgeschlossen/);

      await p.page.getByLabel('Sprache', { exact: true }).selectOption('en');
      await p.page.getByRole('heading', { level: 1, name: 'My jobs' }).waitFor();
      assert.equal(await p.page.locator('html').getAttribute('lang'), 'en');
      p.assertClean();
    } finally {
      await p.close();
    }
  });

  test('a phone-sized screen: nothing scrolls sideways', async () => {
    assert.ok(aliceJob, 'needs the job of the earlier test');
    const p = await openPage(browser, { viewport: { width: 375, height: 812 } });
    try {
      await p.page.goto(url('/'));
      await p.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await assertNoHorizontalOverflow(p.page, 'the sign-in page');
      await signIn(p.page, 'alice');
      await assertNoHorizontalOverflow(p.page, 'the upload page');
      await screenshot(p.page, '11-phone-upload');
      await p.page.goto(url(`/jobs/${aliceJob}`));
      await p.page.locator('#match-score .score-value').waitFor();
      await p.page.frameLocator('#dashboard-frame').locator('canvas').first().waitFor();
      await assertNoHorizontalOverflow(p.page, 'the job page');
      await assertAccessible(p.page, 'the job page on a phone');
      await screenshot(p.page, '12-phone-job');
      await p.page.goto(url('/jobs'));
      await p.page.locator('#job-list li').first().waitFor();
      await assertNoHorizontalOverflow(p.page, 'the job list');
      await screenshot(p.page, '13-phone-jobs');
      p.assertClean();
    } finally {
      await p.close();
    }
  });
});
