// The 9-category × 2-series bar chart the chart benchmarks draw (report-sized Chinese text).
export const bars = {
  type: 'bars',
  title: '回答“比较幸福”和“非常幸福”的比例（按地区与性别）',
  categories: ['城市', '农村', '东部沿海地区', '中部地区', '西部地区', '18–29岁', '30–44岁', '45–59岁', '60岁及以上'],
  series: ['男', '女'].map((name, s) => {
    const values = Array.from({ length: 9 }, (_, i) => 0.4 + 0.03 * i + 0.02 * s);
    return { name, values, low: values.map((v) => v - 0.03), high: values.map((v) => v + 0.03) };
  }),
  axisLabel: '比例 (%)',
  percent: true,
};
