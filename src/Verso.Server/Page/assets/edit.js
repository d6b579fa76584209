// Edit the head as JSON in a text area and save it with a message; the API's validation problems are
// shown next to their paths, and the expected head guards against a concurrent save. Or propose it for review.
import { ApiError, get, path, request } from './api.js';
import { h, replace, route } from './dom.js';
import { problemLine } from './actions.js';

export async function edit({ main, signal }, kind, id) {
  const head = await get(path('entities', kind, id), undefined, signal);
  const text = h('textarea', { id: 'record', rows: 24, spellcheck: 'false', class: 'code' }, JSON.stringify(head.content, null, 2));
  const message = h('input', { id: 'message', autocomplete: 'off' });
  const problems = h('div', { id: 'problems', role: 'alert' });
  // Where direct saves are off (or a reviewer should see it first): a change request against this head.
  const propose = async () => {
    replace(problems);
    let record;
    try { record = JSON.parse(text.value); } catch (error) { replace(problems, h('p', { class: 'problem' }, `Not JSON: ${error.message}`)); return; }
    try {
      const proposed = await request('POST', path('change-requests'), { body: { kind, id, record, message: message.value.trim() || undefined, base_version: head.version } });
      location.hash = route('cr', proposed.id);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      replace(problems, h('div', { class: 'problem' }, problemLine(error, kind, id)));
    }
  };
  replace(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Organization'), ' / ', h('a', { href: route('e', kind, id) }, `${kind}/${id}`), ' / edit'),
    h('h1', {}, `Edit ${kind}/${id} (head v${head.version})`),
    h('form', { class: 'editor', onsubmit: async event => {
      event.preventDefault();
      replace(problems);
      let body;
      try { body = JSON.parse(text.value); } catch (error) { replace(problems, h('p', { class: 'problem' }, `Not JSON: ${error.message}`)); return; }
      try {
        await request('PUT', path('entities', kind, id), { body, query: { message: message.value.trim() || undefined, expected_version: head.version } });
        location.hash = route('e', kind, id);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        replace(problems, h('div', { class: 'problem' }, problemLine(error, kind, id)));
      }
    } },
    h('label', { for: 'record' }, 'Record (JSON)'), text,
    h('label', { for: 'message' }, 'Message'), message, problems,
    h('div', { class: 'actions' }, h('a', { class: 'button', href: route('e', kind, id) }, 'Cancel'),
      h('button', { type: 'button', onclick: propose }, 'Propose for review'), h('button', { type: 'submit', class: 'primary' }, 'Save'))));
}
