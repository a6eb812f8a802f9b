import { basename, resolve } from 'node:path';
import { workspaceCreateSchema } from '../../shared/workspace/workspace-schema';
import { describeFieldErrors } from '../../shared/i18n/translate';
import { toFieldErrors } from '../../shared/validation/field-errors';
import { createWorkspaceFile } from '../../core/workspace/create-workspace';
import { CommandFailure, UsageError } from '../cli-io';
import { defineCommand, requireOption } from '../command';

export const initCommand = defineCommand({
  name: 'init',
  summary: 'Create an empty workspace file / 新建空工作区',
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
    const parsed = workspaceCreateSchema.safeParse({
      name: values.name ?? basename(path).replace(/\.[^.]+$/, ''),
      region: values.region ?? '未指定',
      timeZone: values['time-zone'] ?? 'Asia/Shanghai',
    });
    if (!parsed.success)
      throw new UsageError(`init: ${describeFieldErrors('en', toFieldErrors(parsed.error), 'workspace')}`);
    try {
      createWorkspaceFile(path, parsed.data, { now });
    } catch (error) {
      throw new CommandFailure(error instanceof Error ? error.message : String(error));
    }
    io.out(`Created workspace ${path} (${parsed.data.name}, ${parsed.data.region}, ${parsed.data.timeZone})`);
    return 0;
  },
});
