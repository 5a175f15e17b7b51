// The notification centre of the demo UI: the bell in the header with the live unread count, and the
// Notifications tab. Loaded after app.js, whose helpers (h, api, card, tab, show, state, openArticle, openProduct,
// openProfile, ...) it uses.
// The count comes from the live stream (GET /api/notifications/stream, Server-Sent Events), read with fetch():
// EventSource cannot send the Authorization header. A dropped stream reconnects with Last-Event-ID.
'use strict';

const live = { token: null, controller: null, lastEventId: null, unread: 0, retry: 3000, onChange: [] };

function bell() {
  let el = document.getElementById('bell');
  if (!el) {
    el = h('button', { id: 'bell', type: 'button', title: 'Notifications', onclick: () => show('Notifications') });
    document.querySelector('header').insertBefore(el, document.getElementById('whoami'));
  }
  return el;
}

/** A bell drawn as SVG: no emoji font needed. */
function bellIcon() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', 'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

function drawBell() {
  const el = bell();
  el.hidden = !live.token;
  el.replaceChildren(bellIcon(), h('span', { id: 'bell-count', class: live.unread ? 'unread' : null }, String(live.unread)));
  el.setAttribute('aria-label', `${live.unread} unread notifications`);
}

/** Reads one SSE stream until it ends; answers how long to wait before reconnecting (null: do not). */
async function readStream(token, signal) {
  const headers = { Authorization: 'Token ' + token, Accept: 'text/event-stream' };
  if (live.lastEventId) headers['Last-Event-ID'] = live.lastEventId;
  const res = await fetch('/api/notifications/stream', { headers, signal });
  if (res.status === 401) return null;
  if (!res.ok) return Number(res.headers.get('Retry-After') || 0) * 1000 || live.retry;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = { data: [] };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return live.retry;
    buffer += value;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        if (event.data.length) dispatch(event.name || 'message', event.id, event.data.join('\n'));
        event = { data: [] };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event.name = text;
      else if (field === 'data') event.data.push(text);
      else if (field === 'id') event.id = text;
      else if (field === 'retry' && /^\d+$/.test(text)) live.retry = Number(text);
    }
  }
}

function dispatch(name, id, data) {
  if (id) live.lastEventId = id;
  const payload = JSON.parse(data);
  if (name === 'unread-count') {
    live.unread = payload.unreadCount;
    drawBell();
  }
  for (const listener of live.onChange) listener(name, payload);
}

/** Keeps one stream open for whoever is signed in, from sign-in to sign-out. */
async function follow(token) {
  const controller = new AbortController();
  live.controller = controller;
  while (live.token === token) {
    let wait;
    try {
      wait = await readStream(token, controller.signal);
    } catch (e) {
      if (controller.signal.aborted) return;
      wait = live.retry;
    }
    if (wait === null) return;
    await new Promise(resolve => setTimeout(resolve, wait));
  }
}

/** Signing in or out happens in app.js: notice it and open or close the stream. */
function watchSignIn() {
  const token = state.user ? state.token : null;
  if (token !== live.token) {
    if (live.controller) live.controller.abort();
    Object.assign(live, { token, controller: null, lastEventId: null, unread: 0 });
    drawBell();
    if (token) follow(token);
  }
}

// ---- the list ------------------------------------------------------------------------------------------

/** Opens what a notification is about: a post, an order, a product or a profile. */
async function openSubject(subject) {
  if (subject.kind === 'post' || subject.kind === 'comment') return openArticle(subject.id);
  if (subject.kind === 'product') return openProduct(subject.id);
  if (subject.kind === 'order') {
    location.href = '/orders/' + encodeURIComponent(subject.id);
    return;
  }
  if (subject.kind === 'profile') return openProfile(subject.id);
}

function notificationItem(n) {
  return h('div', { class: 'item notification' + (n.read ? '' : ' unread'), 'data-id': n.id },
    n.actors.slice(0, 3).map(a => avatar(a)),
    h('a', { href: '#', onclick: e => { e.preventDefault(); openSubject(n.subject); } }, n.text),
    h('div', { class: 'muted' }, new Date(n.updatedAt).toLocaleString()));
}

tab('Notifications', async () => {
  if (!state.user) return signedInOnly();
  const list = h('div');
  const more = h('button', { class: 'secondary' }, 'More');
  let cursor = null;
  async function load() {
    const data = await api('GET', '/notifications?limit=20' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    const items = data.notifications || [];
    list.append(...items.map(notificationItem));
    if (!list.children.length) list.append(h('p', { class: 'muted empty' }, 'Nothing yet.'));
    cursor = data.nextCursor || null;
    more.hidden = !cursor;
  }
  more.addEventListener('click', load);
  await load();
  const readAll = h('button', { class: 'secondary', onclick: async () => {
    await api('POST', '/notifications/read', {});
    for (const el of list.querySelectorAll('.unread')) el.classList.remove('unread');
  } }, 'Mark all read');
  // New and updated notifications go to the top while the list is shown.
  const onEvent = (name, n) => {
    if (name !== 'notification' || !list.isConnected) return;
    list.querySelector(`[data-id="${n.id}"]`)?.remove();
    list.querySelector('.empty')?.remove();
    list.prepend(notificationItem(n));
  };
  live.onChange = [onEvent];
  return card('Notifications', readAll, list, more);
});

window.addEventListener('DOMContentLoaded', () => {
  drawBell();
  setInterval(watchSignIn, 500);
});
