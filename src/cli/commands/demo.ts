import { resolve } from 'node:path';
import { defineCommand, requireOption, type FlagsOf } from '../command';

export const demoCommand = defineCommand({
  name: 'demo',
  usage: 'pilotdesk demo --workspace FILE [--week 2026-W47] [--force]',
  options: {
    workspace: { type: 'string', short: 'w' },
    week: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const path = resolve(requireOption(values.workspace, '--workspace', 'demo'));
    const input = { path, lastWeek: values.week, replace: Boolean(values.force) };
    const flags: FlagsOf = {
      path: { flag: '--workspace', value: values.workspace },
      lastWeek: { flag: '--week', value: values.week, example: '2026-W47' },
    };
    const { checkFlags, withCore, OperationFailure } = await import('../cli-core');
    checkFlags('demo', 'workspace.createDemoFile', input, flags, io.locale);
    return withCore('demo', io, now, async (cli) => {
      let created;
      try {
        created = await cli.call('workspace.createDemoFile', input, flags);
      } catch (error) {
        if (error instanceof OperationFailure && error.reason === 'exists') {
          throw new OperationFailure(`${path} already exists (use --force to replace it)`, error.error);
        }
        throw error;
      }
      const { summary } = created;
      io.out(
        `Created demo workspace ${path}: ${summary.stores} stores, ${summary.guides} guides, ` +
          `${summary.from} to ${summary.to} (${summary.salesFacts} sales, ${summary.contactFacts} contact, ` +
          `${summary.activityFacts} activity rows)`,
      );
      return 0;
    });
  },
});
