// One change request reviewed: the proposal compared with its base (and with the head when the head moved
// since), the reviews and the request's own history, and the actions the signed-in token may take.
// The buttons are only a convenience: the API decides, and a refusal is shown in its own words.
import { all, get, path, request } from './api.js';
import { h, replace, route, when } from './dom.js';
import { changeList, proseViews } from './changes.js';
import { actor, crsLink } from './crs.js';
import { problemLine } from './actions.js';
import { mayWrite, session } from './session.js';

// A message carried over one re-render, e.g. why an apply left the request stale.
let notice = null;

export async function review(context, cr) {
  const { main, signal } = context;
  const shown = await get(path('change-requests', cr), undefined, signal);
  const r = shown.request;
  const [kind, id] = r.target.split('/');
  const final = r.status === 'applied' || r.status === 'withdrawn';
  const headMoved = !final && shown.head_version !== r.base_version;
  const [againstBase, againstHead, history] = await Promise.all([
    get(path('change-requests', cr, 'diff'), { against: 'base' }, signal),
    headMoved ? get(path('change-requests', cr, 'diff'), { against: 'head' }, signal) : null,
    all(path('entities', 'change-request', cr, 'versions')),
  ]);
  const said = notice;
  notice = null;
  replace(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Organization'), ' / ', h('a', { href: crsLink({}) }, 'change requests'), ' / ', cr),
    h('h1', {}, `${cr}: `, h('a', { href: route('e', kind, id) }, r.target), h('span', { class: `status ${r.status}`, id: 'cr-status' }, r.status)),
    h('p', { class: 'meta' }, `Proposed by ${actor(r.author)} against ${r.base_version ? `v${r.base_version}` : 'nothing (a new entity)'}, revision ${r.revision}, updated `, when(r.updated_at),
      r.message ? ` — “${r.message}”` : '',
      r.applied_version ? [' · applied as ', h('a', { href: route('e', kind, id, 'v', r.applied_version) }, `v${r.applied_version}`)] : ''),
    said ? h('p', { class: 'problem', role: 'alert', id: 'notice' }, said) : null,
    r.status === 'stale' ? conflicts(r, kind, shown.head_version, context.rerender) : null,
    h('div', { class: 'columns' },
      h('div', { class: 'wide' },
        comparison('base-heading', r.base_version ? `The proposal against its base v${r.base_version}` : 'The proposal', againstBase),
        againstHead ? comparison('head-heading', `The proposal against the current head v${shown.head_version}`, againstHead) : null),
      h('aside', { class: 'side' },
        final ? null : actions(r, kind, id, context.rerender),
        reviews(r),
        h('section', { 'aria-labelledby': 'cr-history-heading' }, h('h2', { id: 'cr-history-heading' }, 'History'),
          h('ol', { class: 'timeline', id: 'cr-history' }, history.map(v => h('li', { 'data-version': v.version },
            h('div', {}, h('strong', {}, `#${v.version}`), ' ', v.message ?? ''), h('div', { class: 'muted' }, `${v.saved_by} · `, when(v.saved_at)))))))));
}

function conflicts(r, kind, headVersion, rerender) {
  return h('section', { class: 'verdict breaking', id: 'conflicts', 'aria-labelledby': 'conflicts-heading' },
    h('h2', { id: 'conflicts-heading' }, 'Stale: the head moved and the merge conflicts'),
    h('p', {}, `Someone changed ${r.target} where this proposal does too; ${actor(r.author)} updates it against the head to reopen it. Conflicting paths:`),
    h('ul', {}, r.conflicts.map(p => h('li', {}, h('code', {}, p)))),
    isAuthor(r) && mayWrite(kind) ? rebaseForm(r, headVersion, rerender) : null);
}

