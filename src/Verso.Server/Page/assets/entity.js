// An entity: a version rendered for a person, its history timeline, its tags, and the actions on it.
import { get, path } from './api.js';
import { h, replace, route, when } from './dom.js';
import { renderRecord } from './fields.js';
import { mayWrite } from './session.js';
import { promoteDialog, proposeRollbackDialog, rollbackDialog } from './actions.js';
import { isInternal } from './internal.js';
import { rawSection } from './raw.js';

// Versions per page of the history; "Show older" fetches the next page.
const pageSize = 20;
import { checkBadges, checksOf } from './checks.js';
import { policySection } from './policies.js';
import { actor, crsLink } from './crs.js';

export async function entity(context, kind, id, selector) {
  const { main, signal } = context;
  const [version, page, tags, { items: governing }] = await Promise.all([
    selector ? get(path('entities', kind, id, 'versions', selector), undefined, signal) : get(path('entities', kind, id), undefined, signal),
    get(path('entities', kind, id, 'versions'), { limit: pageSize }, signal),
    get(path('entities', kind, id, 'tags'), undefined, signal),
    get(path('entities', kind, id, 'policies'), undefined, signal),
  ]);
  const history = page.items;
  const head = page.head;
  const versions = [version.version, ...history.map(item => item.version).filter(v => v !== version.version)];
  const [checks, policies, { items: requests }] = await Promise.all([
    checksOf(kind, id, versions, signal),
    policySection(kind, id, head, signal),
    get(path('change-requests'), { kind, id }, signal),
  ]);
  const tagsAt = new Map();
  for (const [tag, v] of Object.entries(tags)) tagsAt.set(v, [...(tagsAt.get(v) ?? []), tag]);
  const writable = mayWrite(kind);
  // What a policy refuses is not offered: with direct saves off, a rollback is proposed for review instead.
  const direct = governing.every(p => p.direct_saves);
  const actions = { kind, id, head, history, direct, rerender: context.rerender };
  replace(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Organization'), ' / ', kind, ' / ', id),
    h('h1', {}, `${kind}/${id}`, h('span', { class: 'muted' }, ` @${version.version}`), version.version === head ? h('span', { class: 'badge' }, 'head') : null),
    h('p', { class: 'meta' }, `v${version.version} by ${version.saved_by}, `, when(version.saved_at), version.message ? ` — “${version.message}”` : ''),
    h('p', { class: 'meta', id: 'version-checks' }, 'Checks: ', checkBadges(checks.get(version.version)) ?? 'none recorded'),
    h('div', { class: 'toolbar' },
      h('a', { class: 'button', href: route('e', kind, id, 'blame') }, 'Blame'),
      version.version > 1 ? h('a', { class: 'button', href: route('e', kind, id, 'compare', version.version - 1, version.version) }, `Compare with v${version.version - 1}`) : null,
      writable ? h('a', { class: 'button', href: route('e', kind, id, 'edit') }, 'Edit') : null,
      writable && version.version !== head ? rollbackButton(actions, version.version, false) : null),
    direct || !writable ? null : h('p', { class: 'notice', id: 'review-only' }, 'A policy turns direct saves off for this entity: changes and rollbacks go through a change request.'),
    h('div', { class: 'columns' },
      h('div', { class: 'wide' }, renderRecord(kind, version.content), rawSection(kind, id, version)),
      h('aside', { class: 'side' },
        h('section', { 'aria-labelledby': 'tags-heading' }, h('h2', { id: 'tags-heading' }, 'Tags'), tagSection(kind, id, tags, actions, writable)),
        policies,
        requestSection(kind, id, requests),
        h('section', { 'aria-labelledby': 'history-heading' }, h('h2', { id: 'history-heading' }, `History (${head} version${head === 1 ? '' : 's'})`),
          timeline(kind, id, history, tagsAt, version.version, actions, writable, checks), olderButton(kind, id, page.next_cursor, tagsAt, version.version, actions, writable, checks)))));
}

/** Roll back, or, where a policy turns direct saves off, propose the rollback as a change request. */
function rollbackButton(actions, version, inTimeline) {
  const attrs = { type: 'button', class: inTimeline ? 'link' : null };
  return !actions.direct
    ? h('button', { ...attrs, onclick: () => proposeRollbackDialog(actions, version) }, inTimeline ? 'propose this rollback' : `Propose a rollback to v${version}`)
    : h('button', { ...attrs, onclick: () => rollbackDialog(actions, version) }, inTimeline ? 'roll back here' : `Roll back to v${version}`);
}

/** "Show older versions": the next page of the history under the timeline, as long as there is one. */
function olderButton(kind, id, cursor, tagsAt, shown, actions, writable, checks) {
  if (!cursor) return null;
  const button = h('button', { type: 'button', id: 'older', onclick: async () => {
    button.disabled = true;
    const next = await get(path('entities', kind, id, 'versions'), { limit: pageSize, cursor });
    const more = await checksOf(kind, id, next.items.map(item => item.version));
    for (const [v, list] of more) checks.set(v, list);
    document.getElementById('timeline').append(...timeline(kind, id, next.items, tagsAt, shown, actions, writable, checks).children);
    button.replaceWith(olderButton(kind, id, next.next_cursor, tagsAt, shown, actions, writable, checks) ?? '');
  } }, 'Show older versions');
  return button;
}

