/** A problem+json answer of the API: its `type`, `status`, `detail` and its facts (kind, id, expected, actual, ref, …). */
export class VersoProblem extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly facts: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown> | undefined) {
    const type = typeof body?.type === "string" ? body.type : `urn:verso:problem:http-${status}`;
    const detail = typeof body?.detail === "string" ? body.detail : `HTTP ${status}`;
    super(detail);
    this.name = new.target.name;
    this.status = status;
    this.type = type;
    this.title = typeof body?.title === "string" ? body.title : "";
    this.detail = detail;
    const { type: _t, title: _ti, status: _s, detail: _d, instance: _i, ...facts } = body ?? {};
    this.facts = facts;
  }

  /** The last part of the type, e.g. `version-conflict`. */
  get slug(): string {
    return this.type.slice(this.type.lastIndexOf(":") + 1);
  }
}

/** 400: a parameter, a header or the body is malformed. */
export class BadRequest extends VersoProblem {}
/** 401: no token, or an unknown one. */
export class Unauthorized extends VersoProblem {}
/** 403: the token's role or kinds do not allow this. */
export class Forbidden extends VersoProblem {}
/** 404: no such entity, version, tag or hash. */
export class NotFound extends VersoProblem {}
/** 409: the store's state refuses the change. */
export class Conflict extends VersoProblem {}
/** 409 version-conflict: the head was not the expected version (facts `expected`, `actual`). */
export class VersionConflict extends Conflict {}
/** 409 import-conflict: a version exists with another content, or would leave a gap (facts `ref`, `head`). */
export class ImportConflict extends Conflict {}
/** 410: the content was pruned or erased. */
export class ContentRemoved extends VersoProblem {}
/** 412: If-Match named another version than the head. */
export class PreconditionFailed extends VersoProblem {}
/** 422: the record breaks its kind's rules (fact `problems`). */
export class InvalidRecord extends VersoProblem {}
/** 503: the store cannot be reached. */
export class Unavailable extends VersoProblem {}

const bySlug: Record<string, typeof VersoProblem> = { "version-conflict": VersionConflict, "import-conflict": ImportConflict };
const byStatus: Record<number, typeof VersoProblem> = {
  400: BadRequest, 401: Unauthorized, 403: Forbidden, 404: NotFound, 409: Conflict,
  410: ContentRemoved, 412: PreconditionFailed, 422: InvalidRecord, 503: Unavailable,
};

/** The typed error of an error answer. */
export function problemOf(status: number, body: unknown): VersoProblem {
  const record = body && typeof body === "object" ? (body as Record<string, unknown>) : undefined;
  const type = typeof record?.type === "string" ? record.type : "";
  const Type = bySlug[type.slice(type.lastIndexOf(":") + 1)] ?? byStatus[status] ?? VersoProblem;
  return new Type(status, record);
}
