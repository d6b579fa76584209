// The page: a hash router over views, each of which reads the public API only.
import { ApiError, get, path, setToken, token } from './api.js';
import { h, replace } from './dom.js';
import { overview } from './overview.js';
import { entity } from './entity.js';
import { compare } from './compare.js';
import { blame } from './blame.js';
import { edit } from './edit.js';
import { timeTravel } from './timetravel.js';
import { session } from './session.js';
import { changeRequests } from './crs.js';
import { review } from './review.js';
import { create } from './create.js';

const main = document.getElementById('main');
const who = document.getElementById('who');

let current = null;

async function loadCaller() {
  try {
    session.caller = await get(path('caller'));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    session.caller = null;
  }
  // No token and still answered: the store has no tokens, and the server lets loopback in as its local admin.
  const local = session.caller && !token() && session.caller.name === 'local';
  replace(who,
    local ? h('span', { title: 'No tokens in the store: loopback callers act as the local admin' }, 'Local access (no tokens)')
      : session.caller ? h('span', {}, 'Signed in as ', h('strong', {}, session.caller.name), ` (${session.caller.role})`) : null,
    token()
      ? h('button', { type: 'button', class: 'link', onclick: () => { setToken(null); start(); } }, 'Sign out')
      : local ? null : h('a', { href: '#/signin' }, 'Sign in'));
}

function signIn(reason) {
  const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const form = h('form', { class: 'card narrow', onsubmit: async event => {
    event.preventDefault();
    setToken(input.value.trim());
    await loadCaller();
    // Stay on the page that asked for a token; the sign-in page itself leads to the overview.
    if (location.hash.startsWith('#/signin')) location.hash = '#/';
    else await render();
  } },
  h('h1', {}, 'Sign in'),
  reason ? h('p', { class: 'problem', role: 'alert' }, reason) : null,
  h('p', {}, 'Paste a token from ', h('code', {}, 'verso token add'), '. It is kept for this browser tab only.'),
  h('label', { for: 'token' }, 'Token'), input,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Sign in')));
  replace(main, form);
  input.focus();
}

/** Parses "#/a/b?x=1" into parts and a query. */
function parse(hash) {
  const [pathPart, queryPart] = hash.replace(/^#\/?/, '').split('?');
  return { parts: pathPart.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryPart ?? '') };
}

async function render() {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const { parts, query } = parse(location.hash);
  const context = { main, query, signal: controller.signal, rerender: render };
  try {
    if (parts[0] === 'signin') return signIn();
    if (session.caller === null) return signIn(token() ? 'That token was refused.' : 'This server needs a token.');
    if (parts.length === 0) await overview(context);
    else if (parts[0] === 'time') await timeTravel(context);
    else if (parts[0] === 'crs') await changeRequests(context);
    else if (parts[0] === 'new') await create(context);
    else if (parts[0] === 'cr' && parts.length === 2) await review(context, parts[1]);
    else if (parts[0] === 'e' && parts.length >= 3) {
      const [, kind, id, view, a, b] = parts;
      if (view === 'compare') await compare(context, kind, id, a, b);
      else if (view === 'blame') await blame(context, kind, id, a);
      else if (view === 'edit') await edit(context, kind, id);
      else await entity(context, kind, id, view === 'v' ? a : undefined);
    } else {
      replace(main, h('h1', {}, 'Not here'), h('p', {}, 'No such page. ', h('a', { href: '#/' }, 'Back to the organization')));
    }
  } catch (error) {
    if (controller.signal.aborted) return;
    if (error instanceof ApiError && error.status === 401) return signIn(error.message);
    if (error instanceof ApiError && error.status === 404) {
      // Say what was not found, in the server's words, and keep the way back.
      replace(main, h('h1', {}, 'Not found'), h('p', { class: 'problem', role: 'alert' }, error.message),
        h('p', {}, h('a', { href: '#/' }, 'Back to the organization')));
    } else {
      replace(main, h('h1', {}, 'Something went wrong'), h('p', { class: 'problem', role: 'alert' }, error.message));
    }
  }
  if (!controller.signal.aborted) {
    const heading = main.querySelector('h1');
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
    document.title = `${heading?.textContent ?? 'Verso'} · Verso`;
  }
}

async function start() {
  await loadCaller();
  await render();
}

window.addEventListener('hashchange', render);
start();
