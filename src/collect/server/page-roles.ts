import { ROLES, type Role } from '../storage/submission-store.js';
import type { UiText } from '../../locale/collect-words.js';

/**
 * Who may open each page of the collection server. The routes take their role guard from here and
 * the top navigation shows a link only to the roles listed, so a link can never lead to a 403
 * (the two used to be written separately and drifted: 填写问卷 was shown to supervisors).
 */
export const PAGE_ROLES = {
  form: ['admin', 'enumerator'],
  entry: ['admin', 'enumerator'],
  submissions: ROLES,
  dashboard: ['admin', 'supervisor', 'viewer'],
  review: ['admin', 'supervisor'],
  quality: ['admin', 'supervisor'],
  verify: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type NavPage = keyof typeof PAGE_ROLES;

/** The top navigation in its order: each page, its address and the word it is shown with. */
const NAV: readonly { page: NavPage; href: string }[] = [
  { page: 'form', href: '/form' },
  { page: 'entry', href: '/entry' },
  { page: 'submissions', href: '/submissions' },
  { page: 'dashboard', href: '/dashboard' },
  { page: 'review', href: '/review' },
  { page: 'quality', href: '/quality' },
  { page: 'verify', href: '/entry/verify' },
];

/** The roles of a page, as a mutable list for `requireRole(...)`. */
export const rolesOf = (page: NavPage): Role[] => [...PAGE_ROLES[page]];

/** The links a role's navigation shows: exactly the pages it may open. */
export function navLinks(role: string, text: UiText): { href: string; label: string }[] {
  return NAV.filter((n) => (PAGE_ROLES[n.page] as readonly string[]).includes(role)).map((n) => ({ href: n.href, label: text[n.page] }));
}