// The author settles the conflicts in the proposal itself and sends it as the next revision, based on the head:
// the request opens again and earlier approvals no longer count, as for any update.
function rebaseForm(r, headVersion, rerender) {
  const text = h('textarea', { id: 'rebase-record', rows: 12, class: 'charter-text' });
  text.value = JSON.stringify(r.proposal, null, 2);
  const status = h('div', { class: 'problem', role: 'alert', id: 'rebase-problem' });
  const button = h('button', { type: 'button', class: 'primary', onclick: async () => {
    let record;
    try {
      record = JSON.parse(text.value);
    } catch (error) {
      replace(status, `The proposal is not JSON: ${error.message}`);
      return;
    }
    button.disabled = true;
    try {
      await request('POST', path('change-requests', r.id), { body: { record, base_version: headVersion, message: `updated against the head v${headVersion}` } });
      rerender();
    } catch (error) {
      button.disabled = false;
      replace(status, error.message);
    }
  } }, `Update against the head v${headVersion}`);
  return h('div', { id: 'rebase' }, h('label', { for: 'rebase-record' }, `The proposal, to be based on v${headVersion} (settle the conflicting paths)`), text, status,
    h('div', { class: 'toolbar' }, button));
}

function isAuthor(r) {
  const me = session.caller.name;
  return r.author.name === me || r.author.acting_for === me;
}

function comparison(headingId, title, diff) {
  return h('section', { 'aria-labelledby': headingId, class: 'comparison' },
    h('h2', { id: headingId }, `${title} (${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'})`),
    changeList(diff.changes),
    proseViews(diff.changes, diff.from, diff.to));
}

function reviews(r) {
  return h('section', { 'aria-labelledby': 'reviews-heading' }, h('h2', { id: 'reviews-heading' }, `Reviews (${r.reviews.length})`),
    r.reviews.length === 0 ? h('p', { class: 'muted' }, 'No reviews yet.') : h('ol', { class: 'reviews', id: 'reviews' }, r.reviews.map(v => h('li', { class: v.verdict },
      h('strong', {}, actor(v.by)), ' ', h('span', { class: `verdict-word ${v.verdict}` }, { approve: 'approved', reject: 'rejected', comment: 'commented' }[v.verdict] ?? v.verdict),
      v.revision === r.revision ? '' : h('span', { class: 'muted' }, ` (revision ${v.revision}, no longer counts)`),
      h('div', { class: 'muted' }, when(v.at)), v.message ? h('div', { class: 'message' }, v.message) : null))));
}

function actions(r, kind, id, rerender) {
  if (!mayWrite(kind)) return null;
  const authored = isAuthor(r);
  const message = h('textarea', { id: 'review-message', rows: 3 });
  const status = h('div', { class: 'problem', role: 'alert', id: 'review-problem' });
  const buttons = [];
  const send = async (button, url, body) => {
    for (const b of buttons) b.disabled = true;
    try {
      await request('POST', url, { body });
      rerender();
    } catch (error) {
      for (const b of buttons) b.disabled = false;
      if (error.problem?.type?.endsWith(':stale')) { notice = error.message; rerender(); return; }
      replace(status, problemLine(error, kind, id));
      button.focus();
    }
  };
  const button = (label, className, onclick) => {
    const node = h('button', { type: 'button', class: className, onclick: () => onclick(node) }, label);
    buttons.push(node);
    return node;
  };
  const verdict = v => node => send(node, path('change-requests', r.id, 'reviews'), { verdict: v, message: message.value.trim() || undefined });
  return h('section', { 'aria-labelledby': 'review-heading', id: 'review-form' }, h('h2', { id: 'review-heading' }, authored ? 'Your request' : 'Review'),
    authored ? h('p', { class: 'muted' }, 'Someone other than you approves it: nobody reviews their own change.') : null,
    h('label', { for: 'review-message' }, 'Comment'), message, status,
    h('div', { class: 'toolbar' },
      authored ? null : button('Approve', 'primary', verdict('approve')),
      authored ? null : button('Reject', null, verdict('reject')),
      button('Comment', null, verdict('comment'))),
    h('div', { class: 'toolbar spaced' },
      r.status === 'open' || r.status === 'approved' ? button('Apply', 'primary', node => send(node, path('change-requests', r.id, 'apply'), {})) : null,
      authored ? button('Withdraw', null, node => send(node, path('change-requests', r.id, 'withdraw'), { message: message.value.trim() || undefined })) : null));
}
