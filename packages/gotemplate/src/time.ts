// time.Time formatting and parsing with Go layouts (for sprig's date functions and %v of times).
import { GoTime } from './values.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Parts { year: number; month: number; day: number; hour: number; min: number; sec: number; nanos: number; wday: number; yday: number }

function partsOf(t: GoTime): Parts {
  const d = new Date(t.ms + t.offsetMin * 60000);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), min: d.getUTCMinutes(),
    sec: d.getUTCSeconds(), nanos: (((t.ms % 1000) + 1000) % 1000) * 1e6 + t.nanos, wday: d.getUTCDay(),
    yday: Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - start) / 86400000) + 1,
  };
}

const TOKENS = ['January', 'Jan', 'Monday', 'Mon', 'MST', '2006', '002', '01', '02', '03', '04', '05', '06', '15', '_2', '__2', 'Z070000', 'Z07:00:00', 'Z0700', 'Z07:00', 'Z07', '-070000', '-07:00:00', '-0700', '-07:00', '-07', 'PM', 'pm', '1', '2', '3', '4', '5'];

function p2(n: number): string { return n < 10 ? '0' + n : String(n); }

export function formatTime(t: GoTime, layout: string): string {
  const p = partsOf(t);
  let out = '';
  let i = 0;
  while (i < layout.length) {
    // fractional seconds: .000 / .999 / ,000
    if ((layout[i] === '.' || layout[i] === ',') && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
      const c = layout[i + 1];
      let j = i + 1;
      while (layout[j] === c) j++;
      if (!(layout[j] >= '0' && layout[j] <= '9')) {
        const n = j - i - 1;
        let frac = String(p.nanos).padStart(9, '0').slice(0, n);
        if (c === '9') {
          frac = frac.replace(/0+$/, '');
          out += frac ? layout[i] + frac : '';
        } else out += layout[i] + frac;
        i = j;
        continue;
      }
    }
    const tok = TOKENS.find((k) => layout.startsWith(k, i));
    if (!tok) { out += layout[i++]; continue; }
    // Go: "Jan" only when not followed by lowercase for Mon/January handled by order
    i += tok.length;
    const off = t.offsetMin;
    const oh = Math.floor(Math.abs(off) / 60), om = Math.abs(off) % 60;
    const sgn = off < 0 ? '-' : '+';
    switch (tok) {
      case 'January': out += MONTHS[p.month - 1]; break;
      case 'Jan': out += MONTHS[p.month - 1].slice(0, 3); break;
      case 'Monday': out += DAYS[p.wday]; break;
      case 'Mon': out += DAYS[p.wday].slice(0, 3); break;
      case 'MST': out += t.zone || (sgn + p2(oh) + (om ? p2(om) : '')); break;
      case '2006': out += String(p.year).padStart(4, '0'); break;
      case '06': out += p2(p.year % 100); break;
      case '01': out += p2(p.month); break;
      case '1': out += String(p.month); break;
      case '02': out += p2(p.day); break;
      case '_2': out += (p.day < 10 ? ' ' : '') + p.day; break;
      case '2': out += String(p.day); break;
      case '002': out += String(p.yday).padStart(3, '0'); break;
      case '__2': out += String(p.yday).padStart(3, ' '); break;
      case '15': out += p2(p.hour); break;
      case '03': out += p2(p.hour % 12 === 0 ? 12 : p.hour % 12); break;
      case '3': out += String(p.hour % 12 === 0 ? 12 : p.hour % 12); break;
      case '04': out += p2(p.min); break;
      case '4': out += String(p.min); break;
      case '05': out += p2(p.sec); break;
      case '5': out += String(p.sec); break;
      case 'PM': out += p.hour >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += p.hour >= 12 ? 'pm' : 'am'; break;
      default: {
        // zones
        if (tok.startsWith('Z') && off === 0) { out += 'Z'; break; }
        const colon = tok.includes(':');
        let s = sgn + p2(oh);
        if (tok.endsWith('07')) { out += s; break; }
        s += (colon ? ':' : '') + p2(om);
        if (tok.length >= 7 && (tok.endsWith('0000') || tok.endsWith('00:00'))) s += (colon ? ':' : '') + '00';
        out += s;
      }
    }
  }
  return out;
}

