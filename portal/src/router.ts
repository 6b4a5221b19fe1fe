import { createRouter, createWebHashHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router';
import { BUREAU_STAFF, type Me, type Role } from './app/roles';
import { homeFor, mayOpen } from './app/menu';
import { currentUser } from './app/session';

declare module 'vue-router' {
  interface RouteMeta {
    roles?: readonly Role[];
  }
}

/** Who reviews emergency-plan filings (risk-service's FilingAccess.REVIEWERS). */
const REVIEWERS: readonly Role[] = ['plan-reviewer', 'eco-admin'];

const routes: RouteRecordRaw[] = [
  { path: '/', component: () => import('./views/OverviewView.vue'), meta: { roles: BUREAU_STAFF } },
  { path: '/indicators', component: () => import('./views/IndicatorListView.vue'), meta: { roles: BUREAU_STAFF } },
  {
    path: '/indicators/:code',
    component: () => import('./views/IndicatorDetailView.vue'),
    props: true,
    meta: { roles: BUREAU_STAFF },
  },
  { path: '/air-quality', component: () => import('./views/AirQualityView.vue'), meta: { roles: BUREAU_STAFF } },
  { path: '/approvals', component: () => import('./views/ApprovalQueueView.vue'), meta: { roles: ['eco-admin'] } },
  { path: '/projects', component: () => import('./views/ProjectListView.vue'), meta: { roles: BUREAU_STAFF } },
  {
    path: '/projects/:code',
    component: () => import('./views/ProjectDetailView.vue'),
    props: true,
    meta: { roles: BUREAU_STAFF },
  },
  { path: '/reviews', component: () => import('./views/ReviewQueueView.vue'), meta: { roles: REVIEWERS } },
  { path: '/reviews/:id', component: () => import('./views/ReviewView.vue'), props: true, meta: { roles: REVIEWERS } },
  { path: '/enterprises', component: () => import('./views/EnterpriseListView.vue'), meta: { roles: BUREAU_STAFF } },
  {
    path: '/enterprises/:id',
    component: () => import('./views/EnterpriseDetailView.vue'),
    props: true,
    // An enterprise account opens its own; risk-service answers 404 for anyone else's.
    meta: { roles: [...BUREAU_STAFF, 'enterprise'] },
  },
  { path: '/risk-calculator', component: () => import('./views/GradingCalculatorView.vue'), meta: { roles: BUREAU_STAFF } },
  { path: '/my-enterprise', redirect: () => `/enterprises/${currentUser.enterpriseId ?? ''}`, meta: { roles: ['enterprise'] } },
  { path: '/my-filings/new', component: () => import('./views/FilingView.vue'), meta: { roles: ['enterprise'] } },
  {
    path: '/my-filings/:id',
    component: () => import('./views/FilingView.vue'),
    props: true,
    meta: { roles: ['enterprise'] },
  },
  { path: '/my-filings', component: () => import('./views/MyFilingsView.vue'), meta: { roles: ['enterprise'] } },
  { path: '/no-access', component: () => import('./views/NoAccessView.vue') },
  { path: '/:unknown(.*)*', redirect: '/' },
];

/**
 * Where a navigation may go: a screen outside the user's roles sends them to their own start screen, so an
 * enterprise user who types a bureau address lands on their filings instead of a page of failed calls.
 */
export function guard(me: Me, roles: readonly Role[] | undefined, path: string): RouteLocationRaw | true {
  // Anonymous visitors see the login screen whatever the address; after login they come back to it.
  if (!me.authenticated || mayOpen(me, roles)) {
    return true;
  }
  const home = homeFor(me) ?? '/no-access';
  return home === path ? '/no-access' : home;
}

// Hash history: every screen is the one index.html the gateway serves at /, so no server-side fallback route
// (and no change to the gateway's public paths) is needed for deep links.
export const router = createRouter({ history: createWebHashHistory(), routes });

router.beforeEach((to) => guard(currentUser, to.meta.roles, to.path));
