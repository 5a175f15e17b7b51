// Agora demo UI: plain JavaScript, no build step. Every section calls the public HTTP API, so what works
// here works for any client. User data is always inserted as text, never as HTML.
'use strict';

const state = { token: localStorage.getItem('agora.token'), user: null };

// ---- helpers -------------------------------------------------------------------------------------------

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (v !== false && v != null) el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : String(c));
  return el;
}

async function api(method, path, body, headers = {}) {
  const init = { method, headers: { ...headers } };
  if (state.token) init.headers.Authorization = 'Token ' + state.token;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch('/api' + path, init);
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const errors = data && data.errors
      ? Object.entries(data.errors).map(([f, m]) => (f === 'body' ? '' : f + ' ') + m.join(', ')).join('\n')
      : res.statusText;
    const err = new Error(errors || (data && data.detail) || res.statusText);
    err.status = res.status;
    err.retryAfter = res.headers.get('Retry-After');
    throw err;
  }
  return data;
}

/** A form whose submit calls `action(values)` and shows the outcome below it. */
function form(fields, label, action, { inline = false } = {}) {
  const out = h('div');
  const inputs = fields.map(f => {
    const attrs = { name: f.name, placeholder: f.label || f.name, type: f.type || 'text', value: f.value ?? null };
    return f.type === 'textarea' ? h('textarea', attrs, f.value || '') : h('input', attrs);
  });
  const el = h('form', { class: inline ? 'inline' : null, onsubmit: async e => {
    e.preventDefault();
    const values = Object.fromEntries(inputs.map(i => [i.name, i.value]));
    out.replaceChildren();
    try {
      const result = await action(values);
      if (result instanceof Node) out.append(result);
      else if (typeof result === 'string') out.append(h('p', { class: 'ok' }, result));
    } catch (err) {
      out.append(h('p', { class: 'error' }, err.message + (err.retryAfter ? ` (retry after ${err.retryAfter}s)` : '')));
    }
  } }, ...inputs, h('button', {}, label));
  return h('div', {}, el, out);
}

function card(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

function json(data) {
  return h('pre', {}, JSON.stringify(data, null, 2));
}

function setToken(token) {
  state.token = token;
  if (token) localStorage.setItem('agora.token', token);
  else localStorage.removeItem('agora.token');
}

async function refreshUser() {
  state.user = null;
  if (state.token) {
    try {
      state.user = (await api('GET', '/user')).user;
    } catch (e) {
      if (e.status === 401) setToken(null);
    }
  }
  const who = document.getElementById('whoami');
  who.replaceChildren(state.user ? `signed in as ${state.user.username}` : 'not signed in');
}

// ---- tabs ----------------------------------------------------------------------------------------------

const tabs = [];
function tab(name, render) {
  tabs.push({ name, render });
}

async function show(name) {
  location.hash = encodeURIComponent(name);
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.textContent === name);
  const view = document.getElementById('view');
  view.replaceChildren(h('p', { class: 'muted' }, 'loading…'));
  try {
    const content = await tabs.find(t => t.name === name).render();
    view.replaceChildren(...[content].flat());
  } catch (e) {
    view.replaceChildren(h('p', { class: 'error' }, e.message));
  }
}

function signedInOnly() {
  return state.user ? null : card('Sign in first', h('p', {}, 'This part needs a signed-in user: see the Account tab.'));
}

// ---- account -------------------------------------------------------------------------------------------

tab('Account', async () => {
  await refreshUser();
  if (!state.user) {
    return [
      card('Log in',
        h('p', { class: 'muted' }, 'Demo users: alice@example.com / alice-demo-pass, bob@example.com / bob-demo-pass, …'),
        form([{ name: 'email' }, { name: 'password', type: 'password' }], 'Log in', async v => {
          const res = await api('POST', '/users/login', { user: v });
          setToken(res.user.token);
          await show('Account');
        })),
      card('Sign up',
        form([{ name: 'username' }, { name: 'email' }, { name: 'password', type: 'password' }], 'Sign up', async v => {
          const res = await api('POST', '/users', { user: v });
          setToken(res.user.token);
          await show('Account');
        })),
    ];
  }
  const u = state.user;
  return [
    card('You',
      json(u),
      h('button', { class: 'secondary', onclick: async () => {
        await api('POST', '/users/logout');
        setToken(null);
        await show('Account');
      } }, 'Log out')),
    card('Edit profile',
      form([
        { name: 'username', value: u.username }, { name: 'email', value: u.email },
        { name: 'bio', value: u.bio || '' }, { name: 'image', label: 'image URL', value: u.image || '' },
        { name: 'password', type: 'password', label: 'new password (optional)' },
      ], 'Save', async v => {
        if (!v.password) delete v.password;
        await api('PUT', '/user', { user: v });
        await refreshUser();
        return 'Saved.';
      })),
  ];
});

// ---- system --------------------------------------------------------------------------------------------

tab('System', async () => {
  const health = await fetch('/actuator/health').then(r => r.json());
  return card('Health', json(health),
    h('p', {}, h('a', { href: '/docs' }, 'Browse the API (OpenAPI)')));
});

// ---- start ---------------------------------------------------------------------------------------------

window.addEventListener('DOMContentLoaded', async () => {
  const nav = document.getElementById('tabs');
  for (const t of tabs) nav.append(h('button', { onclick: () => show(t.name) }, t.name));
  await refreshUser();
  const wanted = decodeURIComponent(location.hash.slice(1));
  await show(tabs.some(t => t.name === wanted) ? wanted : tabs[0].name);
});
