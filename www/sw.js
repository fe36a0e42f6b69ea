// The service worker: keeps the page, the worker, the Wasm module and the example articles so
// the page loads and analyses with the network off. Same-origin GETs go to the network first
// (a reload online always gets the current files) and fall back to the cache; every good
// response refreshes the cache. Nothing outside the page's own origin is fetched or kept.
const CACHE = "newslens-v1";
const CORE = [
  "./",
  "index.html",
  "app.js",
  "render.js",
  "export.js",
  "style.css",
  "worker.js",
  "favicon.svg",
  "manifest.webmanifest",
  "pkg/newslens.js",
  "pkg/newslens_bg.wasm",
  "seeds/index.json",
  "embed.html",
  "embed.css",
  "news-lens.js",
  "news-lens.css",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(CORE);
      const seeds = await (await fetch("seeds/index.json")).json();
      await cache.addAll(seeds.map((n) => `seeds/${encodeURIComponent(n)}`));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      try {
        const res = await fetch(req);
        if (res.ok && res.type === "basic") {
          const copy = res.clone();
          event.waitUntil(caches.open(CACHE).then((c) => c.put(req, copy)));
        }
        return res;
      } catch (err) {
        const hit = (await caches.match(req, { ignoreSearch: true })) ?? (req.mode === "navigate" ? await caches.match("index.html") : undefined);
        if (hit) return hit;
        throw err;
      }
    })(),
  );
});
