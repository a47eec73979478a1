import { DomainError, formatMoney, parseMoney } from '@deadwax/core';
import type { ShareRuleView } from '@deadwax/sync';

/*
 * A label's share as a manager types it in the office: a percentage ("30", "27,5 %") or an amount
 * per copy in the shop's currency ("7", "6.50").
 */

export type ShareKind = ShareRuleView['kind'];

/** "30" → 3000 basis points; up to two decimals; 0–100. Throws naming `field`. */
export function parsePercentBp(text: string, field = 'share'): number {
	const cleaned = text.trim().replace(/\s*%$/, '').replace(',', '.');
	if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) {
		throw new DomainError(
			'invalid_input',
			`${field} must be a percentage like 30 or 27.5 (got "${text.trim()}")`
		);
	}
	const bp = Math.round(Number(cleaned) * 100);
	if (bp > 10_000) {
		throw new DomainError('invalid_input', `${field} must be at most 100 % (got ${cleaned} %)`);
	}
	return bp;
}

/** The rule a form's kind and typed value stand for. Throws naming `field`. */
export function parseShareRule(
	kind: ShareKind,
	text: string,
	currency: string,
	locale: string,
	field = 'share'
): ShareRuleView {
	if (kind === 'percent') return { kind, percentBp: parsePercentBp(text, field) };
	let amountCents: number;
	try {
		amountCents = parseMoney(text, currency, locale);
	} catch {
		throw new DomainError(
			'invalid_input',
			`${field} must be an amount per copy like 7.00 (got "${text.trim()}")`
		);
	}
	if (amountCents < 0) {
		throw new DomainError('invalid_input', `${field} must not be negative (got "${text.trim()}")`);
	}
	return { kind, amountCents };
}

/** What a form field shows for a rule: "30" or "7.00". */
export function ruleText(rule: ShareRuleView, exponent: number): string {
	return rule.kind === 'percent'
		? String(rule.percentBp / 100)
		: (rule.amountCents / 10 ** exponent).toFixed(exponent);
}

/** "30 % of the net price" or "€7.00 per copy". */
export function describeRule(rule: ShareRuleView, currency: string, locale: string): string {
	if (rule.kind === 'percent') return `${rule.percentBp / 100} % of the net price`;
	return `${formatMoney(rule.amountCents, currency, locale)} per copy`;
}
