/**
 * A UUIDv7 (RFC 9562): 48-bit millisecond time, then random bits, so ids made on a tablet sort by
 * when they were made and never collide with another tablet's. Web Crypto only.
 */
export function uuidv7(nowMs = Date.now()): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	let time = nowMs;
	for (let i = 5; i >= 0; i--) {
		bytes[i] = time % 256;
		time = Math.floor(time / 256);
	}
	bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
	bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
	const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
