/** A codebook in the DESIGN §3 style (Chinese labels), shared by the codebook tests. */
export const designCodebookYaml = `
id: bazhou-happiness-2025
title: 巴州区城乡居民幸福生活调查（2025）
title_en: Bazhou urban and rural well-being survey (2025)
variables:
  - name: area
    label: 您目前的居住地是？   # question text
    label_en: Where do you live?
    type: single
    choices: {1: 城市, 2: 农村}
    aliases: ["3、您目前的居住地是？", Q3]
  - name: happiness
    label: 总体而言，您觉得自己的生活幸福吗？
    type: single
    ordered: true
    choices:
      1: 非常不幸福
      2: 不太幸福
      3: 一般
      4: {label: 比较幸福, label_en: Fairly happy, aliases: [较幸福]}
      5: 非常幸福
    missing: {8: 说不清, 9: 拒绝回答}
    required: true
  - name: age
    label: 您的年龄
    type: numeric
    unit: 岁
    range: [16, 100]
    constraint: ". >= 16"
    constraint_message: 年龄至少16岁
  - name: occupation
    type: single
    choices: {1: 务农, 2: 工人, 6: 退休}
  - name: income
    type: numeric
    range: [0, 2000000]
  - name: hobby
    label: 您的业余爱好（多选）
    type: multi
    choices: {1: 运动, 2: 阅读, 3: 旅游}
  - name: sat_health_cost
    type: single
    group: satisfaction
    ordered: true
    reverse: true
    choices: {1: 很不满意, 2: 不太满意, 3: 一般, 4: 比较满意, 5: 非常满意}
    relevant: "age >= 18"
  - name: note
    type: text
checks:
  - {name: retired-age, check: "not (occupation == 6 and age < 40)", message: 退休人员年龄小于40岁, message_en: Retired but younger than 40}
  - {name: reads, check: "selected(hobby, 2) or not is_missing(happy)"}
derive:
  - {name: happy, expr: "happiness >= 4", label: 幸福}
  - {name: log_income, expr: "log(income)"}
  - {name: happy_num, expr: "happy + 0"}
`;
