import { DomainError } from '@deadwax/core';
import type { Clock, NewShopInput, ServerStores, ShopSummary, StoreKind } from '@deadwax/sync';
import { memorySyncStores } from '@deadwax/sync/testing';
import { ANONYMOUS, createInnerContext, type Context, type Session } from '../context.ts';
import { unavailableLabelStores } from './labels.ts';
import { unavailableOfficeStores } from './office.ts';

export { recordingOfficeStores, unavailableOfficeStores, type OfficeCall } from './office.ts';
export { recordingLabelStores, unavailableLabelStores, type LabelCall } from './labels.ts';

/** A clock stuck at `iso` until moved: tests pass time in instead of patching Date. */
export function fixedClock(iso = '2026-03-01T10:00:00.000Z'): Clock & { set(iso: string): void } {
	let now = new Date(iso);
	return {
		now: () => new Date(now),
		set(next: string) {
			now = new Date(next);
		}
	};
}

/** ServerStores held in memory: a real implementation of the ports, for procedure unit tests. */
export function memoryStores({ isHealthy = true }: { isHealthy?: boolean } = {}): ServerStores {
	const shops = new Map<string, ShopSummary>();
	let nextId = 1;
	const { sync, devices } = memorySyncStores();
	return {
		sync,
		devices,
		office: unavailableOfficeStores(),
		labels: unavailableLabelStores(),
		system: {
			ping: () =>
				isHealthy ? Promise.resolve() : Promise.reject(new Error('memory store is down'))
		},
		shops: {
			create(input: NewShopInput) {
				const id = input.id ?? `shop-${nextId++}`;
				if (shops.has(id)) {
					return Promise.reject(new DomainError('conflict', `A shop with id ${id} already exists`));
				}
				const shop: ShopSummary = {
					id,
					name: input.name,
					currency: input.currency,
					timezone: input.timezone,
					locale: input.locale ?? 'en-US',
					taxMode: input.taxMode,
					taxRounding: input.taxRounding ?? 'line',
					createdAt: '2026-01-01T00:00:00.000Z'
				};
				shops.set(id, shop);
				return Promise.resolve(shop);
			},
			byId: (id: string) => Promise.resolve(shops.get(id) ?? null),
			list: () => Promise.resolve([...shops.values()])
		}
	};
}

/** A context over memory stores and a fixed clock; override any part. */
export function testContext(
	overrides: {
		stores?: ServerStores;
		clock?: Clock;
		auth?: Session;
		bearerToken?: string;
		version?: string;
		storeKind?: StoreKind;
		publicUrl?: string | null;
	} = {}
): Context {
	return createInnerContext({
		stores: overrides.stores ?? memoryStores(),
		config: {
			version: overrides.version ?? '0.0.0-test',
			storeKind: overrides.storeKind ?? 'sqlite',
			publicUrl: overrides.publicUrl ?? null
		},
		clock: overrides.clock ?? fixedClock(),
		auth: overrides.auth ?? ANONYMOUS,
		bearerToken: overrides.bearerToken ?? null
	});
}
