import OverviewPrint from '../print/OverviewPrint.vue';
import ReviewOverview from '../ReviewOverview.vue';
import { defineSection } from './review-section';

export const overviewSection = defineSection({ key: 'overview', component: ReviewOverview, print: OverviewPrint });
