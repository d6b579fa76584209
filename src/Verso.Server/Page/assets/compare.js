// Two versions compared: the replay verdict on top, the structural changes, then the prose side by side.
// The URL (#/e/KIND/ID/compare/A/B) names both versions, so a comparison can be shared. Either side is picked
// from the entity's versions and tags; a side that does not exist is said on the page, which stays.
import { ApiError, get, path } from './api.js';
import { h, replace, route } from './dom.js';
import { changeList, proseViews } from './changes.js';

/** "v3" for a version number, the name itself for a tag or a hash. */
export function versionLabel(selector) {
  return /^\d+$/.test(String(selector)) ? `v${selector}` : String(selector);
}

export async function compare({ main, signal }, kind, id, a, b) {
  const [history, tags] = await Promise.all([
    get(path('entities', kind, id, 'versions'), { limit: 500 }, signal),
    get(path('entities', kind, id, 'tags'), undefined, signal),
  ]);
  const head = history.head;
  const to = b ?? String(head);
  const from = a ?? String(Math.max(1, Number(to) - 1));
  const options = [
    ...history.items.map(item => [String(item.version), `v${item.version}${item.version === head ? ' (head)' : ''} · ${item.saved_by}${item.message ? ` · ${item.message}` : ''}`]),
    ...Object.entries(tags).map(([tag, version]) => [tag, `${tag} (v${version})`]),
  ];
  const pick = (label, value, name) => {
    const known = options.some(([v]) => v === value);
    return h('span', { class: 'pick' }, h('label', { for: name }, label), ' ',
      h('select', { id: name, name },
        known ? null : h('option', { value, selected: true }, `${versionLabel(value)} (not found)`),
        options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
  };
  const form = h('form', { class: 'picker', onsubmit: event => {
    event.preventDefault();
    const data = new FormData(event.target);
    location.hash = route('e', kind, id, 'compare', String(data.get('from')), String(data.get('to')));
  } }, pick('From', from, 'from'), ' ', pick('To', to, 'to'), ' ', h('button', { type: 'submit' }, 'Compare'));
  const crumbs = h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Organization'), ' / ', h('a', { href: route('e', kind, id) }, `${kind}/${id}`), ' / compare');
  const heading = h('h1', {}, `${kind}/${id}: ${versionLabel(from)} → ${versionLabel(to)}`);
  let diff;
  let compat;
  try {
    [diff, compat] = await Promise.all([
      get(path('entities', kind, id, 'diff'), { from, to }, signal),
      get(path('compat'), { a: `${kind}/${id}@${from}`, b: `${kind}/${id}@${to}` }, signal),
    ]);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    // The form stays, with what was asked for, and the server's own words on what is missing.
    replace(main, crumbs, heading, h('p', { class: 'problem', role: 'alert', id: 'compare-problem' },
      `${error.message}. ${kind}/${id} has versions 1 to ${head}${Object.keys(tags).length ? ` and the tags ${Object.keys(tags).join(', ')}` : ''}.`), form);
    return;
  }
  replace(main,
    crumbs,
    heading,
    verdict(compat),
    form,
    h('section', { 'aria-labelledby': 'changes-heading' }, h('h2', { id: 'changes-heading' }, `Changes (${diff.changes.length})`), changeList(diff.changes)),
    proseViews(diff.changes, diff.from, diff.to),
    h('p', {}, h('a', { href: route('e', kind, id, 'v', from) }, `Open ${versionLabel(from)}`), ' · ', h('a', { href: route('e', kind, id, 'v', to) }, `Open ${versionLabel(to)}`)));
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
