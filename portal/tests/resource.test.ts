import { describe, expect, it } from 'vitest';
import { isEmpty, useResource } from '../src/app/resource';
import { ApiError } from '../src/api/http';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a piece of a screen that loads on its own', () => {
  it('holds the answer once loaded', async () => {
    const resource = useResource(async () => ({ items: [1] }));
    expect(resource.loading.value).toBe(true);
    await settle();
    expect(resource.loading.value).toBe(false);
    expect(resource.data.value).toEqual({ items: [1] });
    expect(resource.error.value).toBeNull();
  });

  it('keeps a failure to itself as an ApiError', async () => {
    const resource = useResource(async () => {
      throw new ApiError(503, 'Service Unavailable', 'project-service is unavailable');
    });
    await settle();
    expect(resource.data.value).toBeNull();
    expect(resource.error.value).toMatchObject({ status: 503, unavailable: true });
  });

  it('drops the answer of a load overtaken by a newer one', async () => {
    const pending: ((value: string) => void)[] = [];
    const resource = useResource(() => new Promise<string>((resolve) => pending.push(resolve)));
    const second = resource.reload();
    pending[1]('new');
    await second;
    pending[0]('old');
    await settle();
    expect(resource.data.value).toBe('new');
  });

  it.each([
    [null, true], [[], true], [{ items: [] }, true], [{ items: [1] }, false], [[1], false], [{ total: 0 }, false],
  ])('%j is empty: %s', (value, expected) => {
    expect(isEmpty(value)).toBe(expected);
  });
});
