import { describe, expect, it } from 'vitest';
import type { Guide } from '../../src/shared/guides/guide-schema';
import type { Store } from '../../src/shared/stores/store-schema';
import { emptyGuideFilters, filterGuides } from '../../src/renderer/features/guides/guide-filters';
import { searchPalette } from '../../src/renderer/features/palette/palette-search';
import { emptyStoreFilters, filterStores } from '../../src/renderer/features/stores/store-filters';

function store(overrides: Partial<Store>): Store {
  return {
    id: 's1',
    code: 'SH001',
    name: '上海静安嘉里店',
    region: '上海区',
    city: '上海',
    storeType: 'direct',
    dealerId: null,
    dealerName: null,
    pilotWave: 'pilot',
    openedOn: null,
    status: 'active',
    activeGuides: 8,
    createdAt: '',
    updatedAt: '',
    ...overrides,
  };
}

function guide(overrides: Partial<Guide>): Guide {
  return {
    id: 'g1',
    staffNo: '010001',
    name: '王芳',
    storeId: 's1',
    storeCode: 'SH001',
    storeName: '上海静安嘉里店',
    role: 'guide',
    hireDate: null,
    phone: '13800138000',
    wecomAccount: 'WangFang',
    employment: 'active',
    leftOn: null,
    status: 'active',
    ...overrides,
  };
}

const stores = [
  store({}),
  store({
    id: 's2',
    code: 'HZ002',
    name: '杭州西溪印象城店',
    region: '浙江区',
    city: '杭州',
    storeType: 'franchise',
    dealerId: 'd1',
    dealerName: '杭州禾丰商贸有限公司',
    pilotWave: 'none',
  }),
  store({
    id: 's3',
    code: 'HZ007',
    name: '杭州余杭未来科技城店',
    region: '浙江区',
    city: '杭州',
    status: 'archived',
    pilotWave: 'wave1',
  }),
];

describe('the stores table filters', () => {
  it('shows active stores by default and narrows by every filter at once', () => {
    expect(filterStores(stores, emptyStoreFilters()).map((s) => s.code)).toEqual(['SH001', 'HZ002']);
    expect(filterStores(stores, { ...emptyStoreFilters(), region: '浙江区' }).map((s) => s.code)).toEqual(['HZ002']);
    expect(filterStores(stores, { ...emptyStoreFilters(), status: null, region: '浙江区' }).map((s) => s.code)).toEqual(
      ['HZ002', 'HZ007'],
    );
    expect(
      filterStores(stores, { ...emptyStoreFilters(), dealerId: 'd1', storeType: 'franchise' }).map((s) => s.code),
    ).toEqual(['HZ002']);
    expect(filterStores(stores, { ...emptyStoreFilters(), pilotWave: 'pilot', search: 'hz' })).toEqual([]);
  });

  it('searches codes, names, cities and dealers, ignoring case', () => {
    expect(filterStores(stores, { ...emptyStoreFilters(), search: 'sh0' }).map((s) => s.code)).toEqual(['SH001']);
    expect(filterStores(stores, { ...emptyStoreFilters(), search: '禾丰' }).map((s) => s.code)).toEqual(['HZ002']);
  });
});

describe('the guides table filters', () => {
  const guides = [
    guide({}),
    guide({
      id: 'g2',
      staffNo: '020001',
      name: '李静',
      storeId: 's2',
      storeCode: 'HZ002',
      wecomAccount: 'LiJing',
      phone: null,
      employment: 'left',
    }),
  ];
  const byId = new Map(stores.map((s) => [s.id, s]));

  it("filters guides by their store's region, dealer, type and wave", () => {
    expect(filterGuides(guides, byId, { ...emptyGuideFilters(), region: '浙江区' }).map((g) => g.name)).toEqual([
      '李静',
    ]);
    expect(filterGuides(guides, byId, { ...emptyGuideFilters(), pilotWave: 'pilot' }).map((g) => g.name)).toEqual([
      '王芳',
    ]);
    expect(
      filterGuides(guides, byId, { ...emptyGuideFilters(), dealerId: 'd1', storeType: 'franchise' }).map((g) => g.name),
    ).toEqual(['李静']);
    expect(filterGuides(guides, byId, { ...emptyGuideFilters(), employment: 'left' }).map((g) => g.name)).toEqual([
      '李静',
    ]);
  });

  it('finds a guide by staff number, phone or WeCom account', () => {
    expect(filterGuides(guides, byId, { ...emptyGuideFilters(), search: '0200' }).map((g) => g.name)).toEqual(['李静']);
    expect(filterGuides(guides, byId, { ...emptyGuideFilters(), search: 'wangfang' }).map((g) => g.name)).toEqual([
      '王芳',
    ]);
  });
});

describe('the command palette', () => {
  const pages = [
    { path: '/stores', title: '门店' },
    { path: '/guides', title: '导购' },
  ];

  it('lists the pages when nothing is typed, and finds stores and guides when something is', () => {
    expect(searchPalette('', pages, stores, [guide({})]).map((item) => item.key)).toEqual([
      'page:/stores',
      'page:/guides',
    ]);
    const found = searchPalette('010001', pages, stores, [guide({})]);
    expect(found).toEqual([expect.objectContaining({ group: 'guide', label: '王芳', path: '/stores/s1' })]);
    expect(searchPalette('西溪', pages, stores, []).map((item) => item.path)).toEqual(['/stores/s2']);
  });
});
