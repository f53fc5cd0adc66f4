/** The fixed words of a report, in Chinese and English; the CLI's console tables share the words they have in common. */
export const REPORT_TEXT = {
  zh: {
    basics: '调研基本情况', findings: '主要发现', factors: '影响因素分析', methods: '数据与方法',
    all: '全部', group: '组别', n: '有效样本', count: '人数', share: '占比', ci: '95%置信区间', mean: '均值', sd: '标准差', se: '标准误',
    answer: '选项', percent: '百分比', validPercent: '有效百分比', cumulative: '累计百分比', item: '题项', alphaIfDeleted: '删除该题后α', itemTotal: '校正题总相关',
    term: '变量', estimate: '系数', statistic: '统计量', stars: '注：*** p < 0.001，** p < 0.01，* p < 0.05。',
    threshold: '阈值', unweighted: '不加权', weighted: '加权', weightedShare: '加权占比', weightedCi: '加权95%置信区间', weightedMean: '加权均值',
  },
  en: {
    basics: 'About the survey', findings: 'Main findings', factors: 'What goes with the outcomes', methods: 'Data and methods',
    all: 'All', group: 'Group', n: 'n', count: 'Count', share: 'Share', ci: '95% CI', mean: 'Mean', sd: 'SD', se: 'SE',
    answer: 'Answer', percent: 'Percent', validPercent: 'Valid %', cumulative: 'Cumulative %', item: 'Item', alphaIfDeleted: 'α if deleted', itemTotal: 'Corrected item-total r',
    term: 'Term', estimate: 'Estimate', statistic: 'Statistic', stars: 'Note: *** p < 0.001, ** p < 0.01, * p < 0.05.',
    threshold: 'Threshold', unweighted: 'Unweighted', weighted: 'Weighted', weightedShare: 'Weighted share', weightedCi: 'Weighted 95% CI', weightedMean: 'Weighted mean',
  },
} as const;
