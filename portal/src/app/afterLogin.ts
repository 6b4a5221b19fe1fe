// The screens live behind the hash (#/projects/P2021-03), which the browser never sends to the gateway: the
// gateway's saved request can bring the user back to `/` after Keycloak's login, not to the screen they opened.
// So the portal keeps that screen in sessionStorage (this tab only, gone with it) across the round trip.
import type { Me } from './roles';

const KEY = 'ecoplan.afterLogin';

/** The route a location hash names, e.g. `#/projects/P2021-03` → `/projects/P2021-03`; null for the start page. */
export function routeOf(hash: string): string | null {
  if (!hash.startsWith('#/')) {
    return null;
  }
  const path = hash.slice(1);
  return path === '/' ? null : path;
}

/** Keeps the screen the user is on for after the login that is about to start. */
export function rememberTarget(hash: string, storage: Storage = sessionStorage): void {
  const route = routeOf(hash);
  if (route === null) {
    storage.removeItem(KEY);
  } else {
    storage.setItem(KEY, route);
  }
}

/**
 * Where to go once the gateway knows the user: the screen kept before login, once. Only a route of the portal
 * itself counts (`/…` but not `//host`), whatever else the storage may hold. Until the login has succeeded the
 * target stays kept, for the next attempt.
 */
export function takeTarget(me: Me, storage: Storage = sessionStorage): string | null {
  if (!me.authenticated) {
    return null;
  }
  const target = storage.getItem(KEY);
  storage.removeItem(KEY);
  return target !== null && target.startsWith('/') && !target.startsWith('//') ? target : null;
}
