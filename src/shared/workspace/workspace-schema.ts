import { z } from 'zod';
import { requiredText } from '../validation/common';

export const workspaceInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string(),
  timeZone: z.string(),
  isDemo: z.boolean(),
  path: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
});
export type WorkspaceInfo = z.infer<typeof workspaceInfoSchema>;

/** Where a new workspace is, unless the user says otherwise. */
export const defaultTimeZone = 'Asia/Shanghai';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const workspaceCreateSchema = z.object({
  name: requiredText(60),
  region: requiredText(30),
  timeZone: z.string().trim().refine(isTimeZone, { error: 'timeZone' }).default(defaultTimeZone),
});
export type WorkspaceCreateInput = z.input<typeof workspaceCreateSchema>;

/** What time it is for the console: the core's clock, and today in the workspace's time zone. */
export const workspaceClockSchema = z.object({
  now: z.string(),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  timeZone: z.string(),
});
export type WorkspaceClock = z.infer<typeof workspaceClockSchema>;

export const recentWorkspaceSchema = z.object({
  path: z.string(),
  name: z.string(),
  isDemo: z.boolean(),
  openedAt: z.string(),
});
export type RecentWorkspace = z.infer<typeof recentWorkspaceSchema>;
