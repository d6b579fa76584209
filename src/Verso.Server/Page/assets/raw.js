// A version as its raw JSON or YAML: shown on demand, copied to the clipboard, or downloaded as a file named after it.
// The YAML is the server's (GET …/versions/N/file), the writer `verso show --format yaml` and `verso export` use,
// so what the page copies is byte for byte what the CLI writes.
import { getText, path } from './api.js';
import { h } from './dom.js';

/** The raw section of one version (version: the API's version with content). */
export function rawSection(kind, id, version) {
  if (version.content === null || version.content === undefined) return null;
  const n = version.version;
  const json = Promise.resolve(JSON.stringify(version.content, null, 2) + '\n');
  const yaml = getText(path('entities', kind, id, 'versions', n, 'file'), 'application/yaml', { format: 'yaml' });
  return h('section', { class: 'raw', 'aria-labelledby': 'raw-heading' },
    h('h2', { id: 'raw-heading' }, 'Raw'),
    block({ label: 'JSON', key: 'json', ids: ['copy-json', 'download-json', 'raw-status', 'raw-json'], type: 'application/json', name: `${kind}-${id}-v${n}.json`, n, text: json }),
    block({ label: 'YAML', key: 'yaml', ids: ['copy-yaml', 'download-yaml', 'raw-yaml-status', 'raw-yaml'], type: 'application/yaml', name: `${kind}-${id}-v${n}.yaml`, n, text: yaml }));
}

// One format: copy and download buttons, a status line, and the text in a disclosure.
function block({ label, key, ids: [copyId, downloadId, statusId, preId], type, name, n, text }) {
  const status = h('span', { class: 'muted', role: 'status', id: statusId });
  const pre = h('pre', { id: preId, tabindex: 0 }, '…');
  text.then(value => { pre.textContent = value; }, error => { pre.textContent = ''; status.textContent = `No ${label}: ${error.message}`; });
  const copy = h('button', { type: 'button', id: copyId, onclick: async () => {
    const value = await text;
    try {
      await navigator.clipboard.writeText(value);
      status.textContent = 'Copied.';
    } catch {
      // No clipboard (an insecure origin or a refused permission): select the text for the operator to copy.
      pre.closest('details').open = true;
      getSelection().selectAllChildren(pre);
      status.textContent = 'Selected: copy it with your keyboard.';
    }
  } }, `Copy ${label}`);
  // A button rather than a link: the YAML is fetched with the token, so the file is made here once it is in.
  const download = h('button', { type: 'button', id: downloadId, onclick: async () => {
    const link = h('a', { download: name, href: `data:${type};charset=utf-8,${encodeURIComponent(await text)}` });
    link.click();
  } }, `Download ${label}`);
  return h('div', { class: 'raw-format', 'data-format': key },
    h('div', { class: 'toolbar' }, copy, download, status),
    h('details', {}, h('summary', {}, `${label} of v${n}`), pre));
}
