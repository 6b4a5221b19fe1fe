// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, etagOf, query, readCookie, request, session } from '../src/api/http';

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
