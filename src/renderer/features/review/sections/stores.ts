import StoresPrint from '../print/StoresPrint.vue';
import ReviewStoresTable from '../ReviewStoresTable.vue';
import { defineSection } from './review-section';

export const storesSection = defineSection({ key: 'stores', component: ReviewStoresTable, print: StoresPrint });
