import type { FeatureRoute } from '../../router';

export const importsRoutes: FeatureRoute[] = [
  {
    path: '/imports',
    name: 'imports',
    component: () => import('./ImportsPage.vue'),
    sidebar: { titleKey: 'nav.imports', order: 40 },
  },
];
