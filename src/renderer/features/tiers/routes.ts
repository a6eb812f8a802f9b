import type { FeatureRoute } from '../../router';

export const tiersRoutes: FeatureRoute[] = [
  {
    path: '/tiers',
    name: 'tiers',
    component: () => import('./TiersPage.vue'),
    sidebar: { titleKey: 'nav.tiers', order: 50 },
  },
];
