import type { BarChart, CoefficientChart } from '../../../../src/report/charts/chart-spec.js';

/** Shares of two groups over nine categories, with intervals, a missing value and a label to escape. */
export const sharesByGroup: BarChart = {
  type: 'bars',
  title: '回答“比较幸福”和“非常幸福”的比例（按地区与性别）',
  categories: ['城市', '农村', '东部沿海地区', '中部地区', '西部地区 & <其他>', '18–29岁', '30–44岁', '45–59岁', '60岁及以上'],
  series: [
    {
      name: '男',
      values: [0.623, 0.446, 0.58, 0.51, 0.47, 0.552, 0.601, null, 0.49],
      low: [0.6, 0.42, 0.55, 0.48, 0.44, 0.52, 0.57, null, 0.45],
      high: [0.646, 0.472, 0.61, 0.54, 0.5, 0.584, 0.632, null, 0.53],
    },
    {
      name: '女',
      values: [0.641, 0.452, 0.6, 0.53, 0.5, 0.57, 0.62, 0.5, 0.52],
      low: [0.62, 0.43, 0.57, 0.5, 0.47, 0.54, 0.59, 0.47, 0.48],
      high: [0.66, 0.47, 0.63, 0.56, 0.53, 0.6, 0.65, 0.53, 0.56],
    },
  ],
  axisLabel: '比例 (%)',
  percent: true,
};

/** Odds ratios of six terms, one of them not estimable. */
export const oddsRatios: CoefficientChart = {
  type: 'coefficients',
  title: '生活幸福感的影响因素（有序logit，比值比）',
  terms: ['log(收入)', '医疗费用满意度', '公共服务满意度', '生态环境满意度', '农村（对照：城市）', '年龄'],
  estimate: [1.42, 1.18, 1.25, 1.09, 0.82, Number.NaN],
  low: [1.3, 1.1, 1.15, 1.0, 0.72, Number.NaN],
  high: [1.55, 1.27, 1.36, 1.19, 0.93, Number.NaN],
  axisLabel: '比值比 (95% 置信区间)',
  reference: 1,
};
