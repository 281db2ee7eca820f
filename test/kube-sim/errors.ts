// Status errors exactly as the API server writes them (k8s.io/apimachinery/pkg/api/errors).
// Owns: the shape, reason, code and message wording of every failure the simulator returns.

export interface StatusCause { reason?: string; message?: string; field?: string }
export interface StatusDetails { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number }

export interface GroupResource { group: string; resource: string }

/** A failure that the HTTP layer turns into a meta/v1 Status body. */
export class ApiError extends Error {
  constructor(
    public readonly code: number,
    public readonly reason: string,
    message: string,
    public readonly details?: StatusDetails,
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  status(): Record<string, unknown> {
    const s: Record<string, unknown> = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
    };
    if (this.details) s.details = this.details;
    s.code = this.code;
    return s;
  }
}

function qualified(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function details(gr: GroupResource, name: string | undefined, extra: Partial<StatusDetails> = {}): StatusDetails {
  const d: StatusDetails = {};
  if (name) d.name = name;
  if (gr.group) d.group = gr.group;
  d.kind = gr.resource;
  return { ...d, ...extra };
}

export const errors = {
  notFound(gr: GroupResource, name: string): ApiError {
    return new ApiError(404, 'NotFound', `${qualified(gr)} "${name}" not found`, details(gr, name));
  },
  alreadyExists(gr: GroupResource, name: string): ApiError {
    return new ApiError(409, 'AlreadyExists', `${qualified(gr)} "${name}" already exists`, details(gr, name));
  },
  conflict(gr: GroupResource, name: string, err: string): ApiError {
    return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(gr)} "${name}": ${err}`, details(gr, name));
  },
  modified(gr: GroupResource, name: string): ApiError {
    return errors.conflict(gr, name, 'the object has been modified; please apply your changes to the latest version and try again');
  },
  /** `kind` here is the Kind (ConfigMap), as in NewInvalid(GroupKind, ...). */
  invalid(group: string, kind: string, name: string, causes: FieldError[]): ApiError {
    const qk = group ? `${kind}.${group}` : kind;
    const msgs = causes.map((c) => c.toString());
    const msg = msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
    const d: StatusDetails = { name, ...(group ? { group } : {}), kind, causes: causes.map((c) => c.cause()) };
    return new ApiError(422, 'Invalid', `${qk} "${name}" is invalid: ${msg}`, d);
  },
  forbidden(gr: GroupResource, name: string, reason: string): ApiError {
    const what = name ? `${qualified(gr)} "${name}"` : qualified(gr);
    return new ApiError(403, 'Forbidden', `${what} is forbidden: ${reason}`, details(gr, name));
  },
  badRequest(message: string): ApiError {
    return new ApiError(400, 'BadRequest', message);
  },
  methodNotSupported(gr: GroupResource, action: string): ApiError {
    void gr; void action;
    return new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});
  },
  unsupportedMediaType(contentType: string, accepted: string[]): ApiError {
    return new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
  },
  notAcceptable(): ApiError {
    return new ApiError(406, 'NotAcceptable', 'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf');
  },
  gone(message: string): ApiError {
    return new ApiError(410, 'Expired', message);
  },
  unauthorized(): ApiError {
    return new ApiError(401, 'Unauthorized', 'Unauthorized');
  },
  tooManyRequests(retryAfter: number): ApiError {
    return new ApiError(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
  },
  internal(message: string): ApiError {
    return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
  },
  serviceUnavailable(message = 'the server is currently unable to handle the request'): ApiError {
    return new ApiError(503, 'ServiceUnavailable', message);
  },
  notFoundPath(): ApiError {
    return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
  },
};

/** field.Error from k8s.io/apimachinery/pkg/util/validation/field. */
export class FieldError {
  constructor(
    public readonly type: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueForbidden' | 'FieldValueNotSupported' | 'FieldValueDuplicate' | 'FieldValueTooLong',
    public readonly field: string,
    public readonly value: unknown,
    public readonly detail: string,
  ) {}

  private typeText(): string {
    return {
      FieldValueInvalid: 'Invalid value',
      FieldValueRequired: 'Required value',
      FieldValueForbidden: 'Forbidden',
      FieldValueNotSupported: 'Unsupported value',
      FieldValueDuplicate: 'Duplicate value',
      FieldValueTooLong: 'Too long',
    }[this.type];
  }

  /** ErrorBody(): "<type>: <value>: <detail>" or without value for Required/Forbidden. */
  body(): string {
    let s = this.typeText();
    if (this.type === 'FieldValueInvalid' || this.type === 'FieldValueNotSupported' || this.type === 'FieldValueDuplicate') {
      s += `: ${goValue(this.value)}`;
    }
    if (this.detail) s += `: ${this.detail}`;
    return s;
  }

  toString(): string {
    return `${this.field}: ${this.body()}`;
  }

  cause(): StatusCause {
    return { reason: this.type, message: this.body(), field: this.field };
  }
}

function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  return JSON.stringify(v);
}

export const field = {
  invalid: (path: string, value: unknown, detail: string) => new FieldError('FieldValueInvalid', path, value, detail),
  required: (path: string, detail = '') => new FieldError('FieldValueRequired', path, undefined, detail),
  forbidden: (path: string, detail: string) => new FieldError('FieldValueForbidden', path, undefined, detail),
  notSupported: (path: string, value: unknown, valid: string[]) =>
    new FieldError('FieldValueNotSupported', path, value, `supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}`),
  duplicate: (path: string, value: unknown) => new FieldError('FieldValueDuplicate', path, value, ''),
  immutable: (path: string, value: unknown) => new FieldError('FieldValueInvalid', path, value, 'field is immutable'),
};
