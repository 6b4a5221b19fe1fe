// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError, asApiError, etagOf, query, readCookie, request, sendFile, session, upload,
} from '../src/api/http';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

describe('calls to the gateway', () => {
  const fetchMock = vi.fn();
  const expired = vi.fn();
  const originalExpired = session.expired;

  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    session.expired = expired;
    document.cookie = 'XSRF-TOKEN=abc%2D123';
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    expired.mockReset();
    session.expired = originalExpired;
  });

  it('returns the body and the ETag', async () => {
    fetchMock.mockResolvedValue(answer(200, { code: 'AIR-PM25' }, { ETag: '"3"' }));
    const response = await request<{ code: string }>('/api/v1/indicators/AIR-PM25');
    expect(response).toEqual({ body: { code: 'AIR-PM25' }, etag: '"3"' });
    const [, init] = fetchMock.mock.calls[0];
    expect(init.credentials).toBe('same-origin');
    expect(init.headers['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('sends the CSRF cookie\'s value, If-Match and Idempotency-Key on a change', async () => {
    fetchMock.mockResolvedValue(answer(201, { id: 'o1' }));
    await request('/api/v1/indicators/AIR-PM25/observations', {
      method: 'POST', body: { value: 1 }, ifMatch: '"2"', idempotencyKey: 'k-1',
    });
    const [, init] = fetchMock.mock.calls[0];
    expect(init.method).toBe('POST');
    expect(init.headers['X-XSRF-TOKEN']).toBe('abc-123');
    expect(init.headers['If-Match']).toBe('"2"');
    expect(init.headers['Idempotency-Key']).toBe('k-1');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"value":1}');
  });

  it('sends the user to the login when the session has ended', async () => {
    fetchMock.mockResolvedValue(answer(401, { title: 'Unauthorized', status: 401 }));
    await expect(request('/api/v1/projects')).rejects.toMatchObject({ status: 401 });
    expect(expired).toHaveBeenCalledOnce();
  });

  it('turns a problem+json answer into an ApiError with its field errors', async () => {
    fetchMock.mockResolvedValue(answer(400, {
      title: 'Bad Request', status: 400, detail: 'Invalid request content.',
      errors: [{ field: 'period', message: 'must be a year like 2023 or a month like 2023-05' }],
    }));
    const error = await request('/api/v1/indicators/X/observations', { method: 'POST', body: {} })
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, detail: 'Invalid request content.', unavailable: false });
    expect((error as ApiError).errors).toEqual([
      { field: 'period', message: 'must be a year like 2023 or a month like 2023-05' },
    ]);
    expect(expired).not.toHaveBeenCalled();
  });

  it.each([502, 503, 504])('marks %s from the gateway as the service being unavailable', async (status) => {
    fetchMock.mockResolvedValue(answer(status, null));
    await expect(request('/api/v1/projects/portfolio')).rejects.toMatchObject({ status, unavailable: true });
  });

  it('marks a network failure as unavailable', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(request('/api/v1/me')).rejects.toMatchObject({ status: 0, unavailable: true });
  });

  it('answers null for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    expect((await request('/x', { method: 'DELETE' })).body).toBeNull();
  });
});

describe('helpers', () => {
  it('reads one cookie among several', () => {
    expect(readCookie('XSRF-TOKEN', 'SESSION=x; XSRF-TOKEN=a%20b; other=1')).toBe('a b');
    expect(readCookie('XSRF-TOKEN', 'SESSION=x')).toBeNull();
  });

  it('builds a query from the set parameters only', () => {
    expect(query({ status: 'SUBMITTED', size: 200, type: '', year: null, delayedOnly: undefined }))
      .toBe('?status=SUBMITTED&size=200');
    expect(query({})).toBe('');
  });

  it('turns a version into the ETag the services send', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(etagOf(0)).toBe('"0"');
    expect(etagOf(undefined)).toBeNull();
  });
});

describe('uploads', () => {
  class FakeXhr {
    static last: FakeXhr;
    headers: Record<string, string> = {};
    status = 0;
    responseText = '';
    upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    withCredentials = false;
    method = '';
    url = '';
    sent: FormData | File | null = null;
    responseHeaders: Record<string, string> = {};

    constructor() {
      FakeXhr.last = this;
    }

    open(method: string, url: string): void {
      this.method = method;
      this.url = url;
    }

    setRequestHeader(name: string, value: string): void {
      this.headers[name] = value;
    }

    getResponseHeader(name: string): string | null {
      return this.responseHeaders[name] ?? null;
    }

    send(body: FormData | File): void {
      this.sent = body;
    }

    answer(status: number, body: unknown, headers: Record<string, string> = {}): void {
      this.status = status;
      this.responseText = JSON.stringify(body);
      this.responseHeaders = headers;
      this.onload?.();
    }
  }

  beforeEach(() => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    document.cookie = 'XSRF-TOKEN=abc%2D123';
  });

  afterEach(() => vi.unstubAllGlobals());

  it('sends the file as the part "file" with If-Match and the CSRF token, and reports progress', async () => {
    const percents: number[] = [];
    const file = new File(['%PDF-1.4'], 'plan.pdf', { type: 'application/pdf' });
    const pending = upload<{ id: string }>('/api/v1/emergency-plans/f1/documents/plan', file, '"3"',
      (percent) => percents.push(percent));
    const xhr = FakeXhr.last;
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 4 });
    xhr.answer(200, { id: 'f1' }, { ETag: '"4"' });

    expect(await pending).toEqual({ body: { id: 'f1' }, etag: '"4"' });
    expect(xhr.method).toBe('PUT');
    expect(xhr.withCredentials).toBe(true);
    expect(xhr.headers).toMatchObject({ 'If-Match': '"3"', 'X-XSRF-TOKEN': 'abc-123' });
    expect(((xhr.sent as FormData).get('file') as File).name).toBe('plan.pdf');
    expect(percents).toEqual([25]);
  });

  it('sends a whole file as the body with its type and Idempotency-Key', async () => {
    const file = new File(['indicatorCode,period'], 'obs.csv');
    const pending = sendFile('/api/v1/indicators/observations/import',
      { method: 'POST', body: file, contentType: 'text/csv', idempotencyKey: 'k-9' }, () => undefined);
    const xhr = FakeXhr.last;
    xhr.answer(201, { imported: 2 });
    expect((await pending).body).toEqual({ imported: 2 });
    expect(xhr.method).toBe('POST');
    expect(xhr.headers).toMatchObject({ 'Content-Type': 'text/csv', 'Idempotency-Key': 'k-9', 'X-XSRF-TOKEN': 'abc-123' });
    expect(xhr.sent).toBe(file);
  });

  it('turns a refused file into an ApiError with the service\'s detail', async () => {
    const pending = upload('/x', new File(['x'], 'x.exe'), '"0"', () => undefined);
    FakeXhr.last.answer(415, { title: 'Unsupported Media Type', status: 415, detail: 'PDF, DOC/DOCX, JPEG or PNG only' });
    await expect(pending).rejects.toMatchObject({ status: 415, detail: 'PDF, DOC/DOCX, JPEG or PNG only' });
  });
});

describe('asApiError', () => {
  it('keeps an ApiError and wraps anything else', () => {
    const problem = new ApiError(404, 'Not Found', undefined);
    expect(asApiError(problem)).toBe(problem);
    expect(asApiError(new Error('boom'))).toMatchObject({ status: 0, detail: 'Error: boom' });
  });
});
