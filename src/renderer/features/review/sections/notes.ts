import NotesPrint from '../print/NotesPrint.vue';
import ReviewNotesSection from '../ReviewNotesSection.vue';
import { defineSection } from './review-section';

export const notesSection = defineSection({ key: 'notes', component: ReviewNotesSection, print: NotesPrint });
