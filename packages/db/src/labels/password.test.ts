import { expect, test } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

const CHEAP = { N: 1024, r: 8, p: 1 };

test('a password verifies against its own hash and no other password does', async () => {
	const stored = await hashPassword('correct horse battery', CHEAP);
	expect(stored.startsWith('scrypt$1024$8$1$')).toBe(true);
	expect(await verifyPassword('correct horse battery', stored)).toBe(true);
	expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
	expect(await verifyPassword('', stored)).toBe(false);
});

test('each hash has its own salt, so equal passwords never share a hash', async () => {
	const [a, b] = await Promise.all([
		hashPassword('same password!', CHEAP),
		hashPassword('same password!', CHEAP)
	]);
	expect(a).not.toBe(b);
	expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
});

test('the same password typed in composed or decomposed Unicode matches', async () => {
	const stored = await hashPassword('Mötley Crüe rules', CHEAP);
	expect(await verifyPassword('Mo\u0308tley Cru\u0308e rules', stored)).toBe(true);
});

test('a malformed or outrageous stored hash never verifies and never runs a huge scrypt', async () => {
	const stored = await hashPassword('correct horse battery', CHEAP);
	const [, , , , salt, key] = stored.split('$');
	for (const bad of [
		'',
		'pbkdf2$1$2$3$4$5',
		`scrypt$1000$8$1$${salt}$${key}`,
		`scrypt$${2 ** 24}$8$1$${salt}$${key}`,
		`scrypt$1024$8$1$$${key}`
	]) {
		expect(await verifyPassword('correct horse battery', bad)).toBe(false);
	}
});
