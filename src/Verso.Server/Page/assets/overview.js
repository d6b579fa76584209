// The organization: every kind with its entities and heads, a filter, and the live change feed.
import { all, follow, get, path } from './api.js';
import { h, replace, route, when } from './dom.js';
import { crsLink } from './crs.js';
import { isInternal } from './internal.js';
import { mayWrite } from './session.js';

const recentCount = 15;

export async function overview({ main, signal }) {
  const [{ kinds }, { items: open }] = await Promise.all([get(path('kinds'), undefined, signal), get(path('change-requests'), { status: 'open' }, signal)]);
  const groups = await Promise.all(kinds.filter(k => k.entities > 0 && !isInternal(k.kind)).map(async k => ({ kind: k.kind, items: await all(path('entities', k.kind)) })));
  const filter = h('input', { id: 'filter', type: 'search', placeholder: 'agent, alice, production…', autocomplete: 'off' });
  const sections = groups.map(group => {
    const rows = group.items.map(item => {
      const row = h('tr', { 'data-entity': `${item.kind}/${item.id}`, 'data-search': `${item.kind} ${item.id} ${item.saved_by} ${Object.keys(item.tags ?? {}).join(' ')}`.toLowerCase() },
        h('th', { scope: 'row' }, h('a', { href: route('e', item.kind, item.id) }, item.id)),
        h('td', { class: 'head' }, h('a', { href: route('e', item.kind, item.id, 'v', item.version) }, `v${item.version}`)),
        h('td', { class: 'by' }, item.saved_by),
        h('td', { class: 'at' }, when(item.saved_at)),
        h('td', {}, tagList(item)));
      return row;
    });
    const table = h('table', { class: 'list' },
      h('caption', { class: 'visually-hidden' }, `${group.kind} entities`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Head'), h('th', { scope: 'col' }, 'Changed by'), h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Tags'))),
      h('tbody', {}, rows));
    return h('section', { class: 'kind', 'data-kind': group.kind }, h('h2', {}, group.kind, h('span', { class: 'count' }, ` ${group.items.length}`)), h('div', { class: 'scroll' }, table));
  });
  const empty = h('p', { class: 'muted', hidden: true }, 'Nothing matches the filter.');
  filter.addEventListener('input', () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const section of sections) {
      let inSection = 0;
      for (const row of section.querySelectorAll('tbody tr')) {
        const match = words.every(w => row.dataset.search.includes(w));
        row.hidden = !match;
        if (match) inSection++;
      }
      section.hidden = inSection === 0;
      shown += inSection;
    }
    empty.hidden = shown > 0;
  });
  const recent = h('ol', { class: 'recent', 'aria-live': 'polite', id: 'recent' });
  const connection = h('p', { id: 'connection', class: 'connection connecting', role: 'status' }, 'Connecting to the live feed…');
  const writable = kinds.some(k => !isInternal(k.kind) && mayWrite(k.kind));
  replace(main,
    h('h1', {}, 'Organization'),
    writable ? h('p', {}, h('a', { class: 'button', href: '#/new', id: 'new-entity' }, 'New entity…')) : null,
    h('p', { id: 'open-crs' }, h('a', { href: crsLink({ status: 'open' }) }, `${open.length} open change request${open.length === 1 ? '' : 's'}`),
      ' · ', h('a', { href: crsLink({}) }, 'all change requests')),
    h('div', { class: 'columns' },
      h('div', { class: 'wide' },
        h('label', { for: 'filter' }, 'Filter'), filter, empty,
        groups.length === 0 ? h('p', {}, 'The store is empty. Save something with ', h('code', {}, 'verso save'), '.') : sections),
      h('aside', { class: 'side', 'aria-labelledby': 'recent-heading' }, h('h2', { id: 'recent-heading' }, 'Recent changes'), connection, recent)));
  await followRecent(recent, signal, entry => updateHead(main, entry), state => showConnection(connection, state));
}

/** The feed's state where the operator sees it: live, or lost (then the heads may be stale until it is back). */
function showConnection(node, state) {
  node.className = `connection ${state}`;
  node.textContent = state === 'live' ? 'Live: new versions appear as they are saved.'
    : 'Disconnected: the server is not answering; retrying. The heads shown may be out of date.';
}

/** Moves an entity's row to the version the feed reported. */
function updateHead(main, entry) {
  const row = main.querySelector(`tr[data-entity="${CSS.escape(`${entry.kind}/${entry.id}`)}"]`);
  if (!row) return;
  const shown = Number(row.querySelector('td.head a')?.textContent.slice(1));
  if (entry.version <= shown) return;
  replace(row.querySelector('td.head'), h('a', { href: route('e', entry.kind, entry.id, 'v', entry.version) }, `v${entry.version}`));
  replace(row.querySelector('td.by'), entry.saved_by);
  replace(row.querySelector('td.at'), when(entry.saved_at));
}

function tagList(item) {
  return Object.entries(item.tags ?? {}).map(([tag, version]) =>
    h('a', { class: 'tag', href: route('e', item.kind, item.id, 'v', version), title: `${tag} → v${version}` }, `${tag} v${version}`));
}

/** Fills list with the newest changes of configuration, then keeps it (and the heads) current from the SSE feed. */
async function followRecent(list, signal, onHead, onState) {
  // Read the feed in pages up to its end, keeping only the newest few, then stream what comes after.
  let after = 0;
  let newest = [];
  for (;;) {
    const page = await get(path('changes'), { after, limit: 500 }, signal);
    newest = newest.concat(page.items.filter(entry => !isInternal(entry.kind))).slice(-recentCount);
    if (page.last_seq === after || page.items.length === 0) break;
    after = page.last_seq;
  }
  for (const entry of newest) list.prepend(change(entry));
  follow(after, entry => {
    if (isInternal(entry.kind)) return;
    list.prepend(change(entry));
    while (list.children.length > recentCount) list.lastChild.remove();
    onHead(entry);
  }, signal, onState);
}

function change(entry) {
  const compareTo = entry.version > 1 ? route('e', entry.kind, entry.id, 'compare', entry.version - 1, entry.version) : route('e', entry.kind, entry.id, 'v', entry.version);
  return h('li', { 'data-seq': entry.seq },
    h('a', { href: compareTo }, `${entry.kind}/${entry.id}@${entry.version}`),
    ' ', h('span', { class: 'op' }, entry.operation), ' by ', entry.saved_by, h('br'), when(entry.saved_at));
}
