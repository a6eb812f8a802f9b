import { cpus } from 'node:os';
import { benchTiers } from './tiers.bench';

/** `npm run bench:tiers`: the weekly dashboard and tiers benchmark alone. */
const lines = [
  `machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  ...(await benchTiers()),
];
process.stdout.write(`${lines.join('\n')}\n`);
