import MoversPrint from '../print/MoversPrint.vue';
import ReviewMovers from '../ReviewMovers.vue';
import { defineSection } from './review-section';

export const moversSection = defineSection({ key: 'movers', component: ReviewMovers, print: MoversPrint });
