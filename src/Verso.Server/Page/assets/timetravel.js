// Time travel: the organization as of a time (its manifest and root hash), and what changed between two times.
import { ApiError, get, path } from './api.js';
import { h, replace, route } from './dom.js';

function input(name, label, value, placeholder) {
  return h('div', { class: 'field' }, h('label', { for: name }, label), h('input', { id: name, name, value: value ?? '', placeholder, autocomplete: 'off', size: 30 }));
}

function submitTo(fields) {
  return event => {
    event.preventDefault();
    const data = new FormData(event.target);
    const query = new URLSearchParams();
    for (const f of fields) if (String(data.get(f)).trim()) query.set(f, String(data.get(f)).trim());
    location.hash = `#/time?${query}`;
  };
}

async function manifest(at, signal) {
  return get(path('manifest'), { at: at || undefined }, signal);
}

export async function timeTravel({ main, query, signal }) {
  const at = query.get('at');
  const from = query.get('from');
  const to = query.get('to');
  const example = new Date(Date.now() - 3600_000).toISOString();
  const result = h('div', { id: 'time-result' });
  replace(main,
    h('h1', {}, 'Time travel'),
    h('form', { class: 'inline-form', onsubmit: submitTo(['at']) }, input('at', 'The organization as of (UTC)', at, example), h('button', { type: 'submit' }, 'Show')),
    h('form', { class: 'inline-form', onsubmit: submitTo(['from', 'to']) }, input('from', 'Changes from', from, example), input('to', 'to (empty: now)', to, ''), h('button', { type: 'submit' }, 'Compare times')),
    result);
  try {
    if (from) await between(result, from, to, signal);
    else await asOf(result, at, signal);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    replace(result, h('p', { class: 'problem', role: 'alert' }, error.message));
  }
}

async function asOf(result, at, signal) {
  const m = await manifest(at, signal);
  replace(result,
    h('h2', {}, at ? `As of ${at}` : 'Now'),
    h('p', {}, 'Root hash ', h('code', { id: 'root', class: 'hash' }, m.root), ` over ${m.entries.length} entities.`),
    h('div', { class: 'scroll' }, h('table', { class: 'list' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Entity'), h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col' }, 'Hash'))),
      h('tbody', {}, m.entries.map(e => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: route('e', e.kind, e.id) }, `${e.kind}/${e.id}`)),
        h('td', {}, h('a', { href: route('e', e.kind, e.id, 'v', e.version) }, `v${e.version}`)),
        h('td', {}, h('code', { class: 'hash' }, e.hash.slice(0, 19) + '…'))))))));
}

async function between(result, from, to, signal) {
  const [a, b] = await Promise.all([manifest(from, signal), manifest(to, signal)]);
  const before = new Map(a.entries.map(e => [`${e.kind}/${e.id}`, e]));
  const after = new Map(b.entries.map(e => [`${e.kind}/${e.id}`, e]));
  const rows = [];
  for (const [key, e] of after) {
    const old = before.get(key);
    if (!old) rows.push(['added', e, h('a', { href: route('e', e.kind, e.id, 'v', e.version) }, `v${e.version}`)]);
    else if (old.version !== e.version) rows.push(['changed', e, h('a', { href: route('e', e.kind, e.id, 'compare', old.version, e.version) }, `v${old.version} → v${e.version}`)]);
  }
  for (const [key, e] of before) if (!after.has(key)) rows.push(['removed', e, `was v${e.version}`]);
  replace(result,
    h('h2', {}, `From ${from} to ${to || 'now'}`),
    h('p', {}, 'Roots ', h('code', { class: 'hash' }, a.root), ' → ', h('code', { class: 'hash' }, b.root)),
    rows.length === 0 ? h('p', { class: 'muted' }, 'Nothing changed.') :
      h('ul', { class: 'changes' }, rows.map(([what, e, link]) => h('li', { class: `change ${what}` }, h('strong', {}, what), ` ${e.kind}/${e.id} `, link))));
}
