/** Longest register name that still fits the register's header on a phone. */
export const REGISTER_NAME_MAX_LENGTH = 40;

export type RegisterNameCheck = { ok: true; name: string } | { ok: false; message: string };

/** Tidies what the clerk typed (trims, collapses spaces) and says plainly what is wrong with it. */
export function checkRegisterName(input: string): RegisterNameCheck {
	const name = input.trim().replace(/\s+/g, ' ');
	if (name.length === 0) {
		return { ok: false, message: 'Register name must not be empty.' };
	}
	if (name.length > REGISTER_NAME_MAX_LENGTH) {
		return {
			ok: false,
			message: `Register name must be at most ${REGISTER_NAME_MAX_LENGTH} characters (got ${name.length}).`
		};
	}
	return { ok: true, name };
}
