import {
	formatDiscogsPrice,
	parseDiscogsPrice,
	readCsvRows,
	readDiscogsInventory,
	writeDiscogsInventory,
	type DiscogsListing
} from '@deadwax/core/discogs';
import { DISCOGS_GRADE_STRINGS, parseMediaGrade, parseSleeveGrade } from '@deadwax/core';

/*
 * Test and bench data in the Discogs export format, made from real rows: the Hungarian shop's
 * whole inventory in tests/fixtures/discogs (lemezordog_…_unas_format.csv, MIT), reshaped column
 * by column. Nothing is invented but listing ids, list times and bins.
 */

const HEADER = [
	'Cikkszám',
	'Termék Név',
	'Státusz',
	'Nettó Ár',
	'Bruttó Ár',
	'Kategória',
	'Rövid Leírás',
	'Hosszú leírás',
	'Kép link',
	'Egység',
	'Tömeg',
	'Paraméter: Lemez állapota||text',
	'Paraméter: Borító állapota||text',
	'Paraméter: Label||text'
];

/**
 * The shop's 747 listings as a Discogs seller inventory export (CRLF, header, minimal quoting):
 * "Artist / Title CATNO" split into artist, title and catalog number, net price (HUF) as the price,
 * kilograms as grams, the long description as comments, its SKU as external_id. Grades stay
 * exactly as the shop wrote them, including one sleeve-only "No Cover" in the media column.
 */
export function discogsExportFromShopCsv(text: string): string {
	const [header, ...rows] = readCsvRows(text).filter((r) => !(r.length === 1 && r[0] === ''));
	if (header?.join('|') !== HEADER.join('|')) throw new Error('not the lemezordog shop export');
	const lines = rows.map((r, i) => {
		const [
			sku = '',
			name = '',
			,
			net = '',
			,
			,
			short = '',
			long = '',
			,
			,
			kg = '',
			media = '',
			sleeve = '',
			label = ''
		] = r;
		const slash = name.indexOf(' / ');
		const artist = slash < 0 ? name : name.slice(0, slash);
		const rest = slash < 0 ? name : name.slice(slash + 3);
		const space = rest.lastIndexOf(' ');
		const title = space < 0 ? rest : rest.slice(0, space);
		const catno = space < 0 ? '' : rest.slice(space + 1);
		const isCd = /\bCD\b/.test(`${short} ${long}`);
		return [
			String(4_000_000_000 + i),
			artist,
			title,
			label,
			catno,
			isCd ? 'CD, Album' : 'Vinyl, LP, Album',
			'',
			'For Sale',
			// As Discogs would print it: "35316.090000000004" in the shop's file is 35316.09.
			formatDiscogsPrice(parseDiscogsPrice(net, 'HUF'), 'HUF'),
			`2021-0${1 + (i % 9)}-1${i % 10} 1${i % 10}:0${i % 6}:00`,
			long,
			media,
			sleeve,
			i % 3 === 0 ? 'Y' : 'N',
			sku,
			String(Math.round(Number(kg) * 1000)),
			'1',
			`Box ${1 + (i % 24)}`,
			'1'
		];
	});
	const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
	return [DISCOGS_COLUMNS_LINE, ...lines.map((l) => l.map(quote).join(','))].join('\r\n') + '\r\n';
}

const DISCOGS_COLUMNS_LINE =
	'listing_id,artist,title,label,catno,format,release_id,status,price,listed,comments,media_condition,sleeve_condition,accept_offer,external_id,weight,format_quantity,location,quantity';

/** The same file with the misfiled grade put right: a sleeve-only value moved to the sleeve. */
export function fixMisfiledGrades(exportText: string): string {
	const rows = readCsvRows(exportText);
	const fixed = rows.map((r, i) => {
		if (i === 0 || r.length !== 19) return r;
		try {
			parseMediaGrade(r[11] ?? '');
			return r;
		} catch {
			// A sleeve-only value in the media column: the copy has that sleeve, media graded by it.
			const sleeve = parseSleeveGrade(r[11] ?? '');
			return r.map((v, c) =>
				c === 11 ? DISCOGS_GRADE_STRINGS[parseSleeveGrade(r[12] ?? 'VG')] : c === 12 ? sleeve : v
			);
		}
	});
	const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
	return (
		fixed
			.filter((r) => !(r.length === 1 && r[0] === ''))
			.map((r) => r.map(quote).join(','))
			.join('\r\n') + '\r\n'
	);
}

/**
 * A file of `rows` listings cycling through the real ones of `exportText`, each with its own
 * listing id and external id: what the bench imports.
 */
export function scaleDiscogsExport(exportText: string, rows: number, currency: string): string {
	const read = readDiscogsInventory(exportText, { currency });
	if (!read.ok || read.listings.length === 0)
		throw new Error('scaleDiscogsExport needs a valid, non-empty export');
	const source = read.listings;
	const listings: DiscogsListing[] = Array.from({ length: rows }, (_, i) => {
		const l = source[i % source.length] as DiscogsListing;
		return { ...l, listingId: String(5_000_000_000 + i), externalId: `${l.externalId}#${i}` };
	});
	return writeDiscogsInventory(listings, { currency });
}
