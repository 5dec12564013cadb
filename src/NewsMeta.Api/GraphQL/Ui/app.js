/* NewsMeta GraphQL IDE: a small, dependency-free query editor and schema explorer.
 * The page is served under a strict CSP (script-src 'self'; style-src 'self'), so all DOM
 * is built with createElement/textContent: no innerHTML, inline styles or inline handlers. */
(function () {
  'use strict';

  const ENDPOINT = '/graphql';
  const HISTORY_LIMIT = 20;
  const KEYS = { query: 'newsmeta.graphql.query', variables: 'newsmeta.graphql.variables',
    apiKey: 'newsmeta.graphql.apiKey', history: 'newsmeta.graphql.history' };

  // Written compactly and laid out by prettify() at startup, which also keeps the formatter honest.
  const DEFAULT_QUERY = 'query LatestArticles { articles(first: 5) { totalCount nodes { id databaseId title ' +
    'language publishedAt source { name } } pageInfo { hasNextPage endCursor } } }';

  // Six levels of ofType covers types such as [[Int!]!]! without recursion (GraphQL has none).
  const INTROSPECTION_QUERY = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name }
    types {
      kind name description
      fields(includeDeprecated: true) { name description isDeprecated deprecationReason
        args { name description type { ...TypeRef } defaultValue } type { ...TypeRef } }
      inputFields { name description type { ...TypeRef } defaultValue }
      enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
      interfaces { name } possibleTypes { name }
    }
  }
}
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name
  ofType { kind name ofType { kind name ofType { kind name } } } } } } }`;

  const $ = (id) => document.getElementById(id);

  let running = false;    // guards against double runs (button + shortcut)
  let schema = null;      // { types: Map<name, type>, queryType, mutationType }
  let schemaSeq = 0;      // lets a newer introspection win over a slower, older one
  let docsStack = [];     // type names visited in the docs panel; empty = root view
  let tabEscape = false;  // set by Escape so the next Tab leaves the editor

  // localStorage can throw (disabled storage, quota); the IDE must keep working without it.
  const store = {
    get(key, fallback) { try { return localStorage.getItem(key) ?? fallback; } catch { return fallback; } },
    set(key, value) { try { localStorage.setItem(key, value); } catch { /* non-fatal: just not remembered */ } },
  };

  // Tiny element builder: attributes via setAttribute, `text` as textContent, children appended.
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === 'text') node.textContent = value; else node.setAttribute(key, value);
    }
    for (const child of children) if (child != null && child !== '') node.append(child);
    return node;
  }

  // Programmatic edits fire `input` too, so persistence and the operation picker stay in sync.
  const changed = (area) => area.dispatchEvent(new Event('input', { bubbles: true }));

  /* ---------- startup and wiring ---------- */

  function init() {
    $('query').value = store.get(KEYS.query, prettify(DEFAULT_QUERY));
    $('variables').value = store.get(KEYS.variables, '{}');
    $('api-key').value = store.get(KEYS.apiKey, '');
    wire();
    updateOperations();
    renderHistory();
    loadSchema();
  }

  function wire() {
    for (const area of [$('query'), $('variables')]) area.addEventListener('keydown', onEditorKey);
    $('query').addEventListener('input', () => { store.set(KEYS.query, $('query').value); updateOperations(); });
    $('variables').addEventListener('input', () => store.set(KEYS.variables, $('variables').value));
    $('api-key').addEventListener('input', () => store.set(KEYS.apiKey, $('api-key').value.trim()));
    // Introspection may need the key, so reload the schema once the user has finished editing it.
    $('api-key').addEventListener('change', loadSchema);
    // Listening on the document makes Ctrl/Cmd+Enter work from any editor or the key input.
    document.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); run(); }
    });
    $('run').addEventListener('click', run);
    $('prettify').addEventListener('click', () => {
      $('query').value = prettify($('query').value);
      changed($('query'));
      $('query').focus();
    });
    $('history').addEventListener('click', (e) => {
      const item = e.target.closest('[data-index]');
      if (item) restoreHistory(Number(item.dataset.index));
    });
    $('docs').addEventListener('click', (e) => {
      const link = e.target.closest('[data-type]');
      if (link) { e.preventDefault(); openType(link.dataset.type); return; }
      if (e.target.closest('#docs-back')) { e.preventDefault(); docsStack.pop(); renderDocs(); }
      if (e.target.closest('#docs-retry')) loadSchema();
    });
    $('docs-search').addEventListener('input', renderDocs);
  }

  // Tab indents instead of moving focus; Escape then Tab still leaves, so keyboard users aren't trapped.
  function onEditorKey(e) {
    if (e.key === 'Escape') { tabEscape = true; return; }
    const plainTab = e.key === 'Tab' && !(e.shiftKey || e.ctrlKey || e.altKey || e.metaKey);
    if (plainTab && !tabEscape) { e.preventDefault(); insertText(e.target, '  '); }
    tabEscape = false;
  }

  // execCommand keeps the browser's undo stack intact; setRangeText is the fallback where it's unsupported.
  function insertText(area, text) {
    if (document.execCommand && document.execCommand('insertText', false, text)) return;
    area.setRangeText(text, area.selectionStart, area.selectionEnd, 'end');
    changed(area);
  }

  /* ---------- operations ---------- */

  // A GraphQL block string ("""…""", where \""" is an escaped delimiter) or a one-line string;
  // an unterminated string stops at the end of its line.
  const STRING = /"""(?:\\"""|[\s\S])*?(?:"""|$)|"(?:[^"\\\n]|\\.)*"?/;

  // Only top-level text can declare operations, so strings, comments and anything inside
  // braces/parentheses are blanked out before matching `query|mutation|subscription NAME`.
  function operationNames(src) {
    const cleaned = src.replace(new RegExp(`${STRING.source}|#[^\\n]*`, 'g'), ' ');
    let depth = 0, top = '';
    for (const ch of cleaned) {
      if (ch === '{' || ch === '(') depth++;
      else if (ch === '}' || ch === ')') depth = Math.max(0, depth - 1);
      top += depth === 0 && ch !== '}' && ch !== ')' ? ch : ' ';
    }
    const names = [...top.matchAll(/\b(?:query|mutation|subscription)\s+([_A-Za-z]\w*)/g)].map((m) => m[1]);
    return [...new Set(names)];
  }

  // The picker only appears when there is a real choice to make.
  function updateOperations() {
    const names = operationNames($('query').value);
    const select = $('operation');
    $('operation-picker').hidden = names.length < 2;
    if (names.length < 2) { select.replaceChildren(); return; }
    // Rebuild only when the list changed, so typing doesn't reset the user's pick.
    if (Array.from(select.options, (o) => o.value).join('\n') === names.join('\n')) return;
    const previous = select.value;
    select.replaceChildren(...names.map((n) => el('option', { value: n, text: n })));
    select.value = names.includes(previous) ? previous : names[0];
  }

  const selectedOperation = () => ($('operation-picker').hidden ? null : $('operation').value || null);

  /* ---------- running queries ---------- */

  function postGraphQL(body) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
    const key = $('api-key').value.trim();
    if (key) headers['X-Api-Key'] = key;
    return fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify(body) });
  }

  function parseVariables(text) {
    if (!text.trim()) return { value: null };
    try {
      const value = JSON.parse(text);
      const isObject = value === null || (typeof value === 'object' && !Array.isArray(value));
      return isObject ? { value } : { error: 'expected a JSON object such as {"first": 5}' };
    } catch (err) {
      return { error: err.message };
    }
  }

  async function run() {
    if (running) return;
    const query = $('query').value;
    const variablesText = $('variables').value;
    const variables = parseVariables(variablesText);
    if (variables.error) {
      // Fail fast in the UI: the server's reply to malformed JSON would be far less helpful.
      showResult(`Variables are not valid JSON: ${variables.error}\nNothing was sent. Fix the Variables editor and run again.`);
      finishRun('invalid-variables', 'Invalid variables', 'error');
      return;
    }
    const operationName = selectedOperation();
    addHistory(query, variablesText, operationName);
    setRunning(true);
    const started = performance.now();
    try {
      const res = await postGraphQL({ query, variables: variables.value, operationName });
      const body = renderResponse(await res.text());
      const ms = Math.round(performance.now() - started);
      const errors = body && Array.isArray(body.errors) ? body.errors.length : 0;
      const note = errors ? ` · ${errors} error${errors > 1 ? 's' : ''}` : '';
      finishRun(String(res.status), `${res.status}${res.statusText ? ' ' + res.statusText : ''} · ${ms} ms${note}`,
        !res.ok ? 'error' : errors ? 'warn' : 'ok');
    } catch (err) {
      showResult(`Request failed: ${err.message}\nIs the NewsMeta service reachable?`);
      finishRun('0', 'Network error', 'error');
    }
  }

  // data-status is removed while a request is in flight so browser tests can wait for the new value.
  function setRunning(on) {
    running = on;
    $('run').disabled = on;
    $('result').setAttribute('aria-busy', String(on));
    if (on) { $('result').removeAttribute('data-status'); setStatus('Running…', 'busy'); }
  }

  function finishRun(status, text, tone) {
    setRunning(false);
    $('result').dataset.status = status;
    setStatus(text, tone);
  }

  const setStatus = (text, tone) => { $('status').textContent = text; $('status').dataset.tone = tone; };

  // Pretty-prints JSON bodies; anything else (an HTML error page, plain text) is shown verbatim.
  function renderResponse(text) {
    let body = null;
    try { body = JSON.parse(text); } catch { /* not JSON */ }
    if (body !== null) showResult(JSON.stringify(body, null, 2), true);
    else showResult(text.trim() ? text : '(empty response body)');
    return body;
  }

  // Each line is an inline span with unicode-bidi: plaintext (see app.css), so a line holding an
  // Arabic string gets its own direction. Lines are joined by real "\n" text nodes so textContent
  // and innerText equal the JSON exactly, which keeps copy/paste and browser tests simple.
  function showResult(text, highlight = false) {
    const frag = document.createDocumentFragment();
    text.split('\n').forEach((line, i) => {
      const span = el('span', { class: 'line' });
      if (highlight) appendTokens(span, line); else span.textContent = line;
      frag.append(i > 0 ? '\n' : '', span);
    });
    $('result').replaceChildren(frag);
  }

  const JSON_TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

  // Light syntax colouring; string values also get their own bidi isolate via the .str class.
  function appendTokens(target, line) {
    let last = 0;
    for (const m of line.matchAll(JSON_TOKEN)) {
      target.append(line.slice(last, m.index));
      if (m[1]) target.append(el('span', { class: m[2] ? 'key' : 'str', text: m[1] }), m[2] || '');
      else target.append(el('span', { class: m[3] ? 'lit' : 'num', text: m[0] }));
      last = m.index + m[0].length;
    }
    target.append(line.slice(last));
  }

  /* ---------- history ---------- */

  // Stored data may be stale or hand-edited, so anything malformed is ignored rather than trusted.
  function loadHistory() {
    let list = [];
    try { list = JSON.parse(store.get(KEYS.history, '[]')); } catch { /* start afresh */ }
    return Array.isArray(list) ? list.filter((h) => h && typeof h.query === 'string') : [];
  }

  function addHistory(query, variables, operationName) {
    // Re-running the same query moves it to the top instead of filling the list with duplicates.
    const rest = loadHistory().filter((h) => h.query !== query || h.variables !== variables);
    const entry = { query, variables, operationName, at: Date.now() };
    store.set(KEYS.history, JSON.stringify([entry, ...rest].slice(0, HISTORY_LIMIT)));
    renderHistory();
  }

  // An empty list shows a hint through CSS (#history:empty), so `#history li` counts only real entries.
  function renderHistory() {
    $('history').replaceChildren(...loadHistory().map((h, i) => el('li', null,
      el('button', { type: 'button', class: 'history-item', 'data-index': String(i), title: h.query },
        el('span', { class: 'history-label', text: historyLabel(h) }),
        el('span', { class: 'history-time', text: new Date(h.at).toLocaleTimeString() })))));
  }

  function historyLabel(h) {
    const firstLine = h.query.replace(/\s+/g, ' ').trim().slice(0, 60);
    return h.operationName || operationNames(h.query)[0] || firstLine || '(empty query)';
  }

  function restoreHistory(index) {
    const entry = loadHistory()[index];
    if (!entry) return;
    $('query').value = entry.query;
    $('variables').value = entry.variables || '';
    changed($('query'));
    changed($('variables'));
    if (entry.operationName && !$('operation-picker').hidden) $('operation').value = entry.operationName;
    $('query').focus();
  }

  /* ---------- prettify ---------- */

  // Brace-based formatter: one indent level per { }, one selection per line, argument lists kept
  // inline. Strings, block strings and comments are copied verbatim so their content never changes.
  // `gap` is the separator owed before the next token: 0 none, 1 space, 2 newline, 3 blank line.
  function prettify(src) {
    let out = '', indent = 0, parens = 0, gap = 0, afterComment = false, i = 0;
    const emit = (token) => {
      if (gap === 1 && /[([]$/.test(out)) gap = 0;
      if (out && gap === 1) out += ' ';
      if (out && gap >= 2) out += (gap === 3 ? '\n\n' : '\n') + '  '.repeat(indent);
      out += token;
      gap = 0;
      afterComment = false;
    };
    const tight = () => { if (gap === 1) gap = 0; }; // no space before , : ( ) ]
    // A space between two selections (`id title`) becomes a line break, while `... on Type`,
    // `alias: field` and directives stay on one line.
    const splitsSelections = (ch) => parens === 0 && indent > 0 && gap === 1 && /[_A-Za-z.]/.test(ch) &&
      /[\w)]$/.test(out) && !/(\.\.\.\s*on|@\w+)$/.test(out);
    while (i < src.length) {
      const ch = src[i];
      const space = /^[ \t\r\n\uFEFF]+/.exec(src.slice(i, i + 200));
      if (space) {
        const newlines = space[0].split('\n').length - 1;
        gap = Math.max(gap, parens > 0 || !newlines ? 1 : newlines > 1 && !out.endsWith('{') ? 3 : 2);
        i += space[0].length;
      } else if (ch === '"') {
        const str = STRING.exec(src.slice(i))[0];
        emit(str);
        i += str.length;
      } else if (ch === '#') {
        const end = src.indexOf('\n', i) === -1 ? src.length : src.indexOf('\n', i);
        emit(src.slice(i, end).trimEnd());
        [afterComment, gap, i] = [true, 2, end];
      } else if (ch === '{' && parens === 0) {
        if (!afterComment) gap = out ? 1 : 0; // K&R: brace stays on its line unless a comment ends it
        emit('{');
        [indent, gap, i] = [indent + 1, 2, i + 1];
      } else if (ch === '}' && parens === 0) {
        [indent, gap] = [Math.max(0, indent - 1), 2];
        emit('}');
        [gap, i] = [indent === 0 ? 3 : 2, i + 1]; // blank line between top-level definitions
      } else if (ch === ',') {
        // Commas are insignificant in selection sets, so there they become line breaks.
        if (parens > 0) { tight(); emit(','); gap = 1; } else gap = Math.max(gap, indent > 0 ? 2 : 1);
        i++;
      } else {
        if ('():]'.includes(ch)) tight();
        if (ch === '(') parens++;
        if (ch === ')') parens = Math.max(0, parens - 1);
        if (splitsSelections(ch)) gap = 2;
        emit(ch);
        if (ch === ':') gap = 1;
        i++;
      }
    }
    return out.replace(/[ \t]+$/gm, '').trim();
  }

  /* ---------- schema explorer ---------- */

  async function loadSchema() {
    const seq = ++schemaSeq;
    $('docs').dataset.state = 'loading';
    $('docs-back').hidden = true;
    setDocsBody(el('p', { class: 'muted', text: 'Loading schema…' }));
    try {
      const res = await postGraphQL({ query: INTROSPECTION_QUERY, variables: null, operationName: 'IntrospectionQuery' });
      const text = await res.text();
      let body = null;
      try { body = JSON.parse(text); } catch { /* reported below with the raw text */ }
      if (seq !== schemaSeq) return;
      const raw = body && body.data && body.data.__schema;
      if (!raw) throw new Error(describeFailure(res, body, text));
      schema = indexSchema(raw);
      docsStack = [];
      $('docs').dataset.state = 'ready';
      renderDocs();
    } catch (err) {
      if (seq !== schemaSeq) return;
      schema = null;
      $('docs').dataset.state = 'error';
      setDocsBody(el('p', { class: 'error', text: `Could not load the schema: ${err.message}` }),
        el('button', { type: 'button', id: 'docs-retry', class: 'btn', text: 'Retry' }));
    }
  }

  function describeFailure(res, body, text) {
    const messages = body && Array.isArray(body.errors)
      ? body.errors.map((e) => e.message).join('; ') : text.trim().slice(0, 300);
    return `HTTP ${res.status}${messages ? ' — ' + messages : ''}`;
  }

  // Introspection's own types (__Schema, __Type, …) are noise for API users, so they are dropped here.
  function indexSchema(raw) {
    const types = new Map();
    for (const t of raw.types || []) if (t.name && !t.name.startsWith('__')) types.set(t.name, t);
    const name = (ref) => (ref ? ref.name : null);
    return { types, queryType: name(raw.queryType), mutationType: name(raw.mutationType) };
  }

  const setDocsBody = (...nodes) => $('docs-body').replaceChildren(...nodes);
  const byName = (a, b) => a.name.localeCompare(b.name);

  function openType(name) {
    if (docsStack[docsStack.length - 1] !== name) docsStack.push(name);
    $('docs-search').value = '';
    renderDocs();
    $('docs-body').scrollTop = 0;
  }

  // One render path for root, type and search views keeps the back link and search consistent.
  function renderDocs() {
    if (!schema) return;
    const term = $('docs-search').value.trim().toLowerCase();
    const current = docsStack[docsStack.length - 1];
    $('docs-back').hidden = !current || Boolean(term);
    $('docs-back').textContent = `← ${docsStack[docsStack.length - 2] || 'Schema'}`;
    if (term) setDocsBody(...renderSearch(term));
    else setDocsBody(...(current ? renderType(current) : renderRoot()));
  }

  function renderRoot() {
    const parts = [];
    for (const [label, name] of [['Query', schema.queryType], ['Mutation', schema.mutationType]]) {
      const type = name && schema.types.get(name);
      if (!type) continue;
      parts.push(el('section', { class: 'doc-section', 'data-root': label.toLowerCase() },
        el('h3', null, typeLink(name), el('span', { class: 'kind', text: `${label} root` })),
        type.description ? el('p', { class: 'desc', text: type.description }) : null,
        renderFields(type.fields || [])));
    }
    parts.push(section('All types', typeList([...schema.types.values()].sort(byName))));
    return parts;
  }

  function renderSearch(term) {
    const matches = [...schema.types.values()].filter((t) => t.name.toLowerCase().includes(term)).sort(byName);
    if (!matches.length) return [el('p', { class: 'muted', text: `No types match “${term}”.` })];
    return [el('p', { class: 'muted', text: `${matches.length} matching type${matches.length > 1 ? 's' : ''}` }), typeList(matches)];
  }

  function renderType(name) {
    const t = schema.types.get(name);
    if (!t) return [el('p', { class: 'error', text: `Type ${name} is not in the schema.` })];
    const has = (list) => Array.isArray(list) && list.length > 0;
    return [
      el('h3', { class: 'type-title' }, el('span', { text: t.name }), el('span', { class: 'kind', text: t.kind })),
      t.description ? el('p', { class: 'desc', text: t.description }) : null,
      has(t.interfaces) ? section('Implements', typeList(t.interfaces)) : null,
      has(t.fields) ? section('Fields', renderFields(t.fields)) : null,
      has(t.inputFields) ? section('Input fields', renderFields(t.inputFields)) : null,
      has(t.enumValues) ? section('Values', renderFields(t.enumValues)) : null,
      has(t.possibleTypes) ? section('Possible types', typeList(t.possibleTypes)) : null,
    ].filter(Boolean);
  }

  const section = (title, content) => el('section', { class: 'doc-section' }, el('h4', { text: title }), content);

  // Serves object fields, input fields (with defaultValue) and enum values (no type).
  const renderFields = (fields) => el('ul', { class: 'fields' }, ...fields.map(renderField));

  function renderField(f) {
    const args = f.args || [];
    // Several arguments read better one per line (CSS .multi); a single one stays inline.
    const sig = el('div', { class: args.length > 1 ? 'sig multi' : 'sig' }, el('span', { class: 'field-name', text: f.name }));
    if (args.length) {
      sig.append('(', ...args.map((a, i) => el('span', { class: 'arg' },
        el('span', { class: 'arg-name', text: a.name }), ': ', typeRef(a.type),
        a.defaultValue != null ? ` = ${a.defaultValue}` : '', i < args.length - 1 ? ',' : '')), ')');
    }
    if (f.type) sig.append(': ', typeRef(f.type));
    if (f.defaultValue != null) sig.append(` = ${f.defaultValue}`);
    const described = args.filter((a) => a.description);
    return el('li', { class: f.isDeprecated ? 'field deprecated' : 'field' }, sig,
      f.description ? el('p', { class: 'desc', text: f.description }) : null,
      f.isDeprecated ? el('p', { class: 'deprecation', text: `Deprecated${f.deprecationReason ? ': ' + f.deprecationReason : ''}` }) : null,
      described.length ? el('ul', { class: 'args' }, ...described.map((a) =>
        el('li', null, el('span', { class: 'arg-name', text: a.name }), ` — ${a.description}`))) : null);
  }

  // Wrappers render as GraphQL syntax ([Type!]!) with only the named type clickable.
  function typeRef(t) {
    if (!t) return '?';
    if (t.kind === 'NON_NULL') return el('span', null, typeRef(t.ofType), '!');
    if (t.kind === 'LIST') return el('span', null, '[', typeRef(t.ofType), ']');
    return typeLink(t.name);
  }

  const typeLink = (name) => el('a', { href: '#', class: 'type-link', 'data-type': name, text: name });

  const typeList = (types) => el('ul', { class: 'type-list' }, ...types.map((t) =>
    el('li', null, typeLink(t.name), t.kind ? el('span', { class: 'kind', text: t.kind }) : null)));

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
