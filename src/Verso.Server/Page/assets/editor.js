// The record editor the edit and create pages share. An agent is edited as fields plus its charter as
// Markdown, with the whole record as JSON on an advanced tab; any other kind as JSON. Either way collect()
// answers the record to send, or throws an Error saying why the JSON does not parse.
import { h } from './dom.js';

// [label, JSON path as keys, input type] of the agent fields shown as inputs.
const agentFields = [
  ['Name', ['name'], 'text'], ['Role', ['role'], 'text'], ['Department', ['department'], 'text'], ['Level', ['level'], 'text'],
  ['Model provider', ['model', 'provider'], 'text'], ['Model', ['model', 'model_id'], 'text'],
  ['Temperature', ['model', 'temperature'], 'number'], ['Max tokens', ['model', 'max_tokens'], 'number'],
];

function at(record, keys) {
  return keys.reduce((node, key) => (node && typeof node === 'object' ? node[key] : undefined), record);
}

function setAt(record, keys, value) {
  let node = record;
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {};
    node = node[key];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function inputId(keys) {
  return `field-${keys.join('-')}`;
}

/** An editor for record (of kind); answers { node, collect, focus }. */
export function recordEditor(kind, record) {
  const json = h('textarea', { id: 'record', rows: 24, spellcheck: 'false', class: 'code' }, JSON.stringify(record, null, 2));
  if (kind !== 'agent') {
    return { node: h('div', {}, h('label', { for: 'record' }, 'Record (JSON)'), json), collect: () => JSON.parse(json.value), focus: () => json.focus() };
  }
  const inputs = agentFields.map(([label, keys, type]) => [keys, type, h('input', { id: inputId(keys), type, step: type === 'number' ? 'any' : null, autocomplete: 'off' })]);
  const charter = h('textarea', { id: 'charter', rows: 18, spellcheck: 'true', class: 'charter-text' });
  const fill = value => {
    for (const [keys, , input] of inputs) input.value = at(value, keys) ?? '';
    charter.value = typeof value.charter === 'string' ? value.charter : '';
  };
  const applyFields = base => {
    const value = structuredClone(base);
    for (const [keys, type, input] of inputs) {
      const text = input.value.trim();
      const old = at(base, keys);
      // Untouched values stay exactly as they were (a number stays a number); a cleared field is removed.
      if ((text === '' && old === undefined) || (old !== undefined && old !== null && text === String(old))) continue;
      const numeric = (type === 'number' || typeof old === 'number') && text !== '' && !Number.isNaN(Number(text));
      setAt(value, keys, text === '' ? undefined : numeric ? Number(text) : text);
    }
    value.charter = charter.value;
    return value;
  };
  fill(record);
  const fieldsPanel = h('div', { id: 'panel-fields', role: 'tabpanel', 'aria-labelledby': 'tab-fields' },
    h('div', { class: 'field-grid' }, inputs.map(([keys, , input], i) => h('div', {}, h('label', { for: input.id }, agentFields[i][0]), input))),
    h('label', { for: 'charter' }, 'Charter (Markdown)'), charter);
  const jsonPanel = h('div', { id: 'panel-json', role: 'tabpanel', 'aria-labelledby': 'tab-json', hidden: true }, h('label', { for: 'record' }, 'Record (JSON)'), json);
  let active = 'fields';
  const collect = () => (active === 'fields' ? applyFields(JSON.parse(json.value)) : JSON.parse(json.value));
  const tab = (name, label) => h('button', { type: 'button', role: 'tab', id: `tab-${name}`, 'aria-controls': `panel-${name}`, 'aria-selected': String(name === active), onclick: () => show(name) }, label);
  const tabs = [tab('fields', 'Fields and charter'), tab('json', 'JSON (advanced)')];
  const problem = h('p', { class: 'problem', role: 'alert', id: 'tab-problem' });
  function show(name) {
    if (name === active) return;
    problem.textContent = '';
    try {
      // Carry what was typed across: the fields into the JSON, or the JSON back into the fields.
      if (name === 'json') json.value = JSON.stringify(collect(), null, 2);
      else fill(JSON.parse(json.value));
    } catch (error) {
      problem.textContent = `The JSON does not parse: ${error.message}`;
      return;
    }
    active = name;
    fieldsPanel.hidden = name !== 'fields';
    jsonPanel.hidden = name !== 'json';
    for (const t of tabs) t.setAttribute('aria-selected', String(t.id === `tab-${name}`));
  }
  return {
    node: h('div', {}, h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Edit as' }, tabs), problem, fieldsPanel, jsonPanel),
    collect,
    focus: () => inputs[0][2].focus(),
  };
}
