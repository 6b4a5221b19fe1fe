import { describe, expect, it } from 'vitest';
import { rememberTarget, routeOf, takeTarget } from '../src/app/afterLogin';

/** sessionStorage as a plain map: the logic runs in Node. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => { items.delete(key); },
    setItem: (key, value) => { items.set(key, value); },
  };
}

const signedIn = { authenticated: true, roles: ['bureau-viewer' as const] };

describe('the screen opened before login', () => {
  it.each([
    ['#/projects/P2021-03', '/projects/P2021-03'],
    ['#/indicators/AIR-PM25?tab=chart', '/indicators/AIR-PM25?tab=chart'],
    ['#/', null],
    ['', null],
    ['#section', null],
  ])('%s names the route %s', (hash, route) => {
    expect(routeOf(hash)).toBe(route);
  });

  it('is where the user lands after login, once', () => {
    const storage = memoryStorage();
    rememberTarget('#/projects/P2021-03', storage);

    expect(takeTarget(signedIn, storage)).toBe('/projects/P2021-03');
    expect(takeTarget(signedIn, storage)).toBeNull();
  });

  it('stays kept while the login has not succeeded', () => {
    const storage = memoryStorage();
    rememberTarget('#/enterprises/E001', storage);

    expect(takeTarget({ authenticated: false }, storage)).toBeNull();
    expect(takeTarget(signedIn, storage)).toBe('/enterprises/E001');
  });

  it('is forgotten when login starts from the start page', () => {
    const storage = memoryStorage();
    rememberTarget('#/projects/P2021-03', storage);
    rememberTarget('#/', storage);

    expect(takeTarget(signedIn, storage)).toBeNull();
  });

  it('is never another site, whatever the storage holds', () => {
    const storage = memoryStorage();
    storage.setItem('ecoplan.afterLogin', '//evil.example/x');
    expect(takeTarget(signedIn, storage)).toBeNull();
    storage.setItem('ecoplan.afterLogin', 'https://evil.example/');
    expect(takeTarget(signedIn, storage)).toBeNull();
  });
});
