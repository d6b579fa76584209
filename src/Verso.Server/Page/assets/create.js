// A new entity from the page: a kind (one the server knows, or a new one said to be new), an id, and the
// record in the same editor as an edit (an agent as fields and a Markdown charter). Saved as version 1; the
// API's problems are shown by path, and a kind that looks like a typo of a known one is named.
import { ApiError, get, path, request } from './api.js';
import { h, replace, route } from './dom.js';
import { problemLine } from './actions.js';
import { isInternal } from './internal.js';
import { mayWrite } from './session.js';
import { recordEditor } from './editor.js';

const newKind = '(a new kind)';

function template(kind, id) {
  if (kind === 'agent') {
    return { id, name: id, role: '', department: '', level: 'mid', model: { provider: 'anthropic', model_id: '', temperature: 0.3 }, charter: `# ${id}\n\nWhat this agent does, and the rules it follows.\n` };
  }
  return { id };
}

export async function create({ main, signal }) {
  const { kinds } = await get(path('kinds'), undefined, signal);
  const choices = kinds.filter(k => !isInternal(k.kind) && mayWrite(k.kind)).map(k => k.kind);
  const kind = h('select', { id: 'new-kind' }, choices.map(k => h('option', { value: k, selected: k === 'agent' }, k)), h('option', { value: newKind }, newKind));
  const kindName = h('input', { id: 'new-kind-name', autocomplete: 'off', placeholder: 'e.g. runbook', pattern: '[a-z][a-z0-9\\-]{0,63}' });
  const kindNameField = h('div', { hidden: true }, h('label', { for: 'new-kind-name' }, 'New kind name'), kindName);
  const id = h('input', { id: 'new-id', autocomplete: 'off', required: true, pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,127}' });
  const message = h('input', { id: 'message', autocomplete: 'off', value: 'created from the page' });
  const problems = h('div', { id: 'problems', role: 'alert' });
  const slot = h('div', { id: 'editor-slot' });
  let editor;
  const chosenKind = () => (kind.value === newKind ? kindName.value.trim() : kind.value);
  const reset = () => {
    kindNameField.hidden = kind.value !== newKind;
    editor = recordEditor(chosenKind() === 'agent' ? 'agent' : 'other', template(chosenKind(), id.value.trim() || 'new-id'));
    replace(slot, editor.node);
  };
  kind.addEventListener('change', reset);
  reset();
  replace(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Organization'), ' / new'),
    h('h1', {}, 'New entity'),
    h('form', { class: 'editor', onsubmit: async event => {
      event.preventDefault();
      replace(problems);
      const k = chosenKind();
      const name = id.value.trim();
      let record;
      try { record = editor.collect(); } catch (error) { replace(problems, h('p', { class: 'problem' }, `Not JSON: ${error.message}`)); return; }
      // The record's own id is the entity's id.
      if (record && typeof record === 'object' && !Array.isArray(record)) record.id = name;
      try {
        await request('PUT', path('entities', k, name), { body: record, query: { message: message.value.trim() || undefined, expected_version: 0, new_kind: kind.value === newKind ? 'true' : undefined } });
        location.hash = route('e', k, name);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const suggestion = error.problem.suggestion;
        replace(problems, h('div', { class: 'problem' }, error.status === 409 ? `${k}/${name} exists already: pick another id, or edit it.` : problemLine(error, k, name),
          suggestion ? [' ', h('button', { type: 'button', class: 'link', onclick: () => { kind.value = suggestion; reset(); } }, `Use ${suggestion}`)] : null));
      }
    } },
    h('div', { class: 'field-grid' }, h('div', {}, h('label', { for: 'new-kind' }, 'Kind'), kind), kindNameField, h('div', {}, h('label', { for: 'new-id' }, 'Id'), id)),
    slot,
    h('label', { for: 'message' }, 'Message'), message, problems,
    h('div', { class: 'actions' }, h('a', { class: 'button', href: '#/' }, 'Cancel'), h('button', { type: 'submit', class: 'primary' }, 'Create'))));
  id.focus();
}
