import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import type { MessageKey } from '../shared/i18n/translate';
// The first page people see is bundled with the app, so it renders without a second fetch.
import StoresPage from './features/stores/StoresPage.vue';

/** Pages in sidebar order; a page joins the sidebar when its feature works (UX.md). */
export const pages: { path: string; titleKey: MessageKey; name: string }[] = [
  { path: '/dashboard', titleKey: 'nav.dashboard', name: 'dashboard' },
  { path: '/stores', titleKey: 'nav.stores', name: 'stores' },
  { path: '/guides', titleKey: 'nav.guides', name: 'guides' },
  { path: '/imports', titleKey: 'nav.imports', name: 'imports' },
  { path: '/tiers', titleKey: 'nav.tiers', name: 'tiers' },
  { path: '/review', titleKey: 'nav.review', name: 'review' },
  { path: '/settings', titleKey: 'nav.settings', name: 'settings' },
];

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  { path: '/dashboard', name: 'dashboard', component: () => import('./features/dashboard/DashboardPage.vue') },
  { path: '/stores', name: 'stores', component: StoresPage },
  { path: '/stores/:id', name: 'store', component: () => import('./features/stores/StoreDetailPage.vue'), props: true },
  { path: '/guides', name: 'guides', component: () => import('./features/guides/GuidesPage.vue') },
  { path: '/imports', name: 'imports', component: () => import('./features/imports/ImportsPage.vue') },
  { path: '/tiers', name: 'tiers', component: () => import('./features/tiers/TiersPage.vue') },
  { path: '/review', name: 'review', component: () => import('./features/review/ReviewPage.vue') },
  { path: '/settings', name: 'settings', component: () => import('./features/settings/SettingsPage.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/dashboard' },
];

// Hash history: the desktop app loads from a file, where path-based URLs cannot resolve.
export const router = createRouter({ history: createWebHashHistory(), routes });
