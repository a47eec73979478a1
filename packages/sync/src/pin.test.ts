import { expect, test } from 'vitest';
import { hashPin, PIN_HASH_ITERATIONS, pinProblem, verifyPin } from './pin.ts';

// Few rounds keep the suite quick; the format and the comparison are what is under test.
const FAST = { iterations: 1_000 };

test('hashes a PIN in the pbkdf2-sha256 format with the production rounds by default', async () => {
	const hash = await hashPin('2468');
	expect(hash).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
	expect(PIN_HASH_ITERATIONS).toBe(100_000);
	expect(await verifyPin('2468', hash)).toBe(true);
});

test('accepts the right PIN and refuses a wrong one', async () => {
	const hash = await hashPin('1357', FAST);
	expect(await verifyPin('1357', hash)).toBe(true);
	expect(await verifyPin('1358', hash)).toBe(false);
	expect(await verifyPin('13570', hash)).toBe(false);
});

test('salts every hash, so one PIN never hashes the same twice', async () => {
	const [a, b] = await Promise.all([hashPin('1234', FAST), hashPin('1234', FAST)]);
	expect(a).not.toBe(b);
	expect(await verifyPin('1234', a)).toBe(true);
	expect(await verifyPin('1234', b)).toBe(true);
});

test('refuses to hash a PIN that is not 4 to 8 digits and says why', async () => {
	await expect(hashPin('123', FAST)).rejects.toThrow(
		'PIN must be 4 to 8 digits (got 3 characters)'
	);
	await expect(hashPin('123456789', FAST)).rejects.toThrow('PIN must be 4 to 8 digits');
	await expect(hashPin('12a4', FAST)).rejects.toThrow('PIN must be 4 to 8 digits');
	expect(pinProblem('12345678')).toBeNull();
});

test('treats a malformed or tampered hash as a mismatch instead of throwing', async () => {
	const hash = await hashPin('2468', FAST);
	const [scheme, rounds, salt, digest] = hash.split('$');
	expect(await verifyPin('2468', '')).toBe(false);
	expect(await verifyPin('2468', `md5$${rounds}$${salt}$${digest}`)).toBe(false);
	expect(await verifyPin('2468', `${scheme}$0$${salt}$${digest}`)).toBe(false);
	expect(await verifyPin('2468', `${scheme}$${rounds}$${salt}$not*base64`)).toBe(false);
	expect(await verifyPin('2468', `${scheme}$${rounds}$${salt}$${digest!.slice(0, 20)}`)).toBe(
		false
	);
	expect(await verifyPin('2468', `${scheme}$2000$${salt}$${digest}`)).toBe(false);
});
