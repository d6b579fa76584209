// The change requests, newest first, filtered by status (and by entity when the link came from one).
// The filter lives in the URL (#/crs?status=open&kind=agent&id=alice), so a filtered list can be shared.
import { get, path } from './api.js';
import { h, replace, route, when } from './dom.js';

export const statuses = ['open', 'approved', 'rejected', 'stale', 'applied', 'withdrawn'];

/** The link to the list, e.g. crsLink({ status: 'open', kind, id }). */
export function crsLink(filter) {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  const text = query.toString();
  return '#/crs' + (text ? `?${text}` : '');
}

/** Who acted, as people read it: "bot for ann" for an act-as token. */
export function actor(who) {
  return who.acting_for ? `${who.name} for ${who.acting_for}` : who.name;
}

export async function changeRequests({ main, query, signal }) {
  const status = statuses.includes(query.get('status')) ? query.get('status') : '';
  const kind = query.get('kind') || undefined;
  const id = kind ? query.get('id') || undefined : undefined;
  const { items } = await get(path('change-requests'), { status, kind, id }, signal);
  items.reverse();
  const select = h('select', { id: 'status-filter', onchange: () => { location.hash = crsLink({ status: select.value, kind, id }); } },
    h('option', { value: '' }, 'any status'), statuses.map(s => h('option', { value: s, selected: s === status }, s)));
  const scope = kind ? (id ? `${kind}/${id}` : kind) : null;
  const rows = items.map(r => h('tr', { 'data-cr': r.id },
    h('th', { scope: 'row' }, h('a', { href: route('cr', r.id) }, r.id)),
    h('td', {}, h('a', { href: route('e', ...r.target.split('/')) }, r.target)),
    h('td', {}, h('span', { class: `status ${r.status}` }, r.status)),
    h('td', {}, actor(r.author)),
    h('td', {}, r.message ?? ''),
    h('td', {}, when(r.updated_at))));
  replace(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Organization'), ' / change requests'),
    h('h1', {}, scope ? `Change requests for ${scope}` : 'Change requests'),
    h('div', { class: 'inline-form' },
      h('span', {}, h('label', { for: 'status-filter' }, 'Status'), select),
      scope ? h('a', { href: crsLink({ status }) }, 'All entities') : null),
    items.length === 0
      ? h('p', { class: 'muted', id: 'no-crs' }, `No ${status || ''} change requests${scope ? ` for ${scope}` : ''}. Propose one with `, h('code', {}, 'verso propose'), '.')
      : h('div', { class: 'scroll' }, h('table', { class: 'list', id: 'crs' },
        h('caption', { class: 'visually-hidden' }, 'Change requests'),
        h('thead', {}, h('tr', {}, ['Request', 'Entity', 'Status', 'Author', 'Message', 'Updated'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows))));
}
