/** Events the core pushes to the console (IPC in the desktop app, SSE in browser mode). */
export type ServerEvent =
  | { type: 'workspace.changed'; workspaceId: string | null }
  | { type: 'job.progress'; jobId: string; label: string; done: number; total: number }
  | { type: 'job.finished'; jobId: string; ok: boolean; message?: string };
