// Every call goes to the gateway's own origin: the browser sends the session cookie by itself, and the gateway
// relays the user's access token to the service. Changes carry the CSRF token the gateway keeps in the
// XSRF-TOKEN cookie, echoed in X-XSRF-TOKEN (the gateway's SecurityConfiguration expects exactly that).

import { rememberTarget } from '../app/afterLogin';

export const LOGIN_PATH = '/oauth2/authorization/keycloak';

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem from the gateway or a service, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldError[] = [],
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }

  /** The gateway's circuit breaker answered for a service that is down or too slow. */
  get unavailable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/** Whatever a call threw, as an ApiError the screens know how to tell. */
export function asApiError(failure: unknown): ApiError {
  return failure instanceof ApiError ? failure : new ApiError(0, 'Error', String(failure));
}

export interface Response<T> {
  body: T;
  /** The resource's version as the service sent it, for If-Match on the next change. */
  etag: string | null;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  ifMatch?: string | null;
  idempotencyKey?: string;
}

/** What the app does when the session has ended; replaced in tests. */
export const session = {
  expired(): void {
    rememberTarget(window.location.hash);
    window.location.assign(LOGIN_PATH);
  },
};

export function readCookie(name: string, cookies: string = document.cookie): string | null {
  const prefix = `${name}=`;
  const entry = cookies.split('; ').find((cookie) => cookie.startsWith(prefix));
  return entry === undefined ? null : decodeURIComponent(entry.slice(prefix.length));
}

/** The tag a service sends is `"3"`; a version read from a body becomes the same tag. */
export function etagOf(version: number | null | undefined): string | null {
  return version === null || version === undefined ? null : `"${version}"`;
}

export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function changeHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (method !== 'GET') {
    const csrf = readCookie('XSRF-TOKEN');
    if (csrf !== null) {
      headers['X-XSRF-TOKEN'] = csrf;
    }
  }
  return headers;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<Response<T>> {
  const method = options.method ?? 'GET';
  const headers = changeHeaders(method);
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (options.ifMatch) {
    headers['If-Match'] = options.ifMatch;
  }
  if (options.idempotencyKey) {
    headers['Idempotency-Key'] = options.idempotencyKey;
  }
  let response: globalThis.Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (failure) {
    throw new ApiError(0, 'Network error', failure instanceof Error ? failure.message : undefined);
  }
  if (response.status === 401) {
    session.expired();
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  const body = (response.status === 204 ? null : await response.json()) as T;
  return { body, etag: response.headers.get('ETag') };
}

export async function get<T>(path: string): Promise<T> {
  return (await request<T>(path)).body;
}

export interface FileRequest {
  method: 'POST' | 'PUT';
  /** A FormData for a multipart part, or a File sent as the whole body with its own type. */
  body: FormData | File;
  contentType?: string;
  ifMatch?: string | null;
  idempotencyKey?: string;
}

/**
 * A file sent to the gateway. XMLHttpRequest rather than fetch, because only it reports the upload's progress,
 * which a 20 MB plan or a year of monitoring data over a county line needs.
 */
export function sendFile<T>(path: string, options: FileRequest, onProgress: (percent: number) => void): Promise<Response<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method, path);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(changeHeaders(options.method))) {
      xhr.setRequestHeader(name, value);
    }
    if (options.contentType) {
      xhr.setRequestHeader('Content-Type', options.contentType);
    }
    if (options.ifMatch) {
      xhr.setRequestHeader('If-Match', options.ifMatch);
    }
    if (options.idempotencyKey) {
      xhr.setRequestHeader('Idempotency-Key', options.idempotencyKey);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(Math.round((event.loaded / event.total) * 100));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'Network error', undefined));
    xhr.onload = () => {
      if (xhr.status === 401) {
        session.expired();
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        void problemOf(new globalThis.Response(xhr.responseText || null, { status: xhr.status })).then(reject);
        return;
      }
      resolve({ body: JSON.parse(xhr.responseText) as T, etag: xhr.getResponseHeader('ETag') });
    };
    xhr.send(options.body);
  });
}

/** One document as the multipart part `file`, replacing the one before (PUT with If-Match). */
export function upload<T>(path: string, file: File, ifMatch: string | null,
  onProgress: (percent: number) => void): Promise<Response<T>> {
  const form = new FormData();
  form.append('file', file);
  return sendFile<T>(path, { method: 'PUT', body: form, ifMatch }, onProgress);
}

async function problemOf(response: globalThis.Response): Promise<ApiError> {
  let problem: { title?: string; detail?: string; errors?: FieldError[] } = {};
  try {
    problem = await response.json();
  } catch {
    // Not every failure has a body (a proxy's 502, say): the status alone then says what happened.
  }
  return new ApiError(
    response.status,
    problem.title ?? response.statusText,
    problem.detail,
    Array.isArray(problem.errors) ? problem.errors : [],
  );
}
