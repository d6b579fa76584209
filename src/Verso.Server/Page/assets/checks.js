// Check results as badges: pass or fail, with the check's name, who recorded it and a link to the run.
import { get, path } from './api.js';
import { h } from './dom.js';

/** How many of the newest versions the timeline asks for checks: one request each. */
const timelineDepth = 30;

/** The newest result of each check name, in the order first recorded. */
export function latestByName(results) {
  const latest = new Map();
  for (const result of results) latest.set(result.name, result);
  return [...latest.values()];
}

/** One badge; a link when the run's address is a web address (a record may hold anything). */
export function checkBadge(result) {
  const text = `${result.name}: ${result.result}`;
  const title = `${text} by ${result.by} at ${result.at}${result.message ? ` — ${result.message}` : ''}`;
  const attrs = { class: `check ${result.result === 'pass' ? 'pass' : 'fail'}`, title, 'data-check': result.name };
  const body = [h('span', { 'aria-hidden': 'true' }, result.result === 'pass' ? '✓ ' : '✗ '), text, h('span', { class: 'by' }, ` · ${result.by}`)];
  return /^https?:\/\//i.test(result.url ?? '')
    ? h('a', { ...attrs, href: result.url, rel: 'noopener noreferrer', target: '_blank' }, body)
    : h('span', attrs, body);
}

/** The badges of one version's newest results, or nothing when it has none. */
export function checkBadges(results) {
  const latest = latestByName(results ?? []);
  return latest.length ? h('span', { class: 'checks', role: 'list', 'aria-label': 'Checks' }, latest.map(r => h('span', { role: 'listitem' }, checkBadge(r)))) : null;
}

/** The check results of the newest versions of kind/id, as a Map from version to results. */
export async function checksOf(kind, id, versions, signal) {
  const wanted = versions.slice(0, timelineDepth);
  const lists = await Promise.all(wanted.map(v => get(path('entities', kind, id, 'versions', v, 'checks'), undefined, signal)));
  return new Map(wanted.map((v, i) => [v, lists[i].items]));
}
