/// <reference lib="dom" />
// Sends the queued questionnaires to the server, oldest first, one at a time. A questionnaire
// leaves the queue only on the server's acknowledgement (201 stored, 200 already stored — a
// replay of one whose answer was lost); a dropped connection or a server error stops the round
// and the next round resends the same ids. The CSRF token comes fresh from /api/session each
// round, so a page opened from the offline cache (its token stale) still sends.
import type { AnswerProblem } from '../form/check-answers.js';
import type { QueuedSubmission, SubmissionQueue } from './submission-queue.js';
import { messageIn } from '../../locale/bilingual.js';
import type { Lang } from '../../locale/lang.js';

/** Where a sync round ended. */
export type SyncState = 'idle' | 'offline' | 'login' | 'error';

/** What a sync round did: the acknowledgements, in order, and why it stopped. */
export interface SyncResult {
  state: SyncState;
  acknowledged: { id: string; seq: number }[];
}

type Sent = { kind: 'ack'; seq: number } | { kind: 'refused'; reason: string } | { kind: 'stop'; state: SyncState } | { kind: 'csrf' };

async function send(item: QueuedSubmission, csrf: string, lang: Lang): Promise<Sent> {
  let response: Response;
  try {
    response = await fetch('/api/submissions', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ id: item.id, answers: item.answers, started_at: item.started_at, ended_at: item.ended_at, ...(item.gps ? { gps: item.gps } : {}) }),
    });
  } catch {
    return { kind: 'stop', state: 'offline' };
  }
  const body = (await response.json().catch(() => ({}))) as { seq?: number; errors?: AnswerProblem[]; error?: string };
  if (response.ok && typeof body.seq === 'number') return { kind: 'ack', seq: body.seq };
  if (response.status === 422 || response.status === 409 || response.status === 400) {
    const reason = body.errors ? body.errors.map((e) => `${e.variable}: ${messageIn(lang, e)}`).join('; ') : (body.error ?? String(response.status));
    return { kind: 'refused', reason };
  }
  if (response.status === 401) return { kind: 'stop', state: 'login' };
  if (response.status === 403) return body.error ? { kind: 'stop', state: 'login' } : { kind: 'csrf' };
  return { kind: 'stop', state: 'error' };
}

/** Who the server says is logged in, with the session's CSRF token; or why that could not be learnt. */
async function session(): Promise<{ user: string; csrf: string } | SyncState> {
  try {
    const response = await fetch('/api/session', { credentials: 'same-origin', cache: 'no-store' });
    if (response.status === 401 || response.status === 403) return 'login';
    if (!response.ok) return 'error';
    return (await response.json()) as { user: string; csrf: string };
  } catch {
    return 'offline';
  }
}

/**
 * One sync round: the logged-in account's waiting questionnaires, in order. A refused one
 * (invalid under a changed codebook, an id conflict) is marked and kept for a supervisor, not lost.
 */
export async function syncQueue(queue: SubmissionQueue, lang: Lang): Promise<SyncResult> {
  const acknowledged: SyncResult['acknowledged'] = [];
  const waiting = (await queue.all()).filter((i) => !i.refused);
  if (!waiting.length) return { state: 'idle', acknowledged };
  let who = await session();
  if (typeof who === 'string') return { state: who, acknowledged };
  for (const item of waiting) {
    if (item.user !== who.user) continue;
    let sent = await send(item, who.csrf, lang);
    if (sent.kind === 'csrf') {
      // The session changed under the page (a new log-in): one more try with its token.
      who = await session();
      if (typeof who === 'string') return { state: who, acknowledged };
      sent = await send(item, who.csrf, lang);
    }
    if (sent.kind === 'ack') {
      await queue.remove(item.order as number);
      acknowledged.push({ id: item.id, seq: sent.seq });
    } else if (sent.kind === 'refused') {
      await queue.put({ ...item, refused: sent.reason });
    } else {
      return { state: sent.kind === 'stop' ? sent.state : 'login', acknowledged };
    }
  }
  return { state: 'idle', acknowledged };
}
