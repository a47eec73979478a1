/*
 * Staff PINs, hashed the same way on the server (seed, staff admin) and on the tablet (offline
 * sign-in against the synced hash). Web Crypto only, so it runs in browsers and in Node 20.
 */

/** PBKDF2 rounds: ~50 ms on a tablet, enough to make a stolen 4-digit hash cost real effort per guess. */
export const PIN_HASH_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const PIN_PATTERN = /^\d{4,8}$/;

/** Why `pin` is not an acceptable PIN, or null when it is (4 to 8 digits). */
export function pinProblem(pin: string): string | null {
	return PIN_PATTERN.test(pin) ? null : 'PIN must be 4 to 8 digits';
}

/**
 * Hashes a PIN as `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` with a fresh 16-byte salt.
 * Throws when the PIN is not 4 to 8 digits. `iterations` is for tests that need speed, never prod.
 */
export async function hashPin(
	pin: string,
	{ iterations = PIN_HASH_ITERATIONS }: { iterations?: number } = {}
): Promise<string> {
	const problem = pinProblem(pin);
	if (problem !== null) throw new Error(`${problem} (got ${pin.length} characters)`);
	if (!Number.isSafeInteger(iterations) || iterations < 1) {
		throw new Error(`iterations must be a whole number ≥ 1 (got ${iterations})`);
	}
	const salt = globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const hash = await derive(pin, salt, iterations);
	return `pbkdf2-sha256$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

/**
 * True when `pin` matches a hash made by hashPin. A malformed hash or a PIN that is not 4 to 8
 * digits is simply false. Compares in constant time.
 */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
	if (pinProblem(pin) !== null) return false;
	const parts = stored.split('$');
	if (parts.length !== 4 || parts[0] !== 'pbkdf2-sha256') return false;
	const iterations = Number(parts[1]);
	if (!Number.isSafeInteger(iterations) || iterations < 1) return false;
	const salt = fromBase64(parts[2] ?? '');
	const expected = fromBase64(parts[3] ?? '');
	if (salt === null || expected === null || expected.length !== HASH_BITS / 8) return false;
	const actual = await derive(pin, salt, iterations);
	return constantTimeEqual(actual, expected);
}

async function derive(
	pin: string,
	salt: Uint8Array<ArrayBuffer>,
	iterations: number
): Promise<Uint8Array> {
	const subtle = globalThis.crypto.subtle;
	const key = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
		'deriveBits'
	]);
	const bits = await subtle.deriveBits(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
		key,
		HASH_BITS
	);
	return new Uint8Array(bits);
}

/** Looks at every byte whatever the first difference, so timing says nothing about the hash. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let difference = 0;
	for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return difference === 0;
}

function toBase64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
	try {
		return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
	} catch {
		// Not base64 after all: the caller treats the hash as malformed.
		return null;
	}
}
