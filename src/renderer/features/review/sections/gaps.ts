import GapsPrint from '../print/GapsPrint.vue';
import ReviewGaps from '../ReviewGaps.vue';
import { defineSection } from './review-section';

export const gapsSection = defineSection({ key: 'gaps', component: ReviewGaps, print: GapsPrint });
