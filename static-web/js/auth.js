// Who is signed in. In Azure, Static Web Apps' own sign-in (Entra ID): /.auth/me names the user
// and SWA forwards the user to the API itself. On the embedded host (./cvgen serve) /.auth/me
// points at the development sign-in, which mints a bearer token kept in this tab's sessionStorage.
const SESSION_KEY = 'cvgen.session';

let mode = 'none'; // 'swa' | 'local' | 'none'
let devSignIn = null;
let session = null; // { user, token?, expiresAt? }

export function authMode() {
  return mode;
}

export function currentUser() {
  return session && session.user;
}

export function isSignedIn() {
  if (!session) return false;
  if (session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
    signOutLocally();
    return false;
  }
  return true;
}

/** Headers the API needs: a bearer token locally, nothing on SWA (its cookie goes along). */
export function authHeaders() {
  return mode === 'local' && isSignedIn() ? { Authorization: `Bearer ${session.token}` } : {};
}

export async function detect() {
  let me = null;
  try {
    const res = await fetch('/.auth/me', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (res.ok && (res.headers.get('content-type') || '').includes('json')) me = await res.json();
  } catch {
    me = null;
  }
  if (me && typeof me.devSignIn === 'string') {
    mode = 'local';
    devSignIn = me.devSignIn;
    try {
      session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    } catch {
      session = null;
    }
    isSignedIn();
  } else if (me && 'clientPrincipal' in me) {
    mode = 'swa';
    const p = me.clientPrincipal;
    session = p ? { user: p.userDetails || p.userId } : null;
  } else {
    mode = 'none';
    session = null;
  }
  return mode;
}

/** SWA: the address that starts the Entra ID sign-in and comes back to next. */
export function loginUrl(next) {
  return `/.auth/login/aad?post_login_redirect_uri=${encodeURIComponent(next || '/upload')}`;
}

/** Local: signs in as user at the embedded host's development sign-in; throws the API's error. */
export async function signInLocally(user) {
  const res = await fetch(devSignIn, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ user }),
    cache: 'no-store',
  });
  const data = await res.json().catch(() => null);
  if (!res.ok || !data || !data.token) {
    const e = new Error((data && data.error && data.error.message) || `HTTP ${res.status}`);
    e.status = res.status;
    e.code = (data && data.error && data.error.code) || 'internal_error';
    throw e;
  }
  session = { user: data.user, token: data.token, expiresAt: data.expiresAt };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function signOutLocally() {
  session = null;
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // nothing kept
  }
}

/** Signs out: locally forgets the token; on SWA ends the SWA session. */
export function signOut(navigate) {
  if (mode === 'swa') {
    window.location.assign('/.auth/logout?post_logout_redirect_uri=/signin');
    return;
  }
  signOutLocally();
  navigate('/signin');
}
