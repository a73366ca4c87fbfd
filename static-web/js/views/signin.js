// Sign-in: Static Web Apps' Entra ID sign-in in Azure; the embedded host's development sign-in
// (a user name, no password) on this machine.
import * as auth from '../auth.js';
import { errorMessage } from '../api.js';
import { t } from '../i18n.js';
import { h } from '../dom.js';

function nextPath(query) {
  const next = query.get('next') || '/upload';
  // only paths of this app, never another site
  return next.startsWith('/') && !next.startsWith('//') ? next : '/upload';
}

export default function signinView({ main, query, navigate }) {
  const next = nextPath(query);
  if (auth.isSignedIn()) {
    navigate(next, { replace: true });
    return undefined;
  }
  main.append(h('h1', { tabindex: '-1', text: t('signin.title') }), h('p', { text: t('signin.intro') }));
  if (query.get('expired')) main.append(h('p', { class: 'notice', role: 'status', text: t('signin.expired') }));

  if (auth.authMode() === 'swa') {
    main.append(h('p', {}, h('a', { class: 'button', href: auth.loginUrl(next), text: t('signin.microsoft') })));
    return undefined;
  }
  if (auth.authMode() !== 'local') {
    main.append(h('p', { class: 'error', role: 'alert', text: t('signin.unavailable') }));
    return undefined;
  }

  const error = h('p', { id: 'signin-error', class: 'error', role: 'alert' });
  const input = h('input', {
    id: 'signin-user', name: 'user', type: 'text', required: true, autocomplete: 'username',
    spellcheck: 'false', autocapitalize: 'none', maxlength: '64', pattern: '[A-Za-z0-9._@\\-]{1,64}',
    'aria-describedby': 'signin-hint signin-error',
  });
  const button = h('button', { type: 'submit', class: 'button', text: t('signin.submit') });
  const form = h('form', { class: 'card form', novalidate: true },
    h('p', { text: t('signin.devIntro') }),
    h('div', { class: 'field' },
      h('label', { for: 'signin-user', text: t('signin.user') }),
      input,
      h('p', { id: 'signin-hint', class: 'hint', text: t('signin.userHint') })),
    error,
    h('div', { class: 'actions' }, button));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    const user = input.value.trim();
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(user)) {
      error.textContent = t('errors.invalid_user');
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    button.disabled = true;
    try {
      await auth.signInLocally(user);
      navigate(next, { replace: true });
    } catch (e) {
      error.textContent = errorMessage(e);
      button.disabled = false;
      input.focus();
    }
  });
  main.append(form);
  return undefined;
}
