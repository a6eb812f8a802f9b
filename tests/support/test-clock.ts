import { parseClockValue } from '../../src/core/clock/clock';

/**
 * The moment every test runs at. By default a Monday morning in Shanghai, the day after ISO week
 * 2026-W47 ended. `npm test` runs the date-sensitive tests again at other moments by setting
 * PILOTDESK_TEST_NOW (scripts/test-all.mjs); tests hand this clock to the core and the page
 * explicitly, so no test reads the machine's date.
 */
export const defaultTestNow = '2026-11-23T10:00:00+08:00';

export const testNowText = process.env.PILOTDESK_TEST_NOW ?? defaultTestNow;

export const testNow: Date = parseClockValue(testNowText);
