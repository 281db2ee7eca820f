// werf's slug algorithm (pkg/slug, reference/werf-core.md §8): transliterate
// character by character, collapse dashes, trim; when the input is invalid or
// too long: `<cropped slug>-<LegacyMurmurHash(input)>`.
//
// Transliteration: ASCII, Latin-1, Latin Extended-A and Cyrillic follow werf's
// table exactly; other Latin letters (Extended-B, Latin Extended Additional,
// letterlike and enclosed forms, fullwidth) are derived by Unicode
// decomposition, which agrees with werf's table for the letters with
// diacritics; the few oddities outside these blocks may differ.
import { legacyMurmurHash } from '../digest/index.js';

const SEPARATOR = '-';
export const NAMESPACE_MAX = 63;
export const RELEASE_MAX = 53;
export const DOCKER_TAG_MAX = 128;
export const PROJECT_MAX = 50;
export const DEFAULT_SLUG_MAX = 42;

const TABLE = new Map<string, string>();
function add(chars: string, to: string): void {
  for (const c of chars) TABLE.set(c, to);
}
for (const c of '0123456789abcdefghijklmnopqrstuvwxyz') TABLE.set(c, c);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') TABLE.set(c, c.toLowerCase());
add('&(){}-_[],.;:=+<>~/ ', '-');
add('²', '2'); add('³', '3'); add('µ', 'u');
// Latin-1 supplement
add('ÀÁÂÃÄÅàáâãäå', 'a'); add('Ææ', 'ae'); add('Çç', 'c'); add('ÈÉÊËèéêë', 'e'); add('ÌÍÎÏìíîï', 'i');
add('Ð', 'd'); add('ð', 'o'); add('Ññ', 'n'); add('ÒÓÔÕÖØòóôõöø', 'o'); add('×', 'x'); add('ÙÚÛÜùúûü', 'u');
add('Ýýÿ', 'y'); add('Þþ', 'th'); add('ß', 'b');
// Latin Extended-A
add('ĀāĂăĄą', 'a'); add('ĆćĈĉĊċČč', 'c'); add('ĎďĐđ', 'd'); add('ĒēĔĕĖėĘęĚě', 'e'); add('ĜĝĞğĠġĢģ', 'g');
add('ĤĥĦħ', 'h'); add('ĨĩĪīĬĭĮį', 'i'); add('İı', 'l'); add('Ĳĳ', 'ij'); add('Ĵĵ', 'j'); add('Ķķĸ', 'k');
add('ĹĺĻļĽľĿŀŁł', 'l'); add('ŃńŅņŇňŉŊŋ', 'n'); add('ŌōŎŏŐő', 'o'); add('Œœ', 'oe'); add('ŔŕŖŗŘř', 'r');
add('ŚśŜŝŞşŠšſ', 's'); add('ŢţŤťŦŧ', 't'); add('ŨũŪūŬŭŮůŰűŲų', 'u'); add('Ŵŵ', 'w'); add('ŶŷŸ', 'y'); add('ŹźŻżŽž', 'z');
// Latin Extended-B entries that do not decompose
add('ƀƁƄƅɃ', 'b'); add('ƇƈȻȼ', 'c'); add('ƉƊɗ', 'd'); add('Ƌƌ', 'nd'); add('ƐɆɇǝ', 'e'); add('Ƒƒ', 'f'); add('Ɠɠɡɢ', 'g');
add('ƖƗ', 'i'); add('Ƙƙ', 'k'); add('Ɯɯ', 'w'); add('ƝƞȠ', 'n'); add('ƟɵǾǿ', 'o'); add('Ƥƥ', 'p'); add('ƦɌɍ', 'r');
add('ƧƨƩȿ', 's'); add('ƪƫƬƭƮȾ', 't'); add('ƱƲɄ', 'u'); add('ƵƶƷȤȥɀ', 'z'); add('Ƽƽ', 'q'); add('ǄǅǆǱǲǳ', 'dz');
add('Ǉǈǉ', 'lj'); add('Ǌǋǌ', 'nj'); add('ǢǣǼǽ', 'ae'); add('Ǥǥ', 'g'); add('ȷɈɉ', 'j'); add('ȸ', 'db'); add('ȹ', 'qp');
add('Ⱥɑ', 'a'); add('Ƚ', 'l'); add('Ʌ', 'v'); add('Ɋɋ', 'q'); add('Ɏɏ', 'y'); add('ɱ', 'm'); add('ɶ', 'oe');
add('ᴀ', 'a'); add('ᴁᴂ', 'ae'); add('ᴃ', 'b'); add('ᴄ', 'c'); add('ᴅᴆ', 'd'); add('ᴇ', 'e'); add('ᴊ', 'j'); add('ᴋ', 'k');
add('ᴌ', 'l'); add('ᴍ', 'm'); add('ᴎ', 'n'); add('ᴏ', 'o'); add('ꜰ', 'f'); add('ꜱ', 's'); add('Ꜳꜳ', 'aa'); add('Ꜵꜵ', 'ao');
add('Ꜷꜷ', 'aj'); add('Ꜹꜹ', 'av'); add('ꜻꜻꜼꜽ', 'af'); add('Ꜻ', 'af'); add('＿～', '-');
add('℀', 'ac'); add('℁', 'as'); add('℅', 'co'); add('℆', 'cu'); add('℃℄', 'c'); add('℉', 'f'); add('℞', 'px'); add('℠', 'sm');
add('℡', 'tel'); add('™', 'tm'); add('℗', 'p'); add('ℏ', 'h'); add('℮', 'e');
// Cyrillic (Russian)
const CYR: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'ye', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
for (const [k, v] of Object.entries(CYR)) {
  TABLE.set(k, v);
  TABLE.set(k.toUpperCase(), v);
}

