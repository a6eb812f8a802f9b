import type { PilotWave, StoreType } from '../../shared/stores/store-schema';

export interface DemoStore {
  code: string;
  name: string;
  city: string;
  region: string;
  storeType: StoreType;
  pilotWave: PilotWave;
  openedOn: string;
  /** Typical net sales on a weekday, in yuan. */
  dailySales: number;
  /** Share of sales through the mini-program, mini-mall, APP and live streams at the start. */
  onlineShare: number;
  /** How well the store runs the plan (0–1): drives moments posts, new contacts, growth. */
  execution: number;
  guideCount: number;
  hasLive: boolean;
}

export const demoDealerName = '杭州禾丰商贸有限公司';

/**
 * Twelve pilot stores in two cities, as in the seeds (the 12 of 300+), plus four stores not yet
 * in the pilot so the pilot can be compared with the rest. Profiles differ on purpose: one store
 * sells 30% online, another 5% (seed 000).
 */
export const demoStores: readonly DemoStore[] = [
  { code: 'SH001', name: '上海静安嘉里店', city: '上海', region: '上海区', storeType: 'direct', pilotWave: 'pilot', openedOn: '2018-05-01', dailySales: 16800, onlineShare: 0.3, execution: 0.9, guideCount: 9, hasLive: true },
  { code: 'SH002', name: '上海徐汇日月光店', city: '上海', region: '上海区', storeType: 'direct', pilotWave: 'pilot', openedOn: '2019-03-16', dailySales: 12600, onlineShare: 0.18, execution: 0.75, guideCount: 8, hasLive: false },
  { code: 'SH003', name: '上海浦东正大广场店', city: '上海', region: '上海区', storeType: 'direct', pilotWave: 'pilot', openedOn: '2017-10-01', dailySales: 18500, onlineShare: 0.07, execution: 0.45, guideCount: 10, hasLive: false },
  { code: 'SH004', name: '上海长宁来福士店', city: '上海', region: '上海区', storeType: 'direct', pilotWave: 'pilot', openedOn: '2020-06-18', dailySales: 9800, onlineShare: 0.26, execution: 0.85, guideCount: 7, hasLive: true },
  { code: 'SH005', name: '上海闵行万象城店', city: '上海', region: '上海区', storeType: 'direct', pilotWave: 'pilot', openedOn: '2021-01-08', dailySales: 8600, onlineShare: 0.05, execution: 0.35, guideCount: 7, hasLive: false },
  { code: 'SH006', name: '上海杨浦五角场店', city: '上海', region: '上海区', storeType: 'direct', pilotWave: 'pilot', openedOn: '2019-09-20', dailySales: 11200, onlineShare: 0.12, execution: 0.6, guideCount: 8, hasLive: false },
  { code: 'SH007', name: '上海普陀环球港店', city: '上海', region: '上海区', storeType: 'direct', pilotWave: 'pilot', openedOn: '2018-11-11', dailySales: 10400, onlineShare: 0.21, execution: 0.7, guideCount: 8, hasLive: false },
  { code: 'HZ001', name: '杭州湖滨银泰店', city: '杭州', region: '浙江区', storeType: 'direct', pilotWave: 'pilot', openedOn: '2018-04-28', dailySales: 15200, onlineShare: 0.16, execution: 0.8, guideCount: 9, hasLive: true },
  { code: 'HZ002', name: '杭州西溪印象城店', city: '杭州', region: '浙江区', storeType: 'franchise', pilotWave: 'pilot', openedOn: '2020-09-26', dailySales: 9200, onlineShare: 0.09, execution: 0.5, guideCount: 7, hasLive: false },
  { code: 'HZ003', name: '杭州滨江龙湖天街店', city: '杭州', region: '浙江区', storeType: 'franchise', pilotWave: 'pilot', openedOn: '2021-05-01', dailySales: 8100, onlineShare: 0.24, execution: 0.65, guideCount: 7, hasLive: false },
  { code: 'HZ004', name: '杭州萧山万象汇店', city: '杭州', region: '浙江区', storeType: 'franchise', pilotWave: 'pilot', openedOn: '2022-01-15', dailySales: 7600, onlineShare: 0.06, execution: 0.4, guideCount: 7, hasLive: false },
  { code: 'HZ005', name: '杭州拱墅大悦城店', city: '杭州', region: '浙江区', storeType: 'franchise', pilotWave: 'pilot', openedOn: '2021-09-30', dailySales: 10900, onlineShare: 0.14, execution: 0.7, guideCount: 8, hasLive: false },
  { code: 'SH008', name: '上海宝山万达店', city: '上海', region: '上海区', storeType: 'direct', pilotWave: 'wave1', openedOn: '2019-07-06', dailySales: 9900, onlineShare: 0.08, execution: 0.3, guideCount: 7, hasLive: false },
  { code: 'SH009', name: '上海松江印象城店', city: '上海', region: '上海区', storeType: 'direct', pilotWave: 'wave1', openedOn: '2020-12-12', dailySales: 8800, onlineShare: 0.06, execution: 0.3, guideCount: 7, hasLive: false },
  { code: 'HZ006', name: '杭州临平银泰店', city: '杭州', region: '浙江区', storeType: 'franchise', pilotWave: 'wave2', openedOn: '2022-04-20', dailySales: 7200, onlineShare: 0.05, execution: 0.25, guideCount: 6, hasLive: false },
  { code: 'HZ007', name: '杭州余杭未来科技城店', city: '杭州', region: '浙江区', storeType: 'franchise', pilotWave: 'none', openedOn: '2023-03-18', dailySales: 6500, onlineShare: 0.04, execution: 0.25, guideCount: 6, hasLive: false },
];

export const surnames: readonly (readonly [string, string])[] = [
  ['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen'], ['杨', 'Yang'],
  ['黄', 'Huang'], ['赵', 'Zhao'], ['吴', 'Wu'], ['周', 'Zhou'], ['徐', 'Xu'], ['孙', 'Sun'],
  ['马', 'Ma'], ['朱', 'Zhu'], ['胡', 'Hu'], ['郭', 'Guo'], ['何', 'He'], ['林', 'Lin'],
  ['罗', 'Luo'], ['高', 'Gao'], ['沈', 'Shen'], ['蒋', 'Jiang'], ['韩', 'Han'], ['唐', 'Tang'],
];

export const givenNames: readonly (readonly [string, string])[] = [
  ['芳', 'Fang'], ['婷', 'Ting'], ['静', 'Jing'], ['丽', 'Li'], ['敏', 'Min'], ['燕', 'Yan'],
  ['娜', 'Na'], ['雪', 'Xue'], ['佳怡', 'Jiayi'], ['欣怡', 'Xinyi'], ['梦瑶', 'Mengyao'],
  ['晓雯', 'Xiaowen'], ['子涵', 'Zihan'], ['雨萱', 'Yuxuan'], ['思琪', 'Siqi'], ['浩', 'Hao'],
  ['磊', 'Lei'], ['伟', 'Wei'], ['杰', 'Jie'], ['俊', 'Jun'], ['晨', 'Chen'], ['悦', 'Yue'],
  ['琳', 'Lin'], ['倩', 'Qian'], ['颖', 'Ying'], ['慧', 'Hui'], ['璐', 'Lu'], ['蕾', 'Lei'],
];
