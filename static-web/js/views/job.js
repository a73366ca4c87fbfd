// One job: live progress (polling with backoff: 1 s, growing to 5 s while nothing changes, back to
// 1 s on a change, stopped when the job is final), each step's state and times, cancel, and the
// results: match score, top feedback, a download per output and the dashboard in a sandboxed frame.
import { api, ApiError, errorMessage } from '../api.js';
import { formatSeconds, formatTime, language, t } from '../i18n.js';
import { h } from '../dom.js';
import { statusBadge } from './jobs.js';

const FINAL = new Set(['completed', 'failed', 'cancelled']);
const FIRST_DELAY = 1000;
const MAX_DELAY = 5000;
const FILE_ORDER = ['cv.docx', 'offer.docx', 'dashboard.html', 'cv_data.json', 'feedback.json', 'match_result.json',
  'job_profile.json'];

function clock(iso) {
  return new Date(iso).toLocaleTimeString(language());
}

function stepName(name) {
  const key = `step.${name}`;
  const text = t(key);
  return text === key ? name : text;
}

export default async function jobView({ main, params }) {
  const jobId = params[0];
  const title = h('h1', { tabindex: '-1', text: t('job.title') });
  const back = h('p', { class: 'back' }, h('a', { href: '/jobs', text: t('job.back') }));
  const fileLine = h('p', { class: 'job-file' });
  const problem = h('div', { class: 'error', role: 'alert', id: 'job-problem' });
  main.append(back, title, fileLine, problem);

  // progress
  const badgeSlot = h('span', { class: 'badge-slot' });
  const live = h('p', { id: 'job-live', class: 'live', 'aria-live': 'polite' });
  const bar = h('div', { class: 'bar' });
  const progress = h('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
    'aria-valuenow': '0', 'aria-labelledby': 'progress-heading' }, bar);
  const steps = h('ol', { class: 'steps', id: 'job-steps' });
  const cancel = h('button', { type: 'button', class: 'button danger', id: 'job-cancel', hidden: true, text: t('job.cancel') });
  const cancelStatus = h('p', { class: 'error', role: 'alert' });
  const progressSection = h('section', { class: 'card', 'aria-labelledby': 'progress-heading', hidden: true },
    h('div', { class: 'section-head' }, h('h2', { id: 'progress-heading', text: t('job.progress') }), badgeSlot),
    live, progress,
    h('h3', { text: t('job.steps') }), steps,
    h('div', { class: 'actions' }, cancel), cancelStatus);
  const results = h('section', { class: 'results', id: 'job-results', 'aria-labelledby': 'results-heading', hidden: true },
    h('h2', { id: 'results-heading', text: t('job.results') }));
  main.append(progressSection, results);

  let stopped = false;
  let timer = null;
  let delay = FIRST_DELAY;
  let lastSignature = null;
  let resultsShown = false;
  let finalSeen = false;

  function render(s) {
    // a job never leaves a final state: an answer that was on its way before the cancel is stale
    if (finalSeen && !FINAL.has(s.status)) return;
    finalSeen = FINAL.has(s.status);
    progressSection.hidden = false;
    if (s.cvFileName) fileLine.textContent = t('job.file', { name: s.cvFileName });
    badgeSlot.replaceChildren(statusBadge(s.status));
    const pct = Math.max(0, Math.min(100, Math.round(s.progress || 0)));
    progress.setAttribute('aria-valuenow', String(pct));
    progress.setAttribute('aria-valuetext', `${pct} %`);
    bar.style.width = `${pct}%`;
    let text;
    if (s.status === 'completed') text = t('job.completed');
    else if (s.status === 'cancelled') text = t('job.cancelled');
    else if (s.status === 'failed') text = `${t('job.failed')} ${s.error && s.error.message ? s.error.message : ''}`.trim();
    else text = t('job.live', { status: t(`status.${s.status}`), step: stepName(s.step), progress: pct });
    if (live.textContent !== text) live.textContent = text;

    steps.replaceChildren(...(s.steps || []).map((step) => {
      const bits = [];
      if (step.startedAt) bits.push(t('job.startedAt', { time: clock(step.startedAt) }));
      if (step.durationMs !== undefined) bits.push(t('job.duration', { seconds: formatSeconds(step.durationMs) }));
      else if (step.state === 'running' && step.startedAt) {
        bits.push(t('job.duration', { seconds: formatSeconds(Math.max(0, Date.now() - Date.parse(step.startedAt))) }));
      }
      if (step.attempts > 1) bits.push(t('job.attempts', { n: step.attempts }));
      return h('li', { class: `step state-${step.state}`, dataset: { step: step.name, state: step.state } },
        h('span', { class: 'step-name', text: stepName(step.name) }),
        h('span', { class: 'step-state', text: t(`state.${step.state}`) }),
        bits.length ? h('span', { class: 'step-time', text: bits.join(' · ') }) : null,
        step.message ? h('span', { class: 'step-message', text: step.message }) : null);
    }));
    cancel.hidden = FINAL.has(s.status);
  }

  async function showResults(s) {
    resultsShown = true;
    results.hidden = false;
    const grid = h('div', { class: 'result-grid' });
    results.append(grid);
    // the match score
    const scoreCard = h('div', { class: 'card score-card', id: 'match-score' }, h('h3', { text: t('job.score') }));
    if (s.matchScore !== undefined && s.matchScore !== null) {
      scoreCard.append(h('p', { class: 'score-value', text: String(s.matchScore) }),
        h('p', { class: 'score-of', text: t('job.scoreOf', { score: s.matchScore }) }),
        h('meter', { min: '0', max: '100', low: '50', high: '75', optimum: '100', value: String(s.matchScore),
          'aria-label': t('job.score') }));
    } else {
      scoreCard.append(h('p', { text: t('job.noScore') }));
    }
    const feedbackCard = h('div', { class: 'card feedback-card', id: 'top-feedback' }, h('h3', { text: t('job.feedback') }));
    grid.append(scoreCard, feedbackCard);

    let links;
    try {
      links = await api(`cv/download/${encodeURIComponent(jobId)}`);
    } catch (e) {
      results.append(h('p', { class: 'error', role: 'alert', text: errorMessage(e) }));
      feedbackCard.remove();
      return;
    }
    const files = [...links.files].sort((a, b) => rank(a.name) - rank(b.name));
    const byName = Object.fromEntries(files.map((f) => [f.name, f]));

    // the downloads
    results.append(h('h3', { id: 'downloads-heading', text: t('job.downloads') }),
      h('ul', { class: 'downloads', 'aria-labelledby': 'downloads-heading' }, files.map((f) => h('li', {},
        h('a', { class: 'button secondary download', href: f.url, download: f.name, dataset: { file: f.name } },
          h('span', { text: t('job.download', { file: fileLabel(f.name) }) }),
          h('span', { class: 'file-name', text: f.name }))))),
      h('p', { class: 'hint', text: t('job.linksExpire', { time: formatTime(links.expiresAt) }) }));

    // the dashboard, in a sandboxed frame: its scripts run, but never with this app's origin
    if (byName['dashboard.html']) {
      const url = byName['dashboard.html'].url;
      results.append(h('div', { class: 'section-head' }, h('h3', { text: t('job.dashboard') }),
        h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', text: t('job.openDashboard') })),
      h('iframe', { class: 'dashboard', id: 'dashboard-frame', src: url, sandbox: 'allow-scripts',
        title: t('job.dashboardFrame'), referrerpolicy: 'no-referrer' }));
    }

    // the top feedback
    if (byName['feedback.json']) {
      try {
        const res = await fetch(byName['feedback.json'].url, { cache: 'no-store', credentials: 'omit' });
        if (!res.ok) throw new ApiError(res.status, 'http_error', '');
        const feedback = await res.json();
        feedbackCard.append(h('p', { class: 'feedback-score', text: t('job.feedbackScore', { score: feedback.score }) }));
        const top = (feedback.findings || []).slice(0, 3);
        if (top.length === 0) feedbackCard.append(h('p', { text: t('job.noFeedback') }));
        else {
          feedbackCard.append(h('ol', { class: 'findings' }, top.map((f) => h('li', { class: `finding severity-${f.severity}` },
            h('span', { class: 'severity', text: t(`severity.${f.severity}`) }),
            h('span', { class: 'finding-message', text: f.message }),
            h('span', { class: 'finding-suggestion', text: f.suggestion })))));
        }
      } catch (e) {
        feedbackCard.append(h('p', { class: 'error', text: errorMessage(e) }));
      }
    } else {
      feedbackCard.remove();
    }
  }

  async function poll() {
    timer = null;
    let s;
    try {
      s = await api(`cv/status/${encodeURIComponent(jobId)}`);
    } catch (e) {
      if (stopped) return;
      if (e.status === 404 || e.status === 400) {
        problem.textContent = t('job.notFound');
        progressSection.hidden = true;
        return;
      }
      if (e.status === 401) return; // the app sends the user to sign in
      problem.textContent = errorMessage(e);
      delay = Math.min(MAX_DELAY, delay * 2);
      timer = setTimeout(poll, delay);
      return;
    }
    if (stopped) return;
    problem.textContent = '';
    if (finalSeen && !FINAL.has(s.status)) return;
    render(s);
    const signature = JSON.stringify([s.status, s.step, s.progress, (s.steps || []).map((x) => [x.state, x.attempts])]);
    delay = signature === lastSignature ? Math.min(MAX_DELAY, Math.round(delay * 1.5)) : FIRST_DELAY;
    lastSignature = signature;
    if (FINAL.has(s.status)) {
      if (!resultsShown && (s.outputs || []).length > 0) await showResults(s);
      return;
    }
    timer = setTimeout(poll, delay);
  }

  cancel.addEventListener('click', async () => {
    cancel.disabled = true;
    cancel.textContent = t('job.cancelling');
    cancelStatus.textContent = '';
    try {
      const s = await api(`cv/cancel/${encodeURIComponent(jobId)}`, { method: 'POST' });
      render(s);
      lastSignature = null;
      if (FINAL.has(s.status) && timer) {
        clearTimeout(timer);
        timer = null;
        if (!resultsShown && (s.outputs || []).length > 0) await showResults(s);
      }
    } catch (e) {
      cancelStatus.textContent = errorMessage(e);
      if (timer === null && !stopped) poll();
    } finally {
      cancel.disabled = false;
      cancel.textContent = t('job.cancel');
    }
  });

  await poll();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

function rank(name) {
  const i = FILE_ORDER.indexOf(name);
  return i < 0 ? FILE_ORDER.length : i;
}

function fileLabel(name) {
  const key = `file.${name}`;
  const text = t(key);
  return text === key ? name : text;
}
