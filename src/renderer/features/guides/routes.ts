import type { FeatureRoute } from '../../router';

export const guidesRoutes: FeatureRoute[] = [
  {
    path: '/guides',
    name: 'guides',
    component: () => import('./GuidesPage.vue'),
    sidebar: { titleKey: 'nav.guides', order: 30 },
  },
];
