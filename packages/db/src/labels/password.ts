import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters; stored in each hash so they can rise later without a migration. */
export interface ScryptCost {
	/** CPU/memory cost, a power of two. */
	N: number;
	r: number;
	p: number;
}

/**
 * One of OWASP's equivalent scrypt settings (N=2^15, r=8, p=3: 32 MiB per hash), chosen over
 * N=2^17 so a small back-room server needs little memory per sign-in; a few hundred ms per hash.
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;
// A stored hash is data: refuse parameters that would make one verification eat the server.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
	const options: ScryptOptions = {
		N: cost.N,
		r: cost.r,
		p: cost.p,
		// scrypt needs 128·N·r bytes; Node's default cap (32 MiB) leaves no headroom above that.
		maxmem: 256 * cost.N * cost.r
	};
	return new Promise((resolve, reject) => {
		// NFC, so the same password typed on a phone and on a desktop keyboard matches.
		scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => {
			if (error) reject(error);
			else resolve(key);
		});
	});
}

/** `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>` with a fresh random salt. */
export async function hashPassword(
	password: string,
	cost: ScryptCost = DEFAULT_SCRYPT_COST
): Promise<string> {
	const salt = randomBytes(SALT_BYTES);
	const key = await derive(password, salt, cost);
	return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
		'$'
	);
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
	const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
	const isPowerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
	if (!isPowerOfTwo || N > MAX_N) return null;
	if (!Number.isInteger(r) || r < 1 || r > MAX_R || !Number.isInteger(p) || p < 1 || p > MAX_P) {
		return null;
	}
	const salt = Buffer.from(parts[4] ?? '', 'base64');
	const key = Buffer.from(parts[5] ?? '', 'base64');
	if (salt.length === 0 || key.length === 0) return null;
	return { cost: { N, r, p }, salt, key };
}

/** True when `password` matches `stored`; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const parsed = parse(stored);
	if (parsed === null) return false;
	const key = await derive(password, parsed.salt, parsed.cost);
	return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}
