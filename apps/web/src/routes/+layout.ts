// An SPA: adapter-static answers every route with index.html, which the service worker precaches,
// so the register opens with the network off.
export const ssr = false;
export const prerender = false;
