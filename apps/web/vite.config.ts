import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';

// Why @vite-pwa/sveltekit (generateSW) rather than a hand-written src/service-worker.ts:
// it builds the workbox precache manifest from the final output (hashed _app files, static icons
// and the adapter-static index.html fallback) with a revision per file, so an update re-fetches
// only what changed, and the generated worker already answers workbox-window's SKIP_WAITING.
// With src/service-worker.ts we would bundle workbox ourselves and keep the fallback's revision
// in step with adapter-static by hand.
export default defineConfig({
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			strategies: 'generateSW',
			registerType: 'prompt',
			// src/lib/pwa registers the worker with workbox-window, only in production builds.
			injectRegister: false,
			filename: 'sw.js',
			manifestFilename: 'manifest.webmanifest',
			kit: { adapterFallback: 'index.html', spa: true },
			workbox: {
				globPatterns: ['client/**/*.{js,css,html,ico,png,svg,webmanifest,wasm}'],
				// zxing-wasm's reader (~1 MB) is precached so camera scanning works offline.
				maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
				// Set (even empty) so the plugin keeps our globPatterns as they are instead of adding
				// prerendered/**, which this SPA never has and which workbox would warn about.
				modifyURLPrefix: {},
				navigateFallback: 'index.html',
				// The API and health check are the server's, never the app shell's.
				navigateFallbackDenylist: [/^\/trpc/, /^\/healthz/],
				cleanupOutdatedCaches: true,
				// The first install takes over the open page so it works offline straight away.
				// Updates still wait: skipWaiting stays off until the clerk presses "Reload now".
				clientsClaim: true,
				skipWaiting: false
			},
			manifest: {
				id: '/',
				name: 'Deadwax',
				short_name: 'Deadwax',
				description: 'Point of sale and stock for independent record shops',
				lang: 'en',
				start_url: '/register',
				scope: '/',
				display: 'standalone',
				orientation: 'any',
				background_color: '#faf8f3',
				theme_color: '#141414',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					},
					{ src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }
				]
			}
		})
	]
});
