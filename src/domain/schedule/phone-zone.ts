// A subscriber's time zone guessed from their phone number (issue 18 point 6), where the country
// calling code names one zone: a WhatsApp user id is the number in international form, digits only.
// Codes shared by countries in several zones (+1, +7, +52, +55, +61, +62…) are not guessed: the
// subscriber keeps the bot's zone until one is set through the API or an import.
import { normalizeTimeZone } from './time-zone.ts';

/** Calling code → the one zone of that country (the longest code matches first). */
const ZONE_OF_CODE: Record<string, string> = {
  '20': 'Africa/Cairo',
  '27': 'Africa/Johannesburg',
  '30': 'Europe/Athens',
  '31': 'Europe/Amsterdam',
  '32': 'Europe/Brussels',
  '33': 'Europe/Paris',
  '34': 'Europe/Madrid',
  '36': 'Europe/Budapest',
  '39': 'Europe/Rome',
  '40': 'Europe/Bucharest',
  '41': 'Europe/Zurich',
  '43': 'Europe/Vienna',
  '44': 'Europe/London',
  '45': 'Europe/Copenhagen',
  '46': 'Europe/Stockholm',
  '47': 'Europe/Oslo',
  '48': 'Europe/Warsaw',
  '49': 'Europe/Berlin',
  '51': 'America/Lima',
  '57': 'America/Bogota',
  '60': 'Asia/Kuala_Lumpur',
  '63': 'Asia/Manila',
  '64': 'Pacific/Auckland',
  '65': 'Asia/Singapore',
  '66': 'Asia/Bangkok',
  '81': 'Asia/Tokyo',
  '82': 'Asia/Seoul',
  '84': 'Asia/Ho_Chi_Minh',
  '86': 'Asia/Shanghai',
  '90': 'Europe/Istanbul',
  '91': 'Asia/Kolkata',
  '92': 'Asia/Karachi',
  '94': 'Asia/Colombo',
  '234': 'Africa/Lagos',
  '254': 'Africa/Nairobi',
  '351': 'Europe/Lisbon',
  '353': 'Europe/Dublin',
  '358': 'Europe/Helsinki',
  '359': 'Europe/Sofia',
  '370': 'Europe/Vilnius',
  '371': 'Europe/Riga',
  '372': 'Europe/Tallinn',
  '373': 'Europe/Chisinau',
  '374': 'Asia/Yerevan',
  '375': 'Europe/Minsk',
  '380': 'Europe/Kyiv',
  '381': 'Europe/Belgrade',
  '385': 'Europe/Zagreb',
  '420': 'Europe/Prague',
  '421': 'Europe/Bratislava',
  '966': 'Asia/Riyadh',
  '971': 'Asia/Dubai',
  '972': 'Asia/Jerusalem',
  '992': 'Asia/Dushanbe',
  '994': 'Asia/Baku',
  '995': 'Asia/Tbilisi',
  '996': 'Asia/Bishkek',
  '998': 'Asia/Tashkent',
};

/** The zone of a phone number's country when it has only one, else null. Only WhatsApp ids are numbers. */
export function guessTimeZone(platform: string, platformUserId: string): string | null {
  if (platform !== 'wa' || !/^\d{8,15}$/.test(platformUserId)) return null;
  for (const length of [3, 2]) {
    const zone = ZONE_OF_CODE[platformUserId.slice(0, length)];
    if (zone) return normalizeTimeZone(zone);
  }
  return null;
}
