export { DEVICE_DB_NAME, openDeviceSettings } from './device-settings.ts';
export type { DeviceSettings, SettingKey } from './device-settings.ts';
