// Edit the head and save it with a message, or propose it for review; the API's validation problems are
// shown by path, and the expected head guards against a concurrent save. An agent is edited as fields and its
// charter as Markdown (JSON on an advanced tab). What the token or a policy does not allow is not offered.
import { ApiError, get, path, request } from './api.js';
import { h, replace, route } from './dom.js';
import { problemLine } from './actions.js';
import { mayWrite, session } from './session.js';
import { recordEditor } from './editor.js';

export async function edit({ main, signal }, kind, id) {
  const crumbs = h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Organization'), ' / ', h('a', { href: route('e', kind, id) }, `${kind}/${id}`), ' / edit');
  if (!mayWrite(kind)) {
    // Opened by URL with a token that may not write here: say so instead of offering buttons the API refuses.
    replace(main, crumbs, h('h1', {}, `Edit ${kind}/${id}`),
      h('p', { class: 'notice', id: 'read-only' }, `Your token (${session.caller?.name}, ${session.caller?.role}) may read ${kind} entities but not change them.`),
      h('p', {}, h('a', { href: route('e', kind, id) }, `Back to ${kind}/${id}`)));
    return;
  }
  const [head, { items: governing }] = await Promise.all([
    get(path('entities', kind, id), undefined, signal),
    get(path('entities', kind, id, 'policies'), undefined, signal),
  ]);
  const direct = governing.every(p => p.direct_saves);
  const editor = recordEditor(kind, head.content);
  const message = h('input', { id: 'message', autocomplete: 'off' });
  const problems = h('div', { id: 'problems', role: 'alert' });
  const read = () => {
    try { return editor.collect(); } catch (error) { replace(problems, h('p', { class: 'problem' }, `Not JSON: ${error.message}`)); return undefined; }
  };
  // Where direct saves are off (or a reviewer should see it first): a change request against this head.
  const propose = async () => {
    replace(problems);
    const record = read();
    if (record === undefined) return;
    try {
      const proposed = await request('POST', path('change-requests'), { body: { kind, id, record, message: message.value.trim() || undefined, base_version: head.version } });
      location.hash = route('cr', proposed.id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(problems, h('div', { class: 'problem' }, problemLine(error, kind, id)));
    }
  };
  replace(main,
    crumbs,
    h('h1', {}, `Edit ${kind}/${id} (head v${head.version})`),
    direct ? null : h('p', { class: 'notice', id: 'review-only' }, 'A policy turns direct saves off for this entity: propose the change for review.'),
    h('form', { class: 'editor', onsubmit: async event => {
      event.preventDefault();
      if (!direct) return propose();
      replace(problems);
      const body = read();
      if (body === undefined) return;
      try {
        await request('PUT', path('entities', kind, id), { body, query: { message: message.value.trim() || undefined, expected_version: head.version } });
        location.hash = route('e', kind, id);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        replace(problems, h('div', { class: 'problem' }, problemLine(error, kind, id)));
      }
    } },
    editor.node,
    h('label', { for: 'message' }, 'Message'), message, problems,
    h('div', { class: 'actions' }, h('a', { class: 'button', href: route('e', kind, id) }, 'Cancel'),
      direct ? h('button', { type: 'button', onclick: propose }, 'Propose for review') : h('button', { type: 'submit', class: 'primary' }, 'Propose for review'),
      direct ? h('button', { type: 'submit', class: 'primary' }, 'Save') : null)));
}
