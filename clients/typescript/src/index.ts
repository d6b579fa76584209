import type { components, paths } from "./schema.js";
import { problemOf, VersoProblem } from "./errors.js";

export * from "./errors.js";
export * from "./rollouts.js";
export type { components, paths } from "./schema.js";

type Schemas = components["schemas"];
/** One version with its content (null when pruned or erased). */
export type Version = Schemas["VersionWithContent"];
/** A page of history, newest first; items carry `content` when asked with `includeContent`. */
export type VersionPage = Schemas["VersionPage"];
/** What a save, rollback or import did: `status` is created or unchanged. */
export type AppendOutcome = Schemas["AppendOutcomeInfo"];
export type EntityPage = Schemas["EntityPage"];
export type Resolution = Schemas["Resolution"];
export type Rollout = Schemas["RolloutInfo"];
export type ImportRequest = Schemas["ImportRequest"];
export type ImportedVersion = Schemas["ImportedVersionInfo"];
export type ImportResult = Schemas["ImportResult"];
export type EntityErasure = Schemas["EntityErasureResult"];
export type ChangePage = paths["/api/v1/changes"]["get"]["responses"][200]["content"]["application/json"];
/** One new version in the change feed; `seq` is the store's sequence (the SSE event id). */
export type Change = ChangePage["items"][number];
type HistoryParameters = NonNullable<paths["/api/v1/entities/{kind}/{id}/versions"]["get"]["parameters"]["query"]>;

export interface HistoryOptions {
  limit?: HistoryParameters["limit"];
  offset?: HistoryParameters["offset"];
  cursor?: HistoryParameters["cursor"];
  /** Each item with its content. */
  includeContent?: boolean;
  /** Only the versions holding this hash (`sha256:…`). */
  hash?: HistoryParameters["hash"];
}

export interface SaveOptions {
  savedBy?: string;
  message?: string;
  force?: boolean;
  /** The head must be this version (0: none yet), else VersionConflict. */
  expectedVersion?: number;
  /** Create the kind when the server neither registers nor holds it yet (else it is refused as a likely typo). */
  newKind?: boolean;
}

export interface ClientOptions {
  token?: string;
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | boolean | undefined | null>;

const segment = (text: string) => encodeURIComponent(text);

/** A client of one Verso server: `new VersoClient("http://127.0.0.1:5180", { token })`. */
export class VersoClient {
  readonly baseUrl: string;
  private readonly token?: string;
  private readonly fetcher: typeof fetch;
  private readonly cache = new Map<string, { etag: string; value: Version }>();

