import { describe, expect, it } from 'vitest';
import { coreReviewSections } from '../../../src/core/review/review-sections';
import { reviewSchema } from '../../../src/shared/review/review-schema';
import { reviewSections } from '../../../src/shared/review/sections';
import { callOk } from '../helpers/test-core';
import { liveReview, loadWorkbook, reviewWorkspace, week } from './helpers';

/*
 * A section is one shared entry plus one core and one renderer descriptor (docs/ARCHITECTURE.md,
 * Weekly review). The types check that every key has its descriptors; these tests check that the
 * review document and the workbook are made from the lists and nothing else. The print layout's
 * side is tests/e2e/review.spec.ts.
 */

const sectionKeys: string[] = reviewSections.map((section) => section.key);

describe('review section descriptors', () => {
  it('has one core descriptor per shared section, in the shared order, each with its own sheet', () => {
    expect(coreReviewSections.map((section) => section.key)).toEqual(sectionKeys);
    const sheetNames = coreReviewSections.map((section) => section.sheet.name);
    expect(new Set(sheetNames).size).toBe(sheetNames.length);
    // The document is the sections' fields beside the week's own (week, dates, rule, tier names).
    const fields = Object.keys(reviewSchema.shape);
    expect(fields.filter((field) => sectionKeys.includes(field))).toEqual(sectionKeys);
  });

  it("assembles every section under its key, each valid against its entry's schema", async () => {
    const { core } = await reviewWorkspace();
    const review = await liveReview(core);
    const sections = Object.keys(review).filter((field) => sectionKeys.includes(field));
    expect(sections).toEqual(sectionKeys);
    for (const section of reviewSections) {
      const parsed = section.schema.safeParse(review[section.key]);
      expect(parsed.success, section.key).toBe(true);
    }
    expect(Object.keys(review).sort()).toEqual(Object.keys(reviewSchema.shape).sort());
  });

  it('writes one sheet per descriptor, named and ordered by the descriptors, each with its header row frozen', async () => {
    const { core } = await reviewWorkspace();
    const exported = await callOk(core, 'review.export', { week });
    const book = await loadWorkbook(Buffer.from(exported.contentBase64, 'base64'));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(coreReviewSections.map((section) => section.sheet.name));
    for (const sheet of book.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.rowCount, sheet.name).toBeGreaterThan(1);
    }
  });
});
