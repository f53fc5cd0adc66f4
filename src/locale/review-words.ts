import type { Lang } from './lang.js';

/** The words of the review pages (supervisor queue, decision, correction), Chinese and English. */
const zh = {
  review: '审核',
  queue: '待审核问卷',
  all: '全部',
  pending: '待审核',
  approved: '已通过',
  rejected: '已退回',
  approve: '通过',
  reject: '退回更正',
  comment: '意见（退回时必填，调查员会看到）',
  commentShort: '审核意见',
  nothingToReview: '没有需要审核的问卷。',
  correct: '更正并重新提交',
  correctTitle: '更正问卷',
  correctIntro: '督导退回了这份问卷，请按意见更正后重新提交。',
  note: '更正说明',
  resubmit: '重新提交',
  noAnswer: '（不回答）',
  notAsked: '按跳答本题现不需回答',
  declaredCodes: '特殊代码',
  version: '版本',
  quality: '质量',
  decided: '已记录。',
  fixErrors: '请先更正标出的问题。',
  conflict: '操作未执行',
};

const en: typeof zh = {
  review: 'Review',
  queue: 'Submissions to review',
  all: 'All',
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  approve: 'Approve',
  reject: 'Reject for correction',
  comment: 'Comment (required to reject; the enumerator reads it)',
  commentShort: 'Comment',
  nothingToReview: 'Nothing to review.',
  correct: 'Correct and resubmit',
  correctTitle: 'Correct a questionnaire',
  correctIntro: 'Your supervisor sent this questionnaire back: correct it as asked and resubmit.',
  note: 'What was corrected',
  resubmit: 'Resubmit',
  noAnswer: '(no answer)',
  notAsked: 'not asked under the current answers (skip logic)',
  declaredCodes: 'special codes',
  version: 'Version',
  quality: 'Quality',
  decided: 'Recorded.',
  fixErrors: 'Please correct the questions marked first.',
  conflict: 'Not done',
};

export type ReviewText = typeof zh;

const REVIEW_TEXT: Readonly<Record<Lang, ReviewText>> = { zh, en };

/** The review pages' words in one language. */
export function reviewText(lang: Lang): ReviewText {
  return REVIEW_TEXT[lang];
}
