import { reactive } from 'vue';
import type { Me } from './roles';

/** Who is logged in, as the gateway answered /api/v1/me when the portal started. */
export const currentUser = reactive<Me>({ authenticated: false });

export function setCurrentUser(me: Me): void {
  Object.assign(currentUser, { username: undefined, roles: [], department: undefined, enterpriseId: undefined }, me);
}
