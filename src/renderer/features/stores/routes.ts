import type { FeatureRoute } from '../../router';
// The first page people see is bundled with the app, so it renders without a second fetch.
import StoresPage from './StoresPage.vue';

export const storesRoutes: FeatureRoute[] = [
  { path: '/stores', name: 'stores', component: StoresPage, sidebar: { titleKey: 'nav.stores', order: 20 } },
  { path: '/stores/:id', name: 'store', component: () => import('./StoreDetailPage.vue'), props: true },
];
