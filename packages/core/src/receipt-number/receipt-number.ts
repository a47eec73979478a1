import { DomainError } from '../errors.ts';

/** A receipt number taken apart: the device that issued it and that device's own sequence. */
export interface ReceiptNo {
	readonly deviceCode: string;
	readonly seq: number;
}

const DEVICE_CODE = /^[A-Z][A-Z0-9]{0,3}$/;
const MAX_SEQ = 999_999_999;

/**
 * Throws `invalid_input` unless `deviceCode` is 1–4 upper-case letters or digits starting with a
 * letter (K7, TILL2). Each register in a shop gets its own code from the office.
 */
export function assertDeviceCode(deviceCode: string): void {
	if (!DEVICE_CODE.test(deviceCode)) {
		throw new DomainError(
			'invalid_input',
			`deviceCode must be 1 to 4 capital letters or digits starting with a letter, like K7 (got ${JSON.stringify(deviceCode)})`
		);
	}
}

/**
 * The printed receipt number: device code, a dash, and the device's own sequence padded to six
 * digits ("K7-000142"). Unique across the shop with no network because device codes are unique
 * per shop and each device counts on its own. Throws `invalid_input` for a bad code or a
 * sequence that is not a whole number from 1 to 999999999.
 */
export function formatReceiptNo(deviceCode: string, seq: number): string {
	assertDeviceCode(deviceCode);
	if (!Number.isSafeInteger(seq) || seq < 1 || seq > MAX_SEQ) {
		throw new DomainError(
			'invalid_input',
			`receipt sequence must be a whole number from 1 to ${MAX_SEQ} (got ${String(seq)})`
		);
	}
	return `${deviceCode}-${String(seq).padStart(6, '0')}`;
}

/**
 * Reads a receipt number back as typed or scanned: case, spaces and short sequences are
 * forgiven ("k7 142", "K7-000142"). The dash may be left out only when the device code has no
 * digits ("TILL142"), since "K7000142" could be K7 or K. Throws `invalid_input` when it is not one.
 */
export function parseReceiptNo(text: string): ReceiptNo {
	const clean = text.trim().toUpperCase();
	const match =
		/^([A-Z][A-Z0-9]{0,3})[\s-]+(\d{1,9})$/.exec(clean) ?? /^([A-Z]{1,4})(\d{1,9})$/.exec(clean);
	const seq = Number(match?.[2]);
	if (match === null || seq < 1) {
		throw new DomainError(
			'invalid_input',
			`receipt number must look like K7-000142 (got ${JSON.stringify(text)})`
		);
	}
	return { deviceCode: match[1] ?? '', seq };
}
