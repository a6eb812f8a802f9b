import { benchImport } from './import.bench';

/** `npm run bench:import`: the import benchmark alone. */
process.stdout.write(`${(await benchImport()).join('\n')}\n`);