function inDerivedRange(cp: number): boolean {
  return (cp >= 0x180 && cp <= 0x24f) || (cp >= 0x1e00 && cp <= 0x1eff) || (cp >= 0x2090 && cp <= 0x209c) ||
    (cp >= 0x2100 && cp <= 0x214f) || (cp >= 0x2488 && cp <= 0x24ea) || (cp >= 0xff21 && cp <= 0xff5a);
}

function translit(ch: string): string {
  const t = TABLE.get(ch);
  if (t !== undefined) return t;
  const cp = ch.codePointAt(0)!;
  if (!inDerivedRange(cp)) return '';
  const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[()]/g, '').replace(/\.$/, '').toLowerCase();
  return /^[a-z0-9]+$/.test(base) ? base : '';
}

/** werf's slugify: transliterate, no leading/doubled/trailing dashes. */
export function slugify(data: string): string {
  let out = '';
  let prevDash = false;
  let cursorDash = false;
  for (const ch of data) {
    const cur = translit(ch);
    if (cur === '') continue;
    cursorDash = cur === '-';
    if (cursorDash && (out === '' || prevDash)) continue;
    out += cur;
    prevDash = cursorDash;
  }
  if (out !== '' && cursorDash) out = out.slice(0, -1);
  return out;
}

function byteLen(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function slugWithHash(data: string, maxSize: number): string {
  const s = slugify(data);
  const hash = legacyMurmurHash(data);
  const parts: string[] = [];
  if (s !== '') {
    const maxLength = maxSize - hash.length - SEPARATOR.length;
    let cropped = s.length > maxLength ? s.slice(0, maxLength) : s;
    // werf's legacy quirk: it checks the prefix, not the suffix
    if (cropped.startsWith('-')) cropped = cropped.slice(0, -1);
    parts.push(cropped);
  }
  parts.push(hash);
  return parts.join(SEPARATOR);
}

/** werf's LimitedSlug (used for env slugs, default max 42). */
export function limitedSlug(data: string, maxSize = DEFAULT_SLUG_MAX): string {
  if (!shouldBeSlugged(data, maxSize)) return data;
  return slugWithHash(data, maxSize);
}

function shouldBeSlugged(data: string, maxSize: number): boolean {
  if (data.length === 0) return false;
  if (slugify(data) === data && byteLen(data) <= maxSize) return false;
  if (byteLen(data) > maxSize) return true;
  if (data.split('--').length - 1 !== 1) return true;
  const formatted = data.replace('--', '-');
  return slugify(formatted) !== formatted;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DOCKER_TAG = /^[\w][\w.-]*$/;
const PROJECT = /^(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;

/** Why `name` is not a valid namespace, or null when it is. */
export function validateNamespace(name: string): string | null {
  if (name.length === 0) return null;
  if (name.length > NAMESPACE_MAX) return `kubernetes namespace should be a valid DNS-1123 label: ${JSON.stringify(name)} is ${name.length} chars long`;
  if (!DNS1123_LABEL.test(name)) return `kubernetes namespace should be a valid DNS-1123 label: ${JSON.stringify(name)} must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`;
  return null;
}

export function validateRelease(name: string): string | null {
  if (name.length === 0) return null;
  if (name.length > RELEASE_MAX) return `helm release name should be a valid DNS-1123 subdomain and be maximum ${RELEASE_MAX} chars: ${JSON.stringify(name)} is ${name.length} chars long`;
  if (!DNS1123_SUBDOMAIN.test(name)) return `helm release name should be a valid DNS-1123 subdomain and be maximum ${RELEASE_MAX} chars: ${JSON.stringify(name)} must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`;
  return null;
}

export function slugNamespace(name: string): string {
  return validateNamespace(name) === null ? name : slugWithHash(name, NAMESPACE_MAX);
}

export function slugRelease(name: string): string {
  return validateRelease(name) === null ? name : slugWithHash(name, RELEASE_MAX);
}

export function slugDockerTag(tag: string): string {
  return tag.length === 0 || (DOCKER_TAG.test(tag) && tag.length <= DOCKER_TAG_MAX) ? tag : slugWithHash(tag, DOCKER_TAG_MAX);
}

/** werf's slug.Project: valid names stay, others are slugified and cut to 50 (no hash). */
export function slugProject(name: string): string {
  if (name.length === 0 || (PROJECT.test(name) && name.length <= PROJECT_MAX)) return name;
  const s = slugify(name);
  return s.length > PROJECT_MAX ? s.slice(0, PROJECT_MAX) : s;
}
