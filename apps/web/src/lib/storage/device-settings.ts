import { Dexie, type EntityTable } from 'dexie';

/** Settings that belong to this tablet rather than to the shop, so they never sync. */
export type SettingKey = 'registerName';

interface SettingRow {
	key: SettingKey;
	value: string;
	/** ISO-8601 time of the last write, from this device's clock (display only). */
	updatedAt: string;
}

/** This tablet's own settings. Implementations survive a reload and work with the network off. */
export interface DeviceSettings {
	get(key: SettingKey): Promise<string | undefined>;
	set(key: SettingKey, value: string): Promise<void>;
	close(): void;
}

/** The IndexedDB database that holds this tablet's settings. */
export const DEVICE_DB_NAME = 'deadwax-device';

type DeviceDb = Dexie & { settings: EntityTable<SettingRow, 'key'> };

/** Opens (and on first use creates) the device database. `name` exists so tests get their own. */
export function openDeviceSettings(
	name: string = DEVICE_DB_NAME,
	clock: () => Date = () => new Date()
): DeviceSettings {
	const db = new Dexie(name) as DeviceDb;
	db.version(1).stores({ settings: 'key' });
	return {
		async get(key) {
			const row = await db.settings.get(key);
			return row?.value;
		},
		async set(key, value) {
			await db.settings.put({ key, value, updatedAt: clock().toISOString() });
		},
		close() {
			db.close();
		}
	};
}
