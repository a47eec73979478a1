import { expect, test } from 'vitest';
import { checkRegisterName, REGISTER_NAME_MAX_LENGTH } from './register-name.ts';

test('trims and collapses the spaces a clerk types', () => {
	expect(checkRegisterName('  Front   counter ')).toEqual({ ok: true, name: 'Front counter' });
});

test('refuses a blank name and says so', () => {
	expect(checkRegisterName('   ')).toEqual({
		ok: false,
		message: 'Register name must not be empty.'
	});
});

test('refuses a name that is too long and names the length it got', () => {
	const tooLong = 'x'.repeat(REGISTER_NAME_MAX_LENGTH + 1);
	expect(checkRegisterName(tooLong)).toEqual({
		ok: false,
		message: `Register name must be at most ${REGISTER_NAME_MAX_LENGTH} characters (got ${REGISTER_NAME_MAX_LENGTH + 1}).`
	});
});
