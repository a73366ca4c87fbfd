// The CV API (same origin, /api/v1): JSON in and out, errors as ApiError with the API's code, shown
// as a localized sentence (the API's own message when the code has none), never as raw JSON.
import { authHeaders } from './auth.js';
import { has, t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
    this.apiMessage = message;
  }
}

let unauthorizedHandler = () => {};

/** Called with the error when the API answers 401 (the session has ended). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

const CODES = { 400: 'bad_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'payload_too_large',
  415: 'unsupported_media_type', 429: 'too_many_requests', 500: 'internal_error', 502: 'internal_error',
  503: 'storage_unavailable' };

export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  let res;
  try {
    res = await fetch(`/api/v1/${path}`, {
      method,
      body,
      headers: { Accept: 'application/json', ...authHeaders(), ...headers },
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (e) {
    throw new ApiError(0, 'network', e && e.message);
  }
  const type = res.headers.get('content-type') || '';
  let data = null;
  if (type.includes('json')) data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data && typeof data.error === 'object' ? data.error : null;
    const e = new ApiError(res.status, (err && err.code) || CODES[res.status] || 'http_error', err && err.message);
    if (res.status === 401) unauthorizedHandler(e);
    throw e;
  }
  return data;
}

/** A sentence for the user about any error. */
export function errorMessage(e) {
  if (e instanceof ApiError || (e && e.code)) {
    if (e.code === 'network') return t('errors.network');
    if (has(`errors.${e.code}`)) return t(`errors.${e.code}`);
    if (e.apiMessage) return capitalize(e.apiMessage);
    return t('errors.generic', { status: e.status || '?' });
  }
  return t('errors.generic', { status: '?' });
}

function capitalize(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