/** time.Parse for the layouts charts use (numeric fields, month names, zones). Throws Go's message on failure. */
export function parseTime(layout: string, value: string, defaultOffsetMin = 0, zone = 'UTC'): GoTime {
  let year = 1, month = 1, day = 1, hour = 0, min = 0, sec = 0, nanos = 0, pm: boolean | undefined;
  let off: number | undefined;
  let zname = '';
  let i = 0, v = 0;
  const fail = (): never => {
    throw new Error(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(value.slice(v))} as ${JSON.stringify(layout.slice(i))}`);
  };
  const num = (min: number, max: number): number => {
    let j = v;
    while (j < value.length && j - v < max && value[j] >= '0' && value[j] <= '9') j++;
    if (j - v < min) fail();
    const n = parseInt(value.slice(v, j), 10);
    v = j;
    return n;
  };
  while (i < layout.length) {
    if ((layout[i] === '.' || layout[i] === ',') && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
      let j = i + 1;
      while (layout[j] === layout[i + 1]) j++;
      if (!(layout[j] >= '0' && layout[j] <= '9')) {
        if (value[v] === '.' || value[v] === ',') {
          v++;
          const st = v;
          while (v < value.length && value[v] >= '0' && value[v] <= '9') v++;
          nanos = parseInt(value.slice(st, v).padEnd(9, '0').slice(0, 9), 10);
        } else if (layout[i + 1] === '0') fail();
        i = j;
        continue;
      }
    }
    const tok = TOKENS.find((k) => layout.startsWith(k, i));
    if (!tok) {
      if (value[v] !== layout[i]) fail();
      i++; v++;
      continue;
    }
    const save = i;
    i += tok.length;
    switch (tok) {
      case 'January': case 'Jan': {
        const idx = MONTHS.findIndex((m) => value.startsWith(tok === 'Jan' ? m.slice(0, 3) : m, v));
        if (idx < 0) { i = save; fail(); }
        v += tok === 'Jan' ? 3 : MONTHS[idx].length;
        month = idx + 1;
        break;
      }
      case 'Monday': case 'Mon': {
        const idx = DAYS.findIndex((m) => value.startsWith(tok === 'Mon' ? m.slice(0, 3) : m, v));
        if (idx < 0) { i = save; fail(); }
        v += tok === 'Mon' ? 3 : DAYS[idx].length;
        break;
      }
      case '2006': year = num(4, 4); break;
      case '06': year = num(2, 2); year += year >= 69 ? 1900 : 2000; break;
      case '01': month = num(2, 2); break;
      case '1': month = num(1, 2); break;
      case '02': day = num(2, 2); break;
      case '_2': if (value[v] === ' ') v++; day = num(1, 2); break;
      case '2': day = num(1, 2); break;
      case '002': num(3, 3); break;
      case '15': hour = num(2, 2); break;
      case '03': hour = num(2, 2); break;
      case '3': hour = num(1, 2); break;
      case '04': min = num(2, 2); break;
      case '4': min = num(1, 2); break;
      case '05': sec = num(2, 2); break;
      case '5': sec = num(1, 2); break;
      case 'PM': case 'pm': {
        const s = value.slice(v, v + 2).toUpperCase();
        if (s !== 'AM' && s !== 'PM') fail();
        pm = s === 'PM'; v += 2; break;
      }
      case 'MST': {
        let j = v;
        while (j < value.length && /[A-Z]/.test(value[j])) j++;
        if (j - v < 3) fail();
        zname = value.slice(v, j); v = j;
        if (zname === 'UTC' || zname === 'GMT') off = 0;
        break;
      }
      default: {
        if (tok.startsWith('Z') && value[v] === 'Z') { v++; off = 0; break; }
        const sg = value[v];
        if (sg !== '+' && sg !== '-') fail();
        v++;
        const h = num(2, 2);
        let m = 0;
        if (!tok.endsWith('07')) { if (tok.includes(':')) { if (value[v] !== ':') fail(); v++; } m = num(2, 2); }
        off = (sg === '-' ? -1 : 1) * (h * 60 + m);
      }
    }
  }
  if (v !== value.length) throw new Error(`parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(value.slice(v))}`);
  if (pm !== undefined) { if (pm && hour < 12) hour += 12; if (!pm && hour === 12) hour = 0; }
  if (month < 1 || month > 12) throw new Error(`parsing time ${JSON.stringify(value)}: month out of range`);
  if (day < 1 || day > 31 || hour > 23 || min > 59 || sec > 59) throw new Error(`parsing time ${JSON.stringify(value)}: day out of range`);
  const offset = off ?? defaultOffsetMin;
  const ms = Date.UTC(year, month - 1, day, hour, min, sec) - offset * 60000;
  const zoneName = off === undefined ? zone : off === 0 && (zname === '' || zname === 'UTC') ? 'UTC' : zname;
  return new GoTime(ms + Math.floor(nanos / 1e6), nanos % 1e6, offset, zoneName);
}

export function unixSeconds(t: GoTime): bigint { return BigInt(Math.floor(t.ms / 1000)); }
