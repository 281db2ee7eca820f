// Label and field selectors with the API server's grammar and error messages
// (k8s.io/apimachinery/pkg/labels and pkg/fields). Owns parsing and matching only.
import { ApiError, errors } from './errors.js';
import type { Obj } from './resources.js';

export type Req =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!' }
  | { key: string; op: 'gt' | 'lt'; values: string[] };

export type Matcher = (labels: Record<string, string>) => boolean;

const QUALIFIED = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkKey(k: string): void {
  const name = k.includes('/') ? k.slice(k.indexOf('/') + 1) : k;
  if (!QUALIFIED.test(k) || name.length > 63) {
    throw errors.badRequest(`unable to parse requirement: values[0][${k}]: Invalid value: "${k}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
}

function checkValue(v: string): void {
  if (!VALUE.test(v) || v.length > 63) {
    throw errors.badRequest(`unable to parse requirement: values[0][${v}]: Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`);
  }
}

/** Parses `a=b,c!=d,e in (x,y),!f,g` like labels.Parse. */
export function parseLabelSelector(sel: string): Req[] {
  const reqs: Req[] = [];
  let i = 0;
  const s = sel;
  const ws = () => { while (i < s.length && s[i] === ' ') i++; };
  const ident = () => {
    ws();
    const start = i;
    while (i < s.length && !' ,=!()<>'.includes(s[i]!)) i++;
    return s.slice(start, i);
  };
  while (true) {
    ws();
    if (i >= s.length) break;
    let neg = false;
    if (s[i] === '!') { neg = true; i++; }
    const key = ident();
    if (!key) throw errors.badRequest(`unable to parse requirement: found '${s[i] ?? ''}', expected: identifier`);
    checkKey(key);
    ws();
    if (neg) {
      reqs.push({ key, op: '!' });
    } else if (i >= s.length || s[i] === ',') {
      reqs.push({ key, op: 'exists' });
    } else if (s.startsWith('==', i) || s.startsWith('!=', i) || s[i] === '=') {
      const op = s.startsWith('!=', i) ? 'notin' : 'in';
      i += s.startsWith('==', i) || s.startsWith('!=', i) ? 2 : 1;
      const v = ident();
      checkValue(v);
      reqs.push({ key, op, values: [v] });
    } else if (s[i] === '>' || s[i] === '<') {
      const op = s[i] === '>' ? 'gt' : 'lt';
      i++;
      const v = ident();
      if (!/^-?\d+$/.test(v)) throw errors.badRequest(`unable to parse requirement: values[0]: Invalid value: "${v}": for 'Gt', 'Lt' operators, the value must be an integer`);
      reqs.push({ key, op, values: [v] });
    } else {
      const word = ident();
      if (word !== 'in' && word !== 'notin') throw errors.badRequest(`unable to parse requirement: found '${word}', expected: in, notin, =, ==, !=, gt, lt`);
      ws();
      if (s[i] !== '(') throw errors.badRequest(`found '${s[i] ?? ''}', expected: '('`);
      i++;
      const values: string[] = [];
      while (true) {
        const v = ident();
        checkValue(v);
        values.push(v);
        ws();
        if (s[i] === ',') { i++; continue; }
        if (s[i] === ')') { i++; break; }
        throw errors.badRequest(`found '${s[i] ?? ''}', expected: ',' or ')'`);
      }
      reqs.push({ key, op: word, values });
    }
    ws();
    if (i < s.length) {
      if (s[i] !== ',') throw errors.badRequest(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return reqs;
}

export function matchReqs(reqs: Req[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists': return has;
      case '!': return !has;
      case 'in': return has && r.values.includes(l[r.key]!);
      case 'notin': return !has || !r.values.includes(l[r.key]!);
      case 'gt': return has && /^-?\d+$/.test(l[r.key]!) && Number(l[r.key]) > Number(r.values[0]);
      case 'lt': return has && /^-?\d+$/.test(l[r.key]!) && Number(l[r.key]) < Number(r.values[0]);
    }
    return false;
  });
}

/** metav1.LabelSelector (matchLabels + matchExpressions). An empty selector matches everything. */
export function labelSelectorMatcher(sel: Obj | undefined | null): Matcher {
  if (!sel) return () => false;
  const reqs: Req[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, op: 'in', values: [String(v)] });
  for (const e of sel.matchExpressions ?? []) {
    const op = String(e.operator);
    if (op === 'In') reqs.push({ key: e.key, op: 'in', values: e.values ?? [] });
    else if (op === 'NotIn') reqs.push({ key: e.key, op: 'notin', values: e.values ?? [] });
    else if (op === 'Exists') reqs.push({ key: e.key, op: 'exists' });
    else if (op === 'DoesNotExist') reqs.push({ key: e.key, op: '!' });
  }
  return (labels) => matchReqs(reqs, labels);
}

export function labelSelectorString(sel: Obj | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {}).sort(([a], [b]) => a.localeCompare(b))) parts.push(`${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    if (e.operator === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

// --- field selectors -------------------------------------------------------

export interface FieldReq { field: string; op: '=' | '!='; value: string }

/** Field labels each resource supports (the apiserver's GetAttrs / AddFieldLabelConversionFunc). */
const FIELD_LABELS: Record<string, Record<string, (o: Obj) => string>> = {
  pods: {
    'spec.nodeName': (o) => o.spec?.nodeName ?? '',
    'spec.restartPolicy': (o) => o.spec?.restartPolicy ?? '',
    'spec.schedulerName': (o) => o.spec?.schedulerName ?? '',
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork ?? false),
    'status.phase': (o) => o.status?.phase ?? '',
    'status.podIP': (o) => o.status?.podIP ?? '',
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
  },
  events: {
    'involvedObject.kind': (o) => o.involvedObject?.kind ?? '',
    'involvedObject.namespace': (o) => o.involvedObject?.namespace ?? '',
    'involvedObject.name': (o) => o.involvedObject?.name ?? '',
    'involvedObject.uid': (o) => o.involvedObject?.uid ?? '',
    'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion ?? '',
    'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion ?? '',
    'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath ?? '',
    reason: (o) => o.reason ?? '',
    reportingComponent: (o) => o.reportingComponent ?? '',
    source: (o) => o.source?.component ?? '',
    type: (o) => o.type ?? '',
  },
  secrets: { type: (o) => o.type ?? '' },
  namespaces: { 'status.phase': (o) => o.status?.phase ?? '' },
  nodes: { 'spec.unschedulable': (o) => String(o.spec?.unschedulable ?? false) },
  replicasets: { 'status.replicas': (o) => String(o.status?.replicas ?? 0) },
  jobs: { 'status.successful': (o) => String(o.status?.succeeded ?? 0) },
  persistentvolumeclaims: {},
  services: {},
};

export function parseFieldSelector(sel: string, plural: string, namespaced: boolean): FieldReq[] {
  const out: FieldReq[] = [];
  if (!sel.trim()) return out;
  for (const part of splitTerms(sel)) {
    const m = /^([^=!]+)(==|!=|=)(.*)$/.exec(part.trim());
    if (!m) throw errors.badRequest(`invalid selector: '${sel}'; can't understand '${part}'`);
    const fieldName = m[1]!.trim();
    const op = m[2] === '!=' ? '!=' : '=';
    const known = fieldName === 'metadata.name' || (namespaced && fieldName === 'metadata.namespace') || !!FIELD_LABELS[plural]?.[fieldName];
    if (!known) throw new ApiError(400, 'BadRequest', `field label not supported: ${fieldName}`);
    out.push({ field: fieldName, op, value: unescapeField(m[3]!) });
  }
  return out;
}

function splitTerms(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) { cur += s[i]! + s[i + 1]!; i++; continue; }
    if (s[i] === ',') { out.push(cur); cur = ''; continue; }
    cur += s[i];
  }
  out.push(cur);
  return out;
}

function unescapeField(v: string): string {
  return v.replace(/\\(.)/g, '$1');
}

export function matchFields(reqs: FieldReq[], plural: string, o: Obj): boolean {
  return reqs.every((r) => {
    let v: string;
    if (r.field === 'metadata.name') v = o.metadata?.name ?? '';
    else if (r.field === 'metadata.namespace') v = o.metadata?.namespace ?? '';
    else v = FIELD_LABELS[plural]![r.field]!(o);
    return r.op === '=' ? v === r.value : v !== r.value;
  });
}
