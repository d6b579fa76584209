// Blame: for each field and each charter line, the version that last changed it; each version links to
// the comparison that introduced the change.
import { get, path } from './api.js';
import { h, replace, route, show, when } from './dom.js';

function introduced(kind, id, version) {
  return version > 1 ? route('e', kind, id, 'compare', version - 1, version) : route('e', kind, id, 'v', version);
}

function who(kind, id, entry) {
  return [h('td', {}, h('a', { href: introduced(kind, id, entry.version), title: 'the comparison that introduced it' }, `v${entry.version}`)),
    h('td', {}, entry.saved_by), h('td', {}, when(entry.saved_at))];
}

export async function blame({ main, signal }, kind, id, selector) {
  const result = await get(path('entities', kind, id, 'blame'), { ref: selector }, signal);
  const head = (cols) => h('thead', {}, h('tr', {}, cols.map(c => h('th', { scope: 'col' }, c))));
  const fields = result.entries.filter(e => !e.lines);
  const texts = result.entries.filter(e => e.lines);
  replace(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Organization'), ' / ', h('a', { href: route('e', kind, id) }, `${kind}/${id}`), ' / blame'),
    h('h1', {}, `Blame of ${result.ref}`),
    texts.map(t => h('section', { 'aria-label': `Lines of ${t.path}` }, h('h2', {}, t.path),
      h('div', { class: 'scroll' }, h('table', { class: 'blame lines' }, head(['Version', 'By', 'When', '#', 'Line']),
        h('tbody', {}, t.lines.map(line => h('tr', { 'data-version': line.version }, who(kind, id, line), h('td', { class: 'num' }, line.number), h('td', { class: 'line' }, line.text)))))))),
    h('section', { 'aria-labelledby': 'fields-heading' }, h('h2', { id: 'fields-heading' }, 'Fields'),
      h('div', { class: 'scroll' }, h('table', { class: 'blame' }, head(['Version', 'By', 'When', 'Path', 'Value']),
        h('tbody', {}, fields.map(f => h('tr', { 'data-path': f.path }, who(kind, id, f), h('td', { class: 'path' }, f.path), h('td', {}, show(f.value)))))))));
}
