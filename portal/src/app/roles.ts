// The platform roles as the gateway's /api/v1/me lists them (common's PlatformRoles).

export type Role =
  | 'eco-admin'
  | 'bureau-editor'
  | 'bureau-viewer'
  | 'plan-reviewer'
  | 'enterprise'
  | 'integrator-read'
  | 'integrator-write';

export interface Me {
  authenticated: boolean;
  username?: string;
  roles?: Role[];
  department?: string;
  enterpriseId?: string;
}

export const BUREAU_STAFF: readonly Role[] = ['eco-admin', 'bureau-editor', 'bureau-viewer', 'plan-reviewer'];

export function hasAnyRole(me: Me, roles: readonly Role[]): boolean {
  return (me.roles ?? []).some((role) => roles.includes(role));
}

export function isBureauStaff(me: Me): boolean {
  return hasAnyRole(me, BUREAU_STAFF);
}

/**
 * Whether the user may change a record of a department: eco-admin anywhere, a bureau-editor in their own
 * department only (the services answer 404 otherwise, so the portal does not offer what would fail).
 */
export function canEditFor(me: Me, department: string | null | undefined): boolean {
  if (hasAnyRole(me, ['eco-admin'])) {
    return true;
  }
  return hasAnyRole(me, ['bureau-editor']) && department !== undefined && department !== null
    && me.department === department;
}
