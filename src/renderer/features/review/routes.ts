import type { FeatureRoute } from '../../router';

export const reviewRoutes: FeatureRoute[] = [
  {
    path: '/review',
    name: 'review',
    component: () => import('./ReviewPage.vue'),
    sidebar: { titleKey: 'nav.review', order: 60 },
  },
];
