import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import type { MessageKey } from '../shared/i18n/translate';
import { dashboardRoutes } from './features/dashboard/routes';
import { guidesRoutes } from './features/guides/routes';
import { importsRoutes } from './features/imports/routes';
import { reviewRoutes } from './features/review/routes';
import { settingsRoutes } from './features/settings/routes';
import { storesRoutes } from './features/stores/routes';
import { tiersRoutes } from './features/tiers/routes';

/** A page's place in the sidebar (and the command palette); a page joins it when its feature works (UX.md). */
export interface SidebarEntry {
  titleKey: MessageKey;
  /** Ascending from the top; features leave gaps of ten so a new page fits between two. */
  order: number;
}

/** One route of a feature, declared in `features/<domain>/routes.ts`. */
export type FeatureRoute = RouteRecordRaw & { sidebar?: SidebarEntry };

/** Every feature's routes: a feature joins the console by adding its list here. */
const featureRoutes: FeatureRoute[] = [
  ...dashboardRoutes,
  ...storesRoutes,
  ...guidesRoutes,
  ...importsRoutes,
  ...tiersRoutes,
  ...reviewRoutes,
  ...settingsRoutes,
];

/** The sidebar's pages, in order. */
export const pages: { path: string; name: string; titleKey: MessageKey }[] = featureRoutes
  .flatMap(({ path, name, sidebar }) => (sidebar ? [{ path, name: String(name), ...sidebar }] : []))
  .sort((a, b) => a.order - b.order)
  .map(({ path, name, titleKey }) => ({ path, name, titleKey }));

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/dashboard' },
  ...featureRoutes,
  { path: '/:pathMatch(.*)*', redirect: '/dashboard' },
];

// Hash history: the desktop app loads from a file, where path-based URLs cannot resolve.
export const router = createRouter({ history: createWebHashHistory(), routes });
