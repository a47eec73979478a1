import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** The one Svelte config. apps/web/svelte.config.js re-exports it. */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// An SPA: every route falls back to index.html, which the service worker precaches.
		adapter: adapter({ fallback: 'index.html', strict: false }),
		serviceWorker: { register: false },
		alias: { $components: 'src/lib/components' }
	}
};

export default config;