function requestSection(kind, id, requests) {
  const pending = requests.filter(r => !['applied', 'withdrawn'].includes(r.status)).reverse();
  return h('section', { 'aria-labelledby': 'requests-heading', id: 'entity-crs' }, h('h2', { id: 'requests-heading' }, 'Change requests'),
    pending.length ? h('ul', { class: 'tags' }, pending.map(r => h('li', { 'data-cr': r.id },
      h('a', { href: route('cr', r.id) }, r.id), ' ', h('span', { class: `status ${r.status}` }, r.status), ` by ${actor(r.author)}`, r.message ? ` — “${r.message}”` : '')))
      : h('p', { class: 'muted' }, 'None waiting.'),
    requests.length ? h('a', { href: crsLink({ kind, id }) }, `All ${requests.length} for ${kind}/${id}`) : null);
}

// "signed by" when the move's signature verifies under the key the store signs events with; "unsigned" only where the
// store asks for signatures, so a store that never signs shows nothing.
function signedMark(signatures, i) {
  const signer = signatures.moves[i]?.signed_by;
  if (signer) {
    return h('span', { class: 'signed', title: `signature verified under key ${signer}` }, ` ✓ signed by ${signer.slice(0, 16)}…`);
  }
  return signatures.signing_key ? h('span', { class: 'unsigned' }, ' unsigned') : null;
}

function tagSection(kind, id, tags, actions, writable) {
  const names = Object.keys(tags);
  const list = h('ul', { class: 'tags' }, names.map(tag => {
    const moves = h('ol', { class: 'moves', hidden: true });
    const toggle = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', onclick: async () => {
      if (moves.hidden && moves.children.length === 0) {
        const [history, signatures] = await Promise.all([get(path('entities', kind, id, 'tags', tag, 'history')), get(path('entities', kind, id, 'tags', tag, 'signatures'))]);
        replace(moves, history.map((m, i) => h('li', {}, m.from_version ? `v${m.from_version} → ` : '', h('a', { href: route('e', kind, id, 'v', m.to_version) }, `v${m.to_version}`),
          ` by ${m.moved_by}, `, when(m.moved_at), m.reason ? ` — “${m.reason}”` : '', signedMark(signatures, i))));
      }
      moves.hidden = !moves.hidden;
      toggle.setAttribute('aria-expanded', String(!moves.hidden));
    } }, 'moves');
    return h('li', { 'data-tag': tag }, h('span', { class: 'tag' }, tag), ' → ', h('a', { href: route('e', kind, id, 'v', tags[tag]) }, `v${tags[tag]}`), ' ', toggle, moves);
  }));
  return [names.length ? list : h('p', { class: 'muted' }, 'No tags.'),
    writable ? h('button', { type: 'button', onclick: () => promoteDialog(actions, actions.head) }, 'Move a tag…') : null];
}

function operation(item) {
  switch (item.operation) {
    case 'rollback': return `rollback to v${item.revert_of}`;
    case 'apply': return item.source?.request
      ? ['apply ', h('a', { href: route('cr', item.source.request) }, item.source.request), item.source.approvers?.length ? `, approved by ${item.source.approvers.join(', ')}` : '']
      : 'apply';
    case 'import': return item.source?.commit ? `import from commit ${String(item.source.commit).slice(0, 7)} of ${item.source.path}` : 'import';
    default: return item.operation;
  }
}

function timeline(kind, id, history, tagsAt, shown, actions, writable, checks) {
  return h('ol', { class: 'timeline', id: 'timeline' }, history.map(item => {
    const referrers = h('div', { class: 'referrers', hidden: true });
    return h('li', { 'data-version': item.version, class: item.version === shown ? 'current' : null },
      h('div', {}, h('a', { href: route('e', kind, id, 'v', item.version) }, h('strong', {}, `v${item.version}`)), ' ',
        h('span', { class: 'op' }, operation(item)), ' ', (tagsAt.get(item.version) ?? []).map(t => h('span', { class: 'tag' }, t)), checkBadges(checks.get(item.version))),
      h('div', { class: 'muted' }, `${item.saved_by} · `, when(item.saved_at)),
      item.message ? h('div', { class: 'message' }, item.message) : null,
      h('div', { class: 'row-actions' },
        item.version > 1 ? h('a', { href: route('e', kind, id, 'compare', item.version - 1, item.version), 'aria-label': `diff v${item.version - 1} → v${item.version}` }, 'diff') : null,
        h('button', { type: 'button', class: 'link', 'aria-label': `decisions under v${item.version}`, onclick: async () => {
          const { referred_by: refs } = await get(path('entities', kind, id, 'referrers'), { version: item.version });
          // Decisions (and other configuration) that pin this version; a change request's base is not a decision.
          const pins = refs.filter(r => !isInternal(r.split('/')[0]));
          replace(referrers, pins.length ? h('ul', {}, pins.map(r => h('li', {}, h('a', { href: linkTo(r) }, r)))) : h('span', { class: 'muted' }, 'No decision pins this version.'));
          referrers.hidden = false;
        } }, 'decisions'),
        writable && item.version !== actions.head ? rollbackButton(actions, item.version, true) : null,
        writable ? h('button', { type: 'button', class: 'link', onclick: () => promoteDialog(actions, item.version), 'aria-label': `tag v${item.version}` }, 'tag') : null),
      referrers);
  }));
}

/** The page's link for a ref "kind/id@N". */
export function linkTo(ref) {
  const match = ref.match(/^([^/]+)\/([^@]+)(?:@(.+))?$/);
  if (!match) return '#/';
  return match[3] ? route('e', match[1], match[2], 'v', match[3]) : route('e', match[1], match[2]);
}