  constructor(baseUrl: string, options: ClientOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.token = options.token;
    this.fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** The head of `kind/id`, or the version `ref` names; an unchanged version is answered from its ETag (304). */
  async get(kind: string, id: string, ref?: string): Promise<Version> {
    const path = `/api/v1/entities/${segment(kind)}/${segment(id)}` + (ref === undefined ? "" : `/versions/${segment(ref)}`);
    const cached = this.cache.get(path);
    const response = await this.send("GET", path, undefined, undefined, cached ? { "If-None-Match": cached.etag } : {});
    if (response.status === 304 && cached) {
      return cached.value;
    }
    const value = (await response.json()) as Version;
    const etag = response.headers.get("etag");
    if (etag) {
      this.cache.set(path, { etag, value });
    }
    return value;
  }

  /** One page of history, newest first. */
  async history(kind: string, id: string, options: HistoryOptions = {}): Promise<VersionPage> {
    return this.json("GET", `/api/v1/entities/${segment(kind)}/${segment(id)}/versions`, {
      limit: options.limit, offset: options.offset, cursor: options.cursor, hash: options.hash,
      include: options.includeContent ? "content" : undefined,
    });
  }

  /** Every version (or every one holding `hash`), newest first, page by page. */
  async *versions(kind: string, id: string, options: Omit<HistoryOptions, "cursor" | "offset"> = {}): AsyncGenerator<VersionPage["items"][number]> {
    let cursor: string | undefined;
    do {
      const page = await this.history(kind, id, { ...options, cursor });
      yield* page.items;
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
  }

  /** One page of a kind's entities with their heads, by id. */
  entities(kind: string, options: { limit?: number; cursor?: string } = {}): Promise<EntityPage> {
    return this.json("GET", `/api/v1/entities/${segment(kind)}`, options);
  }

  /** Saves `record` as a new version when it changed (or when forced); atomic in the store. */
  save(kind: string, id: string, record: Record<string, unknown>, options: SaveOptions = {}): Promise<AppendOutcome> {
    return this.json("PUT", `/api/v1/entities/${segment(kind)}/${segment(id)}`, {
      saved_by: options.savedBy, message: options.message, force: options.force || undefined, expected_version: options.expectedVersion,
      new_kind: options.newKind || undefined,
    }, record);
  }

  /** A new version with version `to`'s content. */
  rollback(kind: string, id: string, to: number, options: { reason?: string; savedBy?: string; expectedVersion?: number } = {}): Promise<AppendOutcome> {
    return this.json("POST", `/api/v1/entities/${segment(kind)}/${segment(id)}/rollback`, undefined,
      { to, reason: options.reason, saved_by: options.savedBy, expected_version: options.expectedVersion });
  }

  /** Admin: appends versions keeping their numbers, saved_by and saved_at; all or nothing, idempotent. */
  importVersions(versions: ImportedVersion[]): Promise<ImportResult> {
    return this.json("POST", "/api/v1/import", undefined, { versions });
  }

  /** Admin: erases the content of every version of `kind/id`; numbers and hashes stay. */
  eraseEntity(kind: string, id: string, reason: string, savedBy?: string): Promise<EntityErasure> {
    return this.json("POST", `/api/v1/entities/${segment(kind)}/${segment(id)}/erase-all`, undefined, { reason, saved_by: savedBy });
  }

  /** New versions after sequence `after`, as one JSON page. */
  changesPage(options: { after?: number; limit?: number; kind?: string } = {}): Promise<ChangePage> {
    return this.json("GET", "/api/v1/changes", options);
  }

  /**
   * The live change feed: each new version, in store order. A dropped stream is opened again with
   * `Last-Event-ID` = the last `seq` seen, so nothing is skipped or repeated; stop it with `signal` or `break`.
   */
  changes(options: { after?: number; kind?: string; signal?: AbortSignal } = {}): ChangeFeed {
    return new ChangeFeed(this, options);
  }

  /** The version `label` serves `subject` (through its rollout if one is active), with its bucket and rollout version, to pin. */
  resolve(kind: string, id: string, options: { label?: string; subject?: string } = {}): Promise<Resolution> {
    return this.json("GET", `/api/v1/entities/${segment(kind)}/${segment(id)}/resolve`, { label: options.label, subject: options.subject });
  }

  /** The newest version of `label`'s rollout: state, control, candidates with their bucket ranges, salt, steps. */
  rollout(kind: string, id: string, label: string): Promise<Rollout> {
    return this.json("GET", `/api/v1/entities/${segment(kind)}/${segment(id)}/rollouts/${segment(label)}`);
  }

  /** @internal */
  async send(method: string, path: string, query?: Query, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
    const url = new URL(this.baseUrl + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null) {
        url.searchParams.set(name, String(value));
      }
    }
    const all: Record<string, string> = { Accept: "application/json", ...headers };
    if (this.token) {
      all.Authorization = `Bearer ${this.token}`;
    }
    if (body !== undefined) {
      all["Content-Type"] = "application/json";
    }
    const response = await this.fetcher(url, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body), signal });
    if (response.status >= 400) {
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      throw problemOf(response.status, parsed);
    }
    return response;
  }

  private async json<T>(method: string, path: string, query?: Query, body?: unknown): Promise<T> {
    const response = await this.send(method, path, query, body);
    return (await response.json()) as T;
  }
}

/** The change feed as an async iterable that resumes after a drop; `lastSeq` says where a later feed may start. */
export class ChangeFeed implements AsyncIterable<Change> {
  lastSeq?: number;
  private readonly client: VersoClient;
  private readonly kind?: string;
  private readonly signal?: AbortSignal;

  constructor(client: VersoClient, options: { after?: number; kind?: string; signal?: AbortSignal }) {
    this.client = client;
    this.kind = options.kind;
    this.signal = options.signal;
    this.lastSeq = options.after;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Change> {
    while (!this.signal?.aborted) {
      const headers: Record<string, string> = { Accept: "text/event-stream" };
      if (this.lastSeq !== undefined) {
        headers["Last-Event-ID"] = String(this.lastSeq);
      }
      const controller = new AbortController();
      const abort = () => controller.abort();
      this.signal?.addEventListener("abort", abort);
      try {
        const response = await this.client.send("GET", "/api/v1/changes", { kind: this.kind }, undefined, headers, controller.signal);
        for await (const event of events(response)) {
          if (event.data === undefined) {
            continue;
          }
          const change = JSON.parse(event.data) as Change;
          this.lastSeq = event.id !== undefined ? Number(event.id) : change.seq;
          yield change;
        }
      } catch (error) {
        if (this.signal?.aborted) {
          return;
        }
        // A problem answer is the caller's to see; a network failure (fetch's TypeError) connects again after lastSeq.
        if (error instanceof VersoProblem || !(error instanceof TypeError)) {
          throw error;
        }
      } finally {
        this.signal?.removeEventListener("abort", abort);
        controller.abort();
      }
    }
  }
}

async function* events(response: Response): AsyncGenerator<{ id?: string; data?: string }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let id: string | undefined;
  let data: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, "");
      buffer = buffer.slice(newline + 1);
      if (line === "") {
        if (data.length > 0) {
          yield { id, data: data.join("\n") };
        }
        id = undefined;
        data = [];
      } else if (!line.startsWith(":")) {
        const colon = line.indexOf(":");
        const name = colon < 0 ? line : line.slice(0, colon);
        const field = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (name === "id") {
          id = field;
        } else if (name === "data") {
          data.push(field);
        }
      }
    }
  }
}
