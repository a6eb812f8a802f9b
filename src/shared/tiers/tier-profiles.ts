import { z } from 'zod';
import { allTierKeys, tierGrids, tierKeysByGrid, type TierGrid } from './tier-rule';

/** What a tier is called and what the trainer does with its stores (METRICS.md defaults). */
export const tierProfileSchema = z.object({
  tier: z.string().refine((key) => allTierKeys.includes(key), { error: 'unknownTier' }),
  name: z.string().trim().min(1, { error: 'required' }).max(20, { error: 'tooLong' }),
  playbook: z.string().trim().max(500, { error: 'tooLong' }),
  checklist: z
    .array(z.string().trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }))
    .max(20, { error: 'tooMany' }),
});
export type TierProfile = z.output<typeof tierProfileSchema>;

export const tierProfilesPatchSchema = z.object({
  grid: z.enum(tierGrids),
  profiles: z.array(tierProfileSchema).max(9),
});

type ProfileText = { name: string; playbook: string; checklist: string[] };
type Defaults<K extends string> = Record<K, ProfileText>;

const twoByTwo: Defaults<(typeof tierKeysByGrid)['2x2'][number]> = {
  A: {
    name: '标杆',
    playbook: '总结打法、分享方法，给其他门店做示范。',
    checklist: ['整理本周有效话术和朋友圈素材', '安排一次经验分享（线上或到店）', '推荐 1 名标杆导购'],
  },
  B: {
    name: '线上化提升',
    playbook: '业绩好但线上占比低：抓朋友圈和社群节奏，收银台加企微。',
    checklist: ['收银台放置企微二维码，成交必加', '每日朋友圈 3 条按内容日历发布', '社群每周 2 次活动'],
  },
  C: {
    name: '业绩提升',
    playbook: '线上化好但业绩低：做活动、会员专享、选品。',
    checklist: ['策划一次会员专享活动', '复盘主推款和库存', '对高意向客户一对一跟进'],
  },
  D: {
    name: '重点帮扶',
    playbook: '业绩和线上化都低：督导到店辅导，补 SOP 基础，培训店长。',
    checklist: ['督导本周到店辅导一次', '对照 SOP 检查企微基础动作', '安排店长培训'],
  },
};

const threeByThree: Defaults<(typeof tierKeysByGrid)['3x3'][number]> = {
  HH: { name: '标杆', playbook: twoByTwo.A.playbook, checklist: twoByTwo.A.checklist },
  HM: { name: '线上化冲刺', playbook: '业绩高、线上化中等：把线上占比推到标杆水平。', checklist: twoByTwo.B.checklist },
  HL: { name: '线上化提升', playbook: twoByTwo.B.playbook, checklist: twoByTwo.B.checklist },
  MH: { name: '业绩冲刺', playbook: '线上化好、业绩中等：用活动和会员专享拉业绩。', checklist: twoByTwo.C.checklist },
  MM: {
    name: '稳步提升',
    playbook: '两项都在中间：按 SOP 稳定执行，每周盯一项短板。',
    checklist: ['选定本周要补的一项短板', '按 SOP 完成每日动作'],
  },
  ML: {
    name: '线上化起步',
    playbook: '业绩中等、线上化低：先把企微加粉和朋友圈做起来。',
    checklist: twoByTwo.B.checklist,
  },
  LH: { name: '业绩提升', playbook: twoByTwo.C.playbook, checklist: twoByTwo.C.checklist },
  LM: {
    name: '重点关注',
    playbook: '业绩低、线上化中等：查客流和转化，督导远程跟进。',
    checklist: ['督导本周远程复盘一次', '策划一次会员专享活动'],
  },
  LL: { name: '重点帮扶', playbook: twoByTwo.D.playbook, checklist: twoByTwo.D.checklist },
};

export const defaultTierProfiles = { '2x2': twoByTwo, '3x3': threeByThree };

export function defaultProfilesFor(grid: TierGrid): TierProfile[] {
  const texts: Record<string, ProfileText> = defaultTierProfiles[grid];
  return tierKeysByGrid[grid].map((tier) => ({ tier, ...(texts[tier] as ProfileText) }));
}

/** Tier colours: green for the best, red for the most support, the same in the app and exports. */
export const tierColors: Record<string, string> = {
  A: '#18a058',
  B: '#2080f0',
  C: '#f0a020',
  D: '#d03050',
  HH: '#18a058',
  HM: '#36ad6a',
  HL: '#2080f0',
  MH: '#7fb800',
  MM: '#8a8a8a',
  ML: '#4098fc',
  LH: '#f0a020',
  LM: '#e88080',
  LL: '#d03050',
};
