import { basename, resolve } from 'node:path';
import { defineCommand, requireOption, type FlagsOf } from '../command';

export const initCommand = defineCommand({
  name: 'init',
  usage: 'pilotdesk init --workspace FILE [--name NAME] [--region REGION] [--time-zone TZ]',
  options: {
    workspace: { type: 'string', short: 'w' },
    name: { type: 'string' },
    region: { type: 'string' },
    'time-zone': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const path = resolve(requireOption(values.workspace, '--workspace', 'init'));
    const input = {
      path,
      name: values.name ?? basename(path).replace(/\.[^.]+$/, ''),
      region: values.region ?? '未指定',
      timeZone: values['time-zone'] ?? 'Asia/Shanghai',
    };
    const flags: FlagsOf = {
      path: { flag: '--workspace', value: values.workspace },
      name: { flag: values.name === undefined ? '--workspace' : '--name', value: values.name ?? values.workspace },
      region: { flag: '--region', value: values.region },
      timeZone: { flag: '--time-zone', value: values['time-zone'], example: 'Asia/Shanghai' },
    };
    const { checkFlags, withCore } = await import('../cli-core');
    checkFlags('init', 'workspace.createFile', input, flags, io.locale);
    return withCore('init', io, now, async (cli) => {
      const info = await cli.call('workspace.createFile', input, flags);
      io.out(`Created workspace ${path} (${info.name}, ${info.region}, ${info.timeZone})`);
      return 0;
    });
  },
});
