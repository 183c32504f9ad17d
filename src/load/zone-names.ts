/**
 * Time zones by the names people use: "Eastern", "PST", "CET", "New York",
 * "Mumbai" → the IANA zone a calendar needs. Names that mean one zone are
 * accepted; names that mean several ("IST": India, Israel or Ireland) are
 * not guessed, only suggested.
 *
 * @example
 * resolveTimeZone('Eastern');          // 'America/New_York'
 * resolveTimeZone('london');           // 'Europe/London'
 * resolveTimeZone('IST');              // undefined
 * timeZoneCandidates('IST');           // ['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin']
 */
import { knownTimeZones, suggestClosest } from './suggest.js';

/**
 * Names and abbreviations that stand for one zone. Abbreviations that the
 * time zone database also knows (EST, MST, CET) are mapped here too: there
 * they are fixed offsets or stand-ins (EST is Panama, with no daylight
 * saving), while people who write them mean the region's clock.
 */
const ALIASES: Readonly<Record<string, string>> = {
  eastern: 'America/New_York', et: 'America/New_York', est: 'America/New_York', edt: 'America/New_York', 'us eastern': 'America/New_York', 'eastern time': 'America/New_York',
  central: 'America/Chicago', ct: 'America/Chicago', cdt: 'America/Chicago', 'us central': 'America/Chicago', 'central time': 'America/Chicago',
  mountain: 'America/Denver', mt: 'America/Denver', mst: 'America/Denver', mdt: 'America/Denver', 'us mountain': 'America/Denver', 'mountain time': 'America/Denver',
  pacific: 'America/Los_Angeles', pt: 'America/Los_Angeles', pst: 'America/Los_Angeles', pdt: 'America/Los_Angeles', 'us pacific': 'America/Los_Angeles', 'pacific time': 'America/Los_Angeles',
  alaska: 'America/Anchorage', akst: 'America/Anchorage', hawaii: 'Pacific/Honolulu', hst: 'Pacific/Honolulu',
  atlantic: 'America/Halifax', newfoundland: 'America/St_Johns',
  gmt: 'Europe/London', bst: 'Europe/London', uk: 'Europe/London', 'british time': 'Europe/London',
  wet: 'Europe/Lisbon', cet: 'Europe/Paris', cest: 'Europe/Paris', met: 'Europe/Paris', eet: 'Europe/Athens', eest: 'Europe/Athens', msk: 'Europe/Moscow',
  jst: 'Asia/Tokyo', kst: 'Asia/Seoul', hkt: 'Asia/Hong_Kong', sgt: 'Asia/Singapore', pht: 'Asia/Manila', wib: 'Asia/Jakarta', pkt: 'Asia/Karachi',
  aest: 'Australia/Sydney', aedt: 'Australia/Sydney', acst: 'Australia/Adelaide', awst: 'Australia/Perth', nzst: 'Pacific/Auckland', nzdt: 'Pacific/Auckland',
  utc: 'UTC', z: 'UTC', zulu: 'UTC',
  // Cities the database names by another city of the same zone.
  mumbai: 'Asia/Kolkata', bombay: 'Asia/Kolkata', delhi: 'Asia/Kolkata', 'new delhi': 'Asia/Kolkata', bangalore: 'Asia/Kolkata', bengaluru: 'Asia/Kolkata', chennai: 'Asia/Kolkata', hyderabad: 'Asia/Kolkata',
  beijing: 'Asia/Shanghai', shenzhen: 'Asia/Shanghai', 'san francisco': 'America/Los_Angeles', seattle: 'America/Los_Angeles',
  boston: 'America/New_York', washington: 'America/New_York', 'washington dc': 'America/New_York', atlanta: 'America/New_York', miami: 'America/New_York',
  dallas: 'America/Chicago', houston: 'America/Chicago', austin: 'America/Chicago', montreal: 'America/Toronto', munich: 'Europe/Berlin', frankfurt: 'Europe/Berlin',
  milan: 'Europe/Rome', barcelona: 'Europe/Madrid', geneva: 'Europe/Zurich', 'tel aviv': 'Asia/Jerusalem', osaka: 'Asia/Tokyo', 'ho chi minh city': 'Asia/Ho_Chi_Minh',
};

/** Names that stand for several zones: suggested, never chosen. */
const AMBIGUOUS: Readonly<Record<string, readonly string[]>> = {
  ist: ['Asia/Kolkata', 'Asia/Jerusalem', 'Europe/Dublin'],
  cst: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'],
  ast: ['America/Halifax', 'Asia/Riyadh'],
};

const key = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, ' ').replace(/\./g, '');

/** The zones a city name (last part of an IANA name, e.g. "New York") stands for. */
function zonesOfCity(name: string): string[] {
  const wanted = key(name);
  return knownTimeZones().filter((z) => key(z.slice(z.lastIndexOf('/') + 1)) === wanted);
}

/** The IANA zone `name` means, when it means exactly one; undefined otherwise. */
export function resolveTimeZone(name: string): string | undefined {
  const k = key(name);
  if (k === '') return undefined;
  if (ALIASES[k]) return ALIASES[k];
  if (AMBIGUOUS[k]) return undefined;
  const exact = knownTimeZones().find((z) => key(z) === k);
  if (exact) return exact;
  const cities = zonesOfCity(name);
  if (cities.length === 1) return cities[0];
  // Legacy names the runtime still knows (US/Eastern, Asia/Calcutta): keep them as written.
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name.trim() }).resolvedOptions().timeZone && name.trim();
  } catch {
    return undefined;
  }
}

/** The zones to suggest for a name that did not resolve, most likely first (may be empty). */
export function timeZoneCandidates(name: string): string[] {
  const k = key(name);
  if (AMBIGUOUS[k]) return [...AMBIGUOUS[k]];
  const cities = zonesOfCity(name);
  if (cities.length > 1) return cities;
  const alias = suggestClosest(k, Object.keys(ALIASES));
  if (alias && alias.length > 2) return [ALIASES[alias]!];
  const zone = suggestClosest(name.trim(), knownTimeZones());
  return zone ? [zone] : [];
}

/** The one zone most likely meant by a name that did not resolve ("America/NewYork" → "America/New_York"). */
export function suggestTimeZone(name: string): string | undefined {
  return timeZoneCandidates(name)[0];
}
