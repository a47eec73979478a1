import { DomainError } from '../errors.ts';

/**
 * ISO 4217 minor-unit exponents that are not 2. Pinned here rather than read from Intl because
 * CLDR's display digits differ from ISO 4217 for some currencies (Intl shows HUF, IDR, PKR… with
 * 0 decimals and IQD with 0 instead of 3) and differ between ICU versions, so a tablet browser
 * and the server could disagree on what a minor unit is.
 */
const NON_DECIMAL_EXPONENTS: Readonly<Record<string, number>> = {
	BIF: 0,
	CLP: 0,
	DJF: 0,
	GNF: 0,
	ISK: 0,
	JPY: 0,
	KMF: 0,
	KRW: 0,
	PYG: 0,
	RWF: 0,
	UGX: 0,
	UYI: 0,
	VND: 0,
	VUV: 0,
	XAF: 0,
	XOF: 0,
	XPF: 0,
	BHD: 3,
	IQD: 3,
	JOD: 3,
	KWD: 3,
	LYD: 3,
	OMR: 3,
	TND: 3,
	CLF: 4,
	UYW: 4
};

let knownCurrencies: ReadonlySet<string> | undefined;

function isKnownCurrency(code: string): boolean {
	knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
	return knownCurrencies.has(code) || code in NON_DECIMAL_EXPONENTS;
}

/**
 * Throws `invalid_input` unless `currency` is an ISO 4217 code Intl knows (upper case, e.g. EUR).
 * `field` names the input in the message.
 */
export function assertCurrency(currency: string, field = 'currency'): void {
	if (!/^[A-Z]{3}$/.test(currency) || !isKnownCurrency(currency)) {
		throw new DomainError(
			'invalid_input',
			`${field} must be an ISO 4217 currency code like EUR (got ${JSON.stringify(currency)})`
		);
	}
}

/**
 * Digits after the decimal point in the currency's minor unit, per ISO 4217: JPY 0,
 * USD/EUR/GBP/HUF 2, BHD 3. Throws `invalid_input` for an unknown code.
 */
export function currencyExponent(currency: string): number {
	assertCurrency(currency);
	return NON_DECIMAL_EXPONENTS[currency] ?? 2;
}
