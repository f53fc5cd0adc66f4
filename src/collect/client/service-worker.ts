/// <reference lib="dom" />
// The collection service worker (served as /sw.js, scope /): keeps the questionnaire page (which
// carries the codebook-derived form spec), its script and stylesheet, so the form opens and works
// with no network. Network first — a page online is always the current one; the cached copy only
// when the network fails. The queued questionnaires live in IndexedDB (submission-queue.ts), not here.

interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const scope = self as unknown as WorkerScope;
const CACHE = 'survey-form-v1';
/** What the form needs offline (the spec is inside the page). */
const OFFLINE = ['/form', '/static/form.js', '/static/form.css'];

/** Keeps a response for offline use: a page itself, not a redirect (to the log-in) nor an error. */
async function keep(path: string, response: Response): Promise<void> {
  if (!response.ok || response.redirected || response.type !== 'basic') return;
  const cache = await caches.open(CACHE);
  await cache.put(path, response);
}

scope.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all(OFFLINE.map((path) => fetch(path, { credentials: 'same-origin', cache: 'no-store' }).then((r) => keep(path, r), () => undefined))).then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== scope.location.origin) return;
  // Logging out forgets the cached page: it holds the account's name and token.
  if (event.request.method === 'POST' && url.pathname === '/logout') {
    event.respondWith(caches.open(CACHE).then((cache) => cache.delete('/form')).then(() => fetch(event.request)));
    return;
  }
  if (event.request.method !== 'GET' || !OFFLINE.includes(url.pathname)) return;
  event.respondWith(
    fetch(event.request).then(
      (response) => {
        const copy = response.clone();
        event.waitUntil(keep(url.pathname, copy));
        return response;
      },
      async () => (await caches.match(url.pathname, { cacheName: CACHE })) ?? Response.error(),
    ),
  );
});
