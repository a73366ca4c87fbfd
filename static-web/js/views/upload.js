// Upload: the CV (drag and drop or the file picker), checked here for type and size before it is
// sent; the documents' language; a job profile as a file, pasted text or a saved profile.
import { api, errorMessage } from '../api.js';
import { formatSize, t } from '../i18n.js';
import { h } from '../dom.js';

// the service's default limits (the server checks them again, with the PDF's content)
const MAX_MB = 10;
const MAX_PAGES = 20;
const JOB_TYPES = /\.(pdf|txt|json)$/i;

export function checkCv(file) {
  if (!file) return t('check.cvMissing');
  const pdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
  if (!pdf) return t('check.notPdf', { name: file.name });
  if (file.size === 0) return t('check.empty', { name: file.name });
  if (file.size > MAX_MB * 1024 * 1024) return t('check.tooLarge', { name: file.name, size: formatSize(file.size), mb: MAX_MB });
  return null;
}

export default async function uploadView({ main, navigate }) {
  let cvFile = null;

  main.append(h('h1', { tabindex: '-1', text: t('upload.title') }), h('p', { text: t('upload.intro') }));

  const summary = h('div', { id: 'upload-errors', class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });

  // --- the CV
  const cvInput = h('input', {
    id: 'cv-file', name: 'cv', type: 'file', accept: '.pdf,application/pdf', class: 'file-input',
    'aria-describedby': 'cv-limits cv-selected cv-error',
  });
  const cvSelected = h('p', { id: 'cv-selected', class: 'selected', 'aria-live': 'polite', text: t('upload.none') });
  const cvError = h('p', { id: 'cv-error', class: 'error' });
  const drop = h('div', { class: 'dropzone', id: 'cv-drop' },
    h('p', {}, h('span', { text: `${t('upload.drop')} ` }),
      h('label', { for: 'cv-file', class: 'button secondary', text: t('upload.choose') })),
    cvInput);

  function setCv(file) {
    cvFile = file;
    const problem = checkCv(file);
    cvSelected.textContent = file ? t('upload.selected', { name: file.name, size: formatSize(file.size) }) : t('upload.none');
    cvError.textContent = file && problem ? problem : '';
    if (file && problem) cvInput.setAttribute('aria-invalid', 'true');
    else cvInput.removeAttribute('aria-invalid');
    drop.classList.toggle('invalid', Boolean(file && problem));
    drop.classList.toggle('chosen', Boolean(file && !problem));
  }
  cvInput.addEventListener('change', () => setCv(cvInput.files[0] || null));
  drop.addEventListener('dragenter', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  drop.addEventListener('dragleave', (e) => {
    if (!drop.contains(e.relatedTarget)) drop.classList.remove('over');
  });
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const files = e.dataTransfer.files;
    if (files.length > 1) {
      setCv(null);
      cvError.textContent = t('check.oneFile');
      return;
    }
    if (files.length === 1) setCv(files[0]);
  });

  const cvField = h('div', { class: 'field' },
    h('label', { for: 'cv-file', class: 'field-label', text: t('upload.cv') }),
    drop,
    h('p', { id: 'cv-limits', class: 'hint', text: t('upload.limits', { mb: MAX_MB, pages: MAX_PAGES }) }),
    cvSelected, cvError);

  // --- the documents' language
  const language = h('select', { id: 'language', name: 'language' },
    h('option', { value: '', text: t('upload.languageAuto') }),
    h('option', { value: 'de', lang: 'de', text: 'Deutsch' }),
    h('option', { value: 'en', lang: 'en', text: 'English' }),
    h('option', { value: 'fr', lang: 'fr', text: 'Français' }));
  const languageField = h('div', { class: 'field' },
    h('label', { for: 'language', class: 'field-label', text: t('upload.language') }), language);

  // --- the job profile
  const choices = [['none', 'upload.jobNone'], ['file', 'upload.jobFile'], ['text', 'upload.jobText'],
    ['saved', 'upload.jobSaved']];
  const radios = choices.map(([value, key]) => h('div', { class: 'choice' },
    h('input', { type: 'radio', name: 'job-source', id: `job-source-${value}`, value, checked: value === 'none' }),
    h('label', { for: `job-source-${value}`, text: t(key) })));

  const jobFile = h('input', { id: 'job-file', type: 'file', accept: '.pdf,.txt,.json,application/pdf,text/plain,application/json',
    'aria-describedby': 'job-error' });
  const jobText = h('textarea', { id: 'job-text', rows: '8', 'aria-describedby': 'job-error' });
  const jobSaved = h('select', { id: 'job-saved', 'aria-describedby': 'job-error' });
  const savedEmpty = h('p', { class: 'hint', hidden: true, text: t('upload.jobSavedEmpty') });
  const saveBox = h('input', { type: 'checkbox', id: 'job-save' });
  const saveTitle = h('input', { type: 'text', id: 'job-save-title', maxlength: '200' });
  const jobError = h('p', { id: 'job-error', class: 'error' });

  const panels = {
    file: h('div', { class: 'field', hidden: true },
      h('label', { for: 'job-file', class: 'field-label', text: t('upload.jobFileLabel') }), jobFile),
    text: h('div', { class: 'field', hidden: true },
      h('label', { for: 'job-text', class: 'field-label', text: t('upload.jobTextLabel') }), jobText),
    saved: h('div', { class: 'field', hidden: true },
      h('label', { for: 'job-saved', class: 'field-label', text: t('upload.jobSavedLabel') }), jobSaved, savedEmpty),
  };
  const savePanel = h('div', { class: 'save-profile', hidden: true },
    h('div', { class: 'choice' }, saveBox, h('label', { for: 'job-save', text: t('upload.saveProfile') })),
    h('div', { class: 'field', hidden: true, id: 'job-save-title-field' },
      h('label', { for: 'job-save-title', class: 'field-label', text: t('upload.profileTitle') }), saveTitle));
  saveBox.addEventListener('change', () => {
    savePanel.querySelector('#job-save-title-field').hidden = !saveBox.checked;
  });

  function source() {
    return main.querySelector('input[name="job-source"]:checked').value;
  }
  function showPanel() {
    const s = source();
    for (const [k, p] of Object.entries(panels)) p.hidden = k !== s;
    savePanel.hidden = !(s === 'file' || s === 'text');
    jobError.textContent = '';
  }
  for (const r of radios) r.querySelector('input').addEventListener('change', showPanel);

  const jobFieldset = h('fieldset', { class: 'field' },
    h('legend', { class: 'field-label', text: t('upload.job') }),
    h('div', { class: 'choices' }, radios),
    panels.file, panels.text, panels.saved, savePanel, jobError);

  const submit = h('button', { type: 'submit', class: 'button', text: t('upload.submit') });
  const status = h('p', { class: 'status', role: 'status' });
  const form = h('form', { id: 'upload-form', class: 'card form', novalidate: true },
    summary, cvField, languageField, jobFieldset, h('div', { class: 'actions' }, submit), status);
  main.append(form);

  // saved profiles for the third option
  try {
    const { profiles } = await api('job-profiles');
    for (const p of profiles) {
      jobSaved.append(h('option', { value: p.id, text: p.company ? `${p.title} (${p.company})` : p.title }));
    }
    if (profiles.length === 0) {
      jobSaved.disabled = true;
      savedEmpty.hidden = false;
    }
  } catch (e) {
    savedEmpty.hidden = false;
    savedEmpty.textContent = errorMessage(e);
    jobSaved.disabled = true;
  }

  function validate() {
    const problems = [];
    const cvProblem = checkCv(cvFile);
    cvError.textContent = cvProblem || '';
    if (cvProblem) {
      cvInput.setAttribute('aria-invalid', 'true');
      problems.push({ text: cvProblem, target: cvInput });
    }
    jobError.textContent = '';
    for (const el of [jobFile, jobText, jobSaved]) el.removeAttribute('aria-invalid');
    const s = source();
    let jobProblem = null;
    let target = null;
    if (s === 'file') {
      const f = jobFile.files[0];
      target = jobFile;
      if (!f) jobProblem = t('check.jobFileMissing');
      else if (!JOB_TYPES.test(f.name)) jobProblem = t('check.jobFileType', { name: f.name });
      else if (f.size === 0) jobProblem = t('check.empty', { name: f.name });
      else if (f.size > MAX_MB * 1024 * 1024) {
        jobProblem = t('check.tooLarge', { name: f.name, size: formatSize(f.size), mb: MAX_MB });
      }
    } else if (s === 'text') {
      target = jobText;
      if (!jobText.value.trim()) jobProblem = t('check.jobTextMissing');
    } else if (s === 'saved') {
      target = jobSaved;
      if (!jobSaved.value) jobProblem = t('check.jobSavedMissing');
    }
    if (jobProblem) {
      jobError.textContent = jobProblem;
      target.setAttribute('aria-invalid', 'true');
      problems.push({ text: jobProblem, target });
    }
    return problems;
  }

  function showSummary(problems) {
    summary.replaceChildren();
    if (problems.length === 0) {
      summary.hidden = true;
      return;
    }
    summary.append(h('p', { class: 'summary-title', text: t('upload.errorSummary') }),
      h('ul', {}, problems.map((p) => h('li', { text: p.text }))));
    summary.hidden = false;
    (problems[0].target || summary).focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    const problems = validate();
    showSummary(problems);
    if (problems.length) return;
    submit.disabled = true;
    status.textContent = t('upload.sending');
    try {
      const body = new FormData();
      body.append('cv', cvFile, cvFile.name);
      if (language.value) body.append('language', language.value);
      const s = source();
      if ((s === 'file' || s === 'text') && saveBox.checked) {
        const profileForm = new FormData();
        if (s === 'file') profileForm.append('jobProfile', jobFile.files[0], jobFile.files[0].name);
        else profileForm.append('jobProfile', jobText.value);
        if (saveTitle.value.trim()) profileForm.append('title', saveTitle.value.trim());
        const saved = await api('job-profiles', { method: 'POST', body: profileForm });
        body.append('jobProfileId', saved.id);
      } else if (s === 'file') {
        body.append('jobProfile', jobFile.files[0], jobFile.files[0].name);
      } else if (s === 'text') {
        body.append('jobProfileText', jobText.value);
      } else if (s === 'saved') {
        body.append('jobProfileId', jobSaved.value);
      }
      const res = await api('cv/upload', { method: 'POST', body });
      navigate(`/jobs/${encodeURIComponent(res.jobId)}`);
    } catch (e) {
      status.textContent = '';
      const cvCodes = ['not_pdf', 'empty_file', 'corrupt_pdf', 'encrypted_pdf', 'no_text_layer', 'file_too_large',
        'too_many_pages', 'too_complex', 'missing_cv'];
      const target = cvCodes.includes(e.code) ? cvInput : null;
      if (target) {
        cvError.textContent = errorMessage(e);
        cvInput.setAttribute('aria-invalid', 'true');
        drop.classList.remove('chosen');
        drop.classList.add('invalid');
      }
      showSummary([{ text: errorMessage(e), target: summary }]);
      submit.disabled = false;
    }
  });
  return undefined;
}
