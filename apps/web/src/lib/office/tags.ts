/**
 * Price tag sizes. Sheets are common A4 and US Letter label sheets (the shop loads them in an
 * office printer); the roll is a thermal label printer's. Millimetres throughout, as the CSS
 * prints them.
 */
export interface TagLayout {
	id: 'a4-3x7' | 'a4-3x8' | 'letter-3x10' | 'thermal-57x32';
	name: string;
	/** Label size. */
	widthMm: number;
	heightMm: number;
	/** Labels across and down a sheet; a roll prints one per page. */
	columns: number;
	rows: number;
	pageWidthMm: number;
	pageHeightMm: number;
	/** Sheet margins and the gaps between labels. */
	marginTopMm: number;
	marginLeftMm: number;
	gapXMm: number;
	gapYMm: number;
}

export const TAG_LAYOUTS: readonly TagLayout[] = [
	{
		id: 'a4-3x7',
		name: 'A4 sheet, 3 × 7 labels of 63.5 × 38.1 mm (Avery L7160)',
		widthMm: 63.5,
		heightMm: 38.1,
		columns: 3,
		rows: 7,
		pageWidthMm: 210,
		pageHeightMm: 297,
		marginTopMm: 15.15,
		marginLeftMm: 7.25,
		gapXMm: 2.5,
		gapYMm: 0
	},
	{
		id: 'a4-3x8',
		name: 'A4 sheet, 3 × 8 labels of 63.5 × 33.9 mm (Avery L7159)',
		widthMm: 63.5,
		heightMm: 33.9,
		columns: 3,
		rows: 8,
		pageWidthMm: 210,
		pageHeightMm: 297,
		marginTopMm: 12.9,
		marginLeftMm: 7.25,
		gapXMm: 2.5,
		gapYMm: 0
	},
	{
		id: 'letter-3x10',
		name: 'US Letter sheet, 3 × 10 labels of 2⅝ × 1 in (Avery 5160)',
		widthMm: 66.675,
		heightMm: 25.4,
		columns: 3,
		rows: 10,
		pageWidthMm: 215.9,
		pageHeightMm: 279.4,
		marginTopMm: 12.7,
		marginLeftMm: 4.7625,
		gapXMm: 3.175,
		gapYMm: 0
	},
	{
		id: 'thermal-57x32',
		name: 'Thermal label printer roll, 57 × 32 mm',
		widthMm: 57,
		heightMm: 32,
		columns: 1,
		rows: 1,
		pageWidthMm: 57,
		pageHeightMm: 32,
		marginTopMm: 0,
		marginLeftMm: 0,
		gapXMm: 0,
		gapYMm: 0
	}
];

/** What one printed tag says. */
export interface Tag {
	itemId: string;
	/** Fits two lines of a small label: "Artist – Title" cut with an ellipsis. */
	title: string;
	price: string;
	/** "NM / VG+" for used copies; format for new stock. */
	detail: string;
	/** EAN-13 to print as bars: the in-store SKU, or the release barcode for new stock. */
	barcode: string | null;
}

/** `text` cut to at most `max` characters at a word where it can be, with an ellipsis. */
export function shortTitle(text: string, max = 42): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** One tag per copy: `copies` of each, in order. Refuses more than `limit` tags in one print. */
export function expandTags<T>(lines: readonly { tag: T; copies: number }[], limit = 1000): T[] {
	const tags: T[] = [];
	for (const { tag, copies } of lines) {
		if (!Number.isInteger(copies) || copies < 0)
			throw new Error(`copies must be a whole number ≥ 0 (got ${copies})`);
		for (let i = 0; i < copies; i++) tags.push(tag);
		if (tags.length > limit) throw new Error(`at most ${limit} tags in one print (asked for more)`);
	}
	return tags;
}

/** Tags laid out page by page for a layout. */
export function pagesOf<T>(tags: readonly T[], layout: TagLayout): T[][] {
	const perPage = layout.columns * layout.rows;
	const pages: T[][] = [];
	for (let i = 0; i < tags.length; i += perPage) pages.push(tags.slice(i, i + perPage));
	return pages;
}
