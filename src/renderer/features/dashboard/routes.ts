import type { FeatureRoute } from '../../router';

export const dashboardRoutes: FeatureRoute[] = [
  {
    path: '/dashboard',
    name: 'dashboard',
    component: () => import('./DashboardPage.vue'),
    sidebar: { titleKey: 'nav.dashboard', order: 10 },
  },
];
