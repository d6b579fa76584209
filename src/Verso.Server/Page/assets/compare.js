// Two versions compared: the replay verdict on top, the structural changes, then the prose side by side.
// The URL (#/e/KIND/ID/compare/A/B) names both versions, so a comparison can be shared.
import { get, path } from './api.js';
import { h, replace, route } from './dom.js';
import { changeList, proseViews } from './changes.js';

export async function compare({ main, signal }, kind, id, a, b) {
  const history = await get(path('entities', kind, id, 'versions'), { limit: 1 }, signal);
  const head = history.head;
  const to = b ?? String(head);
  const from = a ?? String(Math.max(1, Number(to) - 1));
  const [diff, compat] = await Promise.all([
    get(path('entities', kind, id, 'diff'), { from, to }, signal),
    get(path('compat'), { a: `${kind}/${id}@${from}`, b: `${kind}/${id}@${to}` }, signal),
  ]);
  const pick = (label, value, name) => h('span', {}, h('label', { for: name }, label), ' ',
    h('input', { id: name, name, value, size: 6, autocomplete: 'off', inputmode: 'numeric' }));
  const form = h('form', { class: 'picker', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    location.hash = route('e', kind, id, 'compare', String(data.get('from')).trim(), String(data.get('to')).trim());
  } }, pick('From', from, 'from'), ' ', pick('To', to, 'to'), ' ', h('button', { type: 'submit' }, 'Compare'));
  replace(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Organization'), ' / ', h('a', { href: route('e', kind, id) }, `${kind}/${id}`), ' / compare'),
    h('h1', {}, `${kind}/${id}: v${from} → v${to}`),
    verdict(compat),
    form,
    h('section', { 'aria-labelledby': 'changes-heading' }, h('h2', { id: 'changes-heading' }, `Changes (${diff.changes.length})`), changeList(diff.changes)),
    proseViews(diff.changes, diff.from, diff.to),
    h('p', {}, h('a', { href: route('e', kind, id, 'v', from) }, `Open v${from}`), ' · ', h('a', { href: route('e', kind, id, 'v', to) }, `Open v${to}`)));
}

const summaries = {
  identical: ' — same content.',
  compatible: ' — only compatible changes; a task replays the same.',
  warning: ' — no change is known to break a task, but some could not be decided; look before replaying:',
  breaking: ' — a task run under one may behave differently under the other:',
};

function verdict(compat) {
  const reasons = compat.differences ?? [];
  const tools = compat.tool_changes ?? [];
  return h('section', { class: `verdict ${compat.verdict}`, 'aria-label': 'Replay compatibility', id: 'verdict' },
    h('strong', {}, `Replay: ${compat.verdict}`),
    summaries[compat.verdict] ?? '',
    reasons.length ? h('ul', {}, reasons.map(c => h('li', {}, h('code', {}, c.path), ` ${c.kind}`))) : null,
    tools.length ? toolChanges(tools) : null);
}

// Each tool change on its own row: which tool, where in it, for which side of the call, and how much it matters.
function toolChanges(tools) {
  return h('table', { class: 'tool-changes', id: 'tool-changes' },
    h('caption', {}, `Tool changes (${tools.length})`),
    h('thead', {}, h('tr', {}, ['Tool', 'Path', 'Direction', 'Level', 'Change'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, tools.map(c => h('tr', { class: `level-${c.level}` },
      h('td', {}, c.tool), h('td', {}, h('code', {}, c.path || '(the tool)')), h('td', {}, c.direction),
      h('td', {}, h('span', { class: `level ${c.level}` }, c.level)), h('td', {}, `${c.kind}: ${c.message}`)))));
}
