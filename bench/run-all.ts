import { cpus } from 'node:os';
import { benchFirstTable } from './first-table.bench';
import { benchGuidesList } from './guides-list.bench';
import { benchImport } from './import.bench';
import { benchReview } from './review.bench';
import { benchStartup } from './startup.bench';
import { benchTiers } from './tiers.bench';

/** `npm run bench`: prints every figure measured in this one run; docs/PERFORMANCE.md records them. */
const lines = [
  `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  ...(await benchStartup()),
  ...(await benchGuidesList()),
  ...(await benchFirstTable()),
  ...(await benchImport()),
  ...(await benchTiers()),
  ...(await benchReview()),
];
process.stdout.write(`${lines.join('\n')}\n`);
