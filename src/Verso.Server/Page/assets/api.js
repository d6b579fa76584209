// The page's only way to the data: the public REST API under /api/v1, with the signed-in token if any.

const tokenKey = 'verso.token';
const root = '/api/v1';

/** The token kept for this browser session (sessionStorage: gone when the tab closes). */
export function token() {
  return sessionStorage.getItem(tokenKey);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(tokenKey, value);
  else sessionStorage.removeItem(tokenKey);
}

/** A 4xx/5xx answer: status plus the RFC 9457 problem the API sends. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `the server answered ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

function headers(extra) {
  const result = { Accept: 'application/json', ...extra };
  const t = token();
  if (t) result.Authorization = `Bearer ${t}`;
  return result;
}

/** The API path for parts: each part URL-encoded. */
export function path(...parts) {
  return root + '/' + parts.map(p => encodeURIComponent(String(p))).join('/');
}

function withQuery(url, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

/** Sends one request and answers the parsed JSON (or null for an empty body); throws ApiError. */
export async function request(method, url, { query, body, signal } = {}) {
  const init = { method, headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }), signal };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(withQuery(url, query), init);
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text }; }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (url, query, signal) => request('GET', url, { query, signal });

/** GETs a text representation (accept: its media type, e.g. application/yaml) and answers the text; throws ApiError. */
export async function getText(url, accept, query) {
  const response = await fetch(withQuery(url, query), { headers: headers({ Accept: `${accept}, application/problem+json` }) });
  const text = await response.text();
  if (!response.ok) {
    let problem;
    try { problem = JSON.parse(text); } catch { problem = { detail: text }; }
    throw new ApiError(response.status, problem);
  }
  return text;
}

/** Every item of a paged list, following next_cursor. */
export async function all(url, query) {
  const items = [];
  let cursor;
  do {
    const page = await get(url, { ...query, limit: 500, cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/**
 * Follows the change feed as Server-Sent Events. fetch rather than EventSource, because EventSource cannot
 * send the bearer token; it resumes after the last sequence it saw when the connection drops. onState hears
 * 'live' once the stream is open and 'down' whenever it is lost (the page says so until it is back).
 */
export function follow(after, onEntry, signal, onState = () => {}) {
  let last = after;
  const run = async () => {
    while (!signal.aborted) {
      try {
        const response = await fetch(withQuery(path('changes'), { after: last }), {
          headers: headers({ Accept: 'text/event-stream' }), signal,
        });
        if (!response.ok || !response.body) { onState('down'); return; }
        onState('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
            if (!data) continue;
            const entry = JSON.parse(data);
            last = Math.max(last, entry.seq);
            onEntry(entry);
          }
        }
      } catch (error) {
        if (signal.aborted) return;
        console.warn('change feed interrupted, resuming', error);
      }
      if (signal.aborted) return;
      onState('down');
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  };
  run();
}
