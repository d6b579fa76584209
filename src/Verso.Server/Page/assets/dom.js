// Builds DOM nodes. Text always goes in through text nodes, never through innerHTML, so nothing a record
// holds can become markup or script on the page.

/** h('a', {href: '#/'}, 'text', child) → element. Attributes starting with "on" are listeners. */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the children of node. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A time the way people read it, with the exact UTC instant in a <time> element. */
export function when(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', ' UTC');
  return h('time', { datetime: iso, title: iso }, text);
}

/** A value as a short readable string: strings bare, everything else as JSON. */
export function show(value) {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A link into the page: route parts are URL-encoded one by one. */
export function route(...parts) {
  return '#/' + parts.map(p => encodeURIComponent(String(p))).join('/');
}
