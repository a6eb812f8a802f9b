/** Sales channels as METRICS.md defines them; `pos` is the only offline one. */
export const channels = ['pos', 'miniProgram', 'miniMall', 'app', 'live', 'otherOnline'] as const;
export type Channel = (typeof channels)[number];

export function isOnlineChannel(channel: Channel): boolean {
  return channel !== 'pos';
}
