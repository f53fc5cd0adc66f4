/// <reference lib="dom" />
// The questionnaires waiting on this device to reach the server, in IndexedDB: they outlive a
// closed page, a restarted phone and a lost connection, and leave only once the server has
// acknowledged them (committed). Each keeps the id the browser gave it, so a resend is a replay.

/** A questionnaire as queued: what is sent, who filled it in, and why the server refused it (if it did). */
export interface QueuedSubmission {
  /** Order of queuing (IndexedDB key): the queue is sent in this order. */
  order?: number;
  id: string;
  /** The account that filled it in: only that account's session sends it. */
  user: string;
  answers: Record<string, unknown>;
  started_at: string;
  ended_at: string;
  gps?: { latitude: number; longitude: number; accuracy: number };
  /** Set when the server refused the questionnaire (422/409): kept, shown, not resent. */
  refused?: string;
}

/** The queue's operations, over IndexedDB or (where a browser has none) memory. */
export interface SubmissionQueue {
  /** True when the queue survives closing the page. */
  durable: boolean;
  add(item: QueuedSubmission): Promise<void>;
  /** Every queued questionnaire, oldest first. */
  all(): Promise<QueuedSubmission[]>;
  remove(order: number): Promise<void>;
  put(item: QueuedSubmission): Promise<void>;
}

const DB = 'survey-collect';
const STORE = 'queue';

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** One IndexedDB transaction, resolved once it is committed (not merely requested). */
function write(db: IDBDatabase, work: (store: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite', { durability: 'strict' });
    work(tx.objectStore(STORE));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function memoryQueue(): SubmissionQueue {
  const items: QueuedSubmission[] = [];
  let next = 1;
  return {
    durable: false,
    add: async (item) => void items.push({ ...item, order: next++ }),
    all: async () => items.map((i) => ({ ...i })),
    remove: async (order) => void items.splice(items.findIndex((i) => i.order === order), 1),
    put: async (item) => void items.splice(items.findIndex((i) => i.order === item.order), 1, { ...item }),
  };
}

/** Opens the device's queue (IndexedDB), or a memory queue when the browser refuses IndexedDB. */
export async function openQueue(): Promise<SubmissionQueue> {
  let db: IDBDatabase;
  try {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'order', autoIncrement: true });
    db = await done(request);
  } catch {
    return memoryQueue();
  }
  return {
    durable: true,
    add: (item) => write(db, (store) => store.add(item)),
    all: () => done(db.transaction(STORE, 'readonly').objectStore(STORE).getAll() as IDBRequest<QueuedSubmission[]>),
    remove: (order) => write(db, (store) => store.delete(order)),
    put: (item) => write(db, (store) => store.put(item)),
  };
}
