import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { isIsoWeek } from '../../shared/dates/iso-week';
import { populateDemo, type DemoSummary } from '../../core/demo/populate-demo';
import { createWorkspaceFile } from '../../core/workspace/create-workspace';
import { CommandFailure, UsageError } from '../cli-io';
import { defineCommand, requireOption } from '../command';

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'Create the demo workspace (12 pilot stores, 8 weeks) / 生成示例工作区',
  usage: 'pilotdesk demo --workspace FILE [--week 2026-W47] [--force]',
  options: {
    workspace: { type: 'string', short: 'w' },
    week: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run({ values }, io, now) {
    const path = resolve(requireOption(values.workspace, '--workspace', 'demo'));
    if (values.week && !isIsoWeek(values.week)) {
      throw new UsageError(`demo: --week must be an ISO week such as 2026-W47, not "${values.week}"`);
    }
    if (existsSync(path)) {
      if (!values.force) throw new CommandFailure(`${path} already exists (use --force to replace it)`);
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    }
    let summary: DemoSummary | undefined;
    try {
      createWorkspaceFile(
        path,
        { name: '华东试验田（示例）', region: '华东', timeZone: 'Asia/Shanghai', isDemo: true },
        { now, populate: (db) => (summary = populateDemo(db, { now: now(), lastWeek: values.week })) },
      );
    } catch (error) {
      throw new CommandFailure(error instanceof Error ? error.message : String(error));
    }
    if (summary) {
      io.out(
        `Created demo workspace ${path}: ${summary.stores} stores, ${summary.guides} guides, ` +
          `${summary.from} to ${summary.to} (${summary.salesFacts} sales, ${summary.contactFacts} contact, ` +
          `${summary.activityFacts} activity rows)`,
      );
    }
    return 0;
  },
});
