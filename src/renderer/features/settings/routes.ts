import type { FeatureRoute } from '../../router';

export const settingsRoutes: FeatureRoute[] = [
  {
    path: '/settings',
    name: 'settings',
    component: () => import('./SettingsPage.vue'),
    sidebar: { titleKey: 'nav.settings', order: 70 },
  },
];
