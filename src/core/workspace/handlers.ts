import { existsSync, rmSync } from 'node:fs';
import { todayIn } from '../../shared/dates/local-date';
import { defaultTimeZone } from '../../shared/workspace/workspace-schema';
import { join } from 'node:path';
import { defineHandlers } from '../api/handlers';
import type { HandlerContext } from '../api/handler-context';
import { populateDemo, type DemoSummary } from '../demo/populate-demo';
import { newId } from '../ids';
import { createWorkspaceFile } from './create-workspace';
import { WorkspaceSession } from './workspace-session';

export const demoFileName = 'demo.pilotdesk';
const demoWorkspace = { name: '华东试验田（示例）', region: '华东', timeZone: 'Asia/Shanghai', isDemo: true };

/** Opens a workspace, remembers it for the next launch and tells the console. */
export function openAndRemember(context: HandlerContext, path: string) {
  const info = context.session.open(path);
  context.preferences.rememberWorkspace({ path: info.path, name: info.name, isDemo: info.isDemo }, context.now());
  context.emit({ type: 'workspace.changed', workspaceId: info.id });
  return info;
}

export const workspaceHandlers = defineHandlers('workspace', {
  'workspace.current': (_input, { session }) => session.current(),
  'workspace.clock': (_input, { session, now }) => {
    const at = now();
    // Without a workspace the console still needs a day (the create form's defaults).
    const timeZone = session.current()?.timeZone ?? defaultTimeZone;
    return { now: at.toISOString(), today: todayIn(timeZone, at), timeZone };
  },
  'workspace.recent': (_input, { preferences }) =>
    preferences.read().recentWorkspaces.filter((entry) => existsSync(entry.path)),
  'workspace.create': (fields, context) => {
    const dir = context.session.ensureWorkspacesDir();
    const path = join(dir, WorkspaceSession.fileNameFor(fields.name, newId()));
    createWorkspaceFile(path, fields, { nativeBinding: context.session.options.nativeBinding, now: context.now });
    return openAndRemember(context, path);
  },
  'workspace.openDemo': (input, context) => {
    const path = join(context.session.ensureWorkspacesDir(), demoFileName);
    if (input?.reset || !existsSync(path)) {
      if (context.session.current()?.path === path) context.session.close();
      createWorkspaceFile(path, demoWorkspace, {
        nativeBinding: context.session.options.nativeBinding,
        now: context.now,
        replace: true,
        populate: (db) => populateDemo(db, { now: context.now() }),
      });
    }
    return openAndRemember(context, path);
  },
  'workspace.open': ({ path }, context) => openAndRemember(context, path),
  'workspace.createFile': ({ path, ...fields }, context) => {
    createWorkspaceFile(path, fields, { nativeBinding: context.session.options.nativeBinding, now: context.now });
    return openAndRemember(context, path);
  },
  'workspace.createDemoFile': ({ path, lastWeek, replace }, context) => {
    if (context.session.current()?.path === path) context.session.close();
    // The replaced file's journal must not be read back into the new one.
    if (replace) for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    let summary: DemoSummary | undefined;
    createWorkspaceFile(path, demoWorkspace, {
      nativeBinding: context.session.options.nativeBinding,
      now: context.now,
      replace,
      populate: (db) => (summary = populateDemo(db, { now: context.now(), lastWeek })),
    });
    return { workspace: openAndRemember(context, path), summary: summary as DemoSummary };
  },
  'workspace.close': (_input, context) => {
    context.session.close();
    context.preferences.forgetLastWorkspace();
    context.emit({ type: 'workspace.changed', workspaceId: null });
    return null;
  },
});
