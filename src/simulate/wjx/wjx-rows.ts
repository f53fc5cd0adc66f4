import { formatWjxDuration } from './format-wjx-duration.js';
import { formatWjxTime } from './format-wjx-time.js';
import type { WjxExport } from './build-wjx-export.js';
import type { WjxAnswer } from './wjx-record.js';

/** The two ways 问卷星 downloads answers: 按文本 (option text) or 按序号 (option codes). */
export type WjxLayoutKind = 'text' | 'code';

function answerCell(answer: WjxAnswer, layout: WjxLayoutKind): string | number {
  switch (answer.kind) {
    case 'empty':
      return '(空)';
    case 'number':
      return answer.value;
    case 'unknown':
      return layout === 'text' ? answer.text : answer.code;
    case 'choice':
      return layout === 'text' ? answer.choice.label : answer.choice.code;
  }
}

/** The cells of a 问卷星 export, header first: 序号 and codes as numbers, everything else as text. */
export function wjxRows(data: WjxExport, layout: WjxLayoutKind): (string | number)[][] {
  return [
    data.header,
    ...data.records.map((record, i) => [
      i + 1,
      formatWjxTime(data.start, record.meta.time),
      formatWjxDuration(record.meta.duration, record.meta.minutes),
      record.meta.source,
      record.meta.sourceDetail,
      record.meta.ip,
      ...record.answers.map((a) => answerCell(a, layout)),
    ]),
  ];
}
