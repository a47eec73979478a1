/**
 * A barcode scanner in keyboard mode types its code and presses Enter. This collects those keys
 * when they are not aimed at a text field, so a scan lands anywhere on the sell screen while
 * typing into the search box or a form stays typing.
 */

/** The parts of a KeyboardEvent the wedge needs; tests pass plain objects. */
export interface WedgeKey {
	readonly key: string;
	readonly target: EventTarget | null;
	readonly ctrlKey?: boolean;
	readonly altKey?: boolean;
	readonly metaKey?: boolean;
}

/** Shortest scan accepted: EAN-8 is 8 digits, but shop SKUs and receipt numbers can be short. */
export const MIN_SCAN_LENGTH = 4;

/** Keys further apart than this start a new code: a scanner types a whole code in milliseconds. */
export const MAX_KEY_GAP_MS = 1_000;

const SCAN_CHAR = /^[0-9A-Za-z-]$/;

/** True when typing into `target` must stay typing (a field, a select, an editable element). */
export function isTextEntry(target: EventTarget | null): boolean {
	if (target === null || typeof target !== 'object') return false;
	const el = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown };
	if (el.isContentEditable === true) return true;
	const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
	if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
	if (tag !== 'INPUT') return false;
	const type = typeof el.type === 'string' ? el.type : 'text';
	return !['button', 'submit', 'reset', 'checkbox', 'radio'].includes(type);
}

export class KeyboardWedge {
	#buffer = '';
	#lastAt = -Infinity;
	readonly #onScan: (code: string) => void;
	readonly #digitsOnly: boolean;

	/** `digitsOnly`: item barcodes; false also takes letters and dashes (receipt numbers). */
	constructor(onScan: (code: string) => void, { digitsOnly = true } = {}) {
		this.#onScan = onScan;
		this.#digitsOnly = digitsOnly;
	}

	/** Feeds one keydown. Returns true when the key was part of a scan (the caller may preventDefault). */
	handle(event: WedgeKey, atMs: number): boolean {
		if (isTextEntry(event.target) || event.ctrlKey || event.altKey || event.metaKey) {
			this.#buffer = '';
			return false;
		}
		// Scanners hold Shift for capital letters; it is not part of the code.
		if (event.key === 'Shift') return false;
		if (atMs - this.#lastAt > MAX_KEY_GAP_MS) this.#buffer = '';
		this.#lastAt = atMs;
		if (event.key === 'Enter') {
			const code = this.#buffer;
			this.#buffer = '';
			if (code.length < MIN_SCAN_LENGTH) return false;
			this.#onScan(code);
			return true;
		}
		const accepted = this.#digitsOnly ? /^\d$/.test(event.key) : SCAN_CHAR.test(event.key);
		if (!accepted) {
			this.#buffer = '';
			return false;
		}
		this.#buffer += event.key;
		return false;
	}
}
