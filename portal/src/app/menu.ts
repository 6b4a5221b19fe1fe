import type { Me, Role } from './roles';
import { BUREAU_STAFF, hasAnyRole } from './roles';

/** A screen of the side menu; `roles` is who may open it. */
export interface MenuEntry {
  path: string;
  label: string;
  icon: string;
  roles: readonly Role[];
}

/** Every screen and who sees it, in menu order. Bureau screens name bureau roles only: an enterprise never sees them. */
export const SCREENS: readonly MenuEntry[] = [
  { path: '/', label: 'menu.overview', icon: 'overview', roles: BUREAU_STAFF },
  { path: '/indicators', label: 'menu.indicators', icon: 'indicators', roles: BUREAU_STAFF },
  { path: '/air-quality', label: 'menu.airQuality', icon: 'air', roles: BUREAU_STAFF },
  { path: '/approvals', label: 'menu.approvals', icon: 'approvals', roles: ['eco-admin'] },
  { path: '/projects', label: 'menu.projects', icon: 'projects', roles: BUREAU_STAFF },
  { path: '/reviews', label: 'menu.reviews', icon: 'reviews', roles: ['plan-reviewer', 'eco-admin'] },
  { path: '/enterprises', label: 'menu.enterprises', icon: 'enterprises', roles: BUREAU_STAFF },
  { path: '/risk-calculator', label: 'menu.calculator', icon: 'calculator', roles: BUREAU_STAFF },
  { path: '/my-filings', label: 'menu.myFilings', icon: 'filings', roles: ['enterprise'] },
  { path: '/my-enterprise', label: 'menu.myEnterprise', icon: 'enterprises', roles: ['enterprise'] },
];

export function menuFor(me: Me): MenuEntry[] {
  if (!me.authenticated) {
    return [];
  }
  return SCREENS.filter((screen) => hasAnyRole(me, screen.roles));
}

/** Where a user lands: the overview for bureau staff, their own filings for an enterprise. */
export function homeFor(me: Me): string | null {
  return menuFor(me)[0]?.path ?? null;
}

/** Whether a route that requires `roles` is open to the user; a route without roles is open to every user. */
export function mayOpen(me: Me, roles: readonly Role[] | undefined): boolean {
  return roles === undefined || hasAnyRole(me, roles);
}
