import { cpus } from 'node:os';
import { benchReview } from './review.bench';

/** `npm run bench:review`: the weekly review benchmark alone. */
const lines = [
  `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  ...(await benchReview()),
];
process.stdout.write(`${lines.join('\n')}\n`);
