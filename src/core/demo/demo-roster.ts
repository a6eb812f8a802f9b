import { addDays } from '../../shared/dates/local-date';
import type { GuideRole } from '../../shared/guides/guide-schema';
import type { DemoStore } from './demo-stores';
import { givenNames, surnames } from './demo-stores';
import type { SeededRandom } from './random';

export interface DemoGuide {
  storeCode: string;
  staffNo: string;
  name: string;
  role: GuideRole;
  hireDate: string;
  leftOn: string | null;
  phone: string;
  wecomAccount: string;
  /** How much of the store's trade this guide handles (a new hire less, the manager more). */
  weight: number;
  /** The one guide whose contact numbers are padded in the last week (灌水), as in seed 004. */
  pads: boolean;
}

/**
 * The roster: a manager and guides per store, staff numbers with leading zeros, a few who
 * left during the eight weeks, a few new hires, and one name shared by guides in two stores.
 */
export function buildDemoRoster(
  stores: readonly DemoStore[],
  random: SeededRandom,
  range: { from: string; to: string },
): DemoGuide[] {
  const guides: DemoGuide[] = [];
  const usedNames = new Set<string>();
  const usedAccounts = new Set<string>();
  let serial = 0;
  stores.forEach((store, storeIndex) => {
    for (let index = 0; index < store.guideCount; index += 1) {
      serial += 1;
      const sharedName = (store.code === 'SH001' || store.code === 'HZ001') && index === 2;
      let surname: readonly [string, string];
      let given: readonly [string, string];
      do {
        surname = sharedName ? (surnames[0] as readonly [string, string]) : random.pick(surnames);
        given = sharedName ? (givenNames[0] as readonly [string, string]) : random.pick(givenNames);
      } while (!sharedName && usedNames.has(surname[0] + given[0]));
      const name = surname[0] + given[0];
      usedNames.add(name);
      let account = surname[1] + given[1];
      if (usedAccounts.has(account)) account = `${account}${String(serial).padStart(3, '0')}`;
      usedAccounts.add(account);

      const isNewHire = index === store.guideCount - 1 && storeIndex % 3 === 0;
      const hireDate = isNewHire
        ? addDays(range.from, random.int(14, 35))
        : addDays(range.from, -random.int(120, 2400));
      const leaves = index > 0 && !isNewHire && (storeIndex * 7 + index) % 19 === 4;
      guides.push({
        storeCode: store.code,
        staffNo: String(10000 + storeIndex * 100 + index + 1).padStart(6, '0'),
        name,
        role: index === 0 ? 'manager' : 'guide',
        hireDate,
        leftOn: leaves ? addDays(range.from, random.int(10, 45)) : null,
        phone: `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
        wecomAccount: account,
        weight: index === 0 ? 1.2 : isNewHire ? 0.5 : random.between(0.8, 1.15),
        pads: store.code === 'HZ003' && index === 3,
      });
    }
  });
  return guides;
}

/** Whether a guide worked on a day: hired by then and not yet gone. */
export function worksOn(guide: DemoGuide, date: string): boolean {
  return guide.hireDate <= date && (guide.leftOn === null || date < guide.leftOn);
}
