import GuidesPrint from '../print/GuidesPrint.vue';
import ReviewGuidesTable from '../ReviewGuidesTable.vue';
import { defineSection } from './review-section';

export const guidesSection = defineSection({ key: 'guides', component: ReviewGuidesTable, print: GuidesPrint });
