// The user's jobs, newest first, 20 at a time.
import { api, errorMessage } from '../api.js';
import { formatTime, t } from '../i18n.js';
import { h } from '../dom.js';

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}`, text: t(`status.${status}`) });
}

function jobItem(job) {
  const name = job.cvFileName || job.jobId;
  const details = [t('jobs.created', { time: formatTime(job.createdAt) })];
  if (job.jobProfileName) details.push(t('jobs.withProfile', { name: job.jobProfileName }));
  return h('li', { class: 'job-item', dataset: { jobId: job.jobId } },
    h('div', { class: 'job-head' },
      h('a', { href: `/jobs/${encodeURIComponent(job.jobId)}`, class: 'job-link', text: name }),
      statusBadge(job.status)),
    h('p', { class: 'job-meta', text: details.join(' · ') }),
    job.matchScore !== undefined && job.matchScore !== null
      ? h('p', { class: 'job-score', text: t('jobs.score', { score: job.matchScore }) }) : null);
}

export default async function jobsView({ main }) {
  main.append(h('h1', { tabindex: '-1', text: t('jobs.title') }));
  const list = h('ul', { class: 'job-list', id: 'job-list' });
  const error = h('p', { class: 'error', role: 'alert' });
  const more = h('button', { type: 'button', class: 'button secondary', hidden: true, text: t('jobs.more') });
  main.append(error, list, h('div', { class: 'actions' }, more));
  let token = null;

  async function load() {
    error.textContent = '';
    more.disabled = true;
    try {
      const q = new URLSearchParams({ limit: '20' });
      if (token) q.set('continuationToken', token);
      const page = await api(`cv/jobs?${q}`);
      if (!token && page.jobs.length === 0) {
        list.replaceWith(h('p', { class: 'empty' }, h('span', { text: `${t('jobs.empty')} ` }),
          h('a', { href: '/upload', text: t('jobs.startOne') })));
      }
      for (const job of page.jobs) list.append(jobItem(job));
      token = page.continuationToken || null;
      more.hidden = !token;
    } catch (e) {
      error.textContent = errorMessage(e);
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', load);
  await load();
  return undefined;
}
