import { DomainError } from '@deadwax/core';
import type { DeviceAuth, DeviceStore, DeviceSummary, SyncStore } from '../ports/sync-server.ts';
import { MemorySyncServer } from './memory-server.ts';

/**
 * SyncStore and DeviceStore in memory, one MemorySyncServer per shop, for procedure tests. Codes
 * and tokens are kept in clear here; the real store keeps only their hashes. `managers` maps
 * `shopId/staffId` to a PIN.
 */
export function memorySyncStores({
	managers = {},
	now = () => '2026-03-01T10:00:00.000Z'
}: { managers?: Record<string, string>; now?: () => string } = {}): {
	sync: SyncStore;
	devices: DeviceStore;
	servers: Map<string, MemorySyncServer>;
} {
	const servers = new Map<string, MemorySyncServer>();
	const serverOf = (shopId: string) => {
		let server = servers.get(shopId);
		if (!server) servers.set(shopId, (server = new MemorySyncServer()));
		return server;
	};
	const codes = new Map<string, { shopId: string; expiresAt: string; isUsed: boolean }>();
	const devices = new Map<string, DeviceSummary & { token: string }>();
	let next = 1;
	return {
		servers,
		sync: {
			push: ({ shopId, deviceId, ops }) =>
				Promise.resolve(serverOf(shopId).push(deviceId, { protocolVersion: 0, ops: ops as never })),
			pull: ({ shopId, cursor, limit }) =>
				Promise.resolve(serverOf(shopId).pull('', { cursor, limit }))
		},
		devices: {
			createPairingCode({ shopId }) {
				const code = `CODE-${String(next++).padStart(4, '0')}`;
				const expiresAt = new Date(Date.parse(now()) + 600_000).toISOString();
				codes.set(code, { shopId, expiresAt, isUsed: false });
				return Promise.resolve({ code, shopId, expiresAt });
			},
			pair({ code, name }) {
				const entry = codes.get(code);
				if (!entry || entry.isUsed || entry.expiresAt <= now()) {
					return Promise.reject(
						new DomainError('not_found', 'pairing code is unknown, already used or expired')
					);
				}
				entry.isUsed = true;
				const n = next++;
				const device = {
					id: `device-${n}`,
					shopId: entry.shopId,
					name,
					code: `K${n}`,
					createdAt: now(),
					lastSeenAt: null,
					revokedAt: null,
					token: `token-${n}`
				};
				devices.set(device.id, device);
				return Promise.resolve({
					deviceId: device.id,
					deviceCode: device.code,
					token: device.token,
					shopId: device.shopId
				});
			},
			revoke({ shopId, deviceId }) {
				const device = devices.get(deviceId);
				if (!device || device.shopId !== shopId) {
					return Promise.reject(
						new DomainError('not_found', `device ${deviceId} is not a device of this shop`)
					);
				}
				device.revokedAt ??= now();
				return Promise.resolve();
			},
			list: (shopId) =>
				Promise.resolve(
					[...devices.values()]
						.filter((d) => d.shopId === shopId)
						.map(({ token: _token, ...summary }) => summary)
				),
			authenticate(token): Promise<DeviceAuth> {
				const device = [...devices.values()].find((d) => d.token === token);
				if (!device) {
					return Promise.resolve({
						ok: false,
						code: 'device_unknown',
						message: 'device_unknown: this register is not paired with this server'
					});
				}
				if (device.revokedAt !== null) {
					return Promise.resolve({
						ok: false,
						code: 'device_revoked',
						message: `device_revoked: this register was revoked at ${device.revokedAt}`
					});
				}
				return Promise.resolve({ ok: true, shopId: device.shopId, deviceId: device.id });
			},
			verifyManagerPin: ({ shopId, staffId, pin }) =>
				Promise.resolve(managers[`${shopId}/${staffId}`] === pin)
		}
	};
}
