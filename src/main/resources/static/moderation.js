// Reports and moderation in the demo UI: the Report button on posts, products and profiles, and for moderators
// the Moderation tab (the queue of reports, hiding, restoring, suspending, dismissing, and the audit log).
// Loaded after app.js, whose helpers (h, api, card, tab, show, state, openArticle, openProduct, openProfile) it uses.
'use strict';

const REPORT_REASONS = ['spam', 'harassment', 'hate', 'violence', 'sexual', 'scam', 'illegal', 'other'];

/** A "Report" button that opens a small form (reason and text) under it; nothing for one's own things. */
function reportButton(kind, subject, owner) {
  if (!state.user || state.user.username === owner) return null;
  const slot = h('div', { class: 'report' });
  const open = h('button', { type: 'button', class: 'secondary', onclick: () => {
    open.hidden = true;
    const reason = h('select', { name: 'reason' }, REPORT_REASONS.map(r => h('option', { value: r }, r)));
    const text = h('textarea', { name: 'text', placeholder: 'what is wrong (optional; required for "other")', maxlength: 1000 });
    const out = h('div');
    slot.append(h('form', { onsubmit: async e => {
      e.preventDefault();
      out.replaceChildren();
      try {
        const res = await fetchReport(kind, subject, reason.value, text.value);
        e.target.replaceWith(h('p', { class: 'ok' }, res.created
          ? 'Thank you: a moderator will look at it. You will be told the outcome.'
          : 'You reported this already; a moderator will look at it.'));
      } catch (err) {
        out.append(h('p', { class: 'error' }, err.message));
      }
    } }, h('label', {}, 'Reason ', reason), text, h('button', {}, 'Send report'), out));
  } }, 'Report');
  slot.append(open);
  return slot;
}

/** POST /api/reports; `created` tells a new report (201) from the open one answered again (200). */
async function fetchReport(kind, subject, reason, text) {
  const res = await fetch('/api/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Token ' + state.token },
    body: JSON.stringify({ report: { kind, subject, reason, text: text || null } }),
  });
  const data = await res.json();
  if (!res.ok) {
    const message = data.errors
      ? Object.entries(data.errors).map(([f, m]) => (f === 'body' ? '' : f + ' ') + m.join(', ')).join('\n')
      : data.detail;
    const retry = res.headers.get('Retry-After');
    if (res.status === 429) notice(message + (retry ? ` (retry after ${retry}s)` : ''));
    throw new Error(message);
  }
  return { created: res.status === 201, report: data.report };
}

// ---- the Moderation tab (moderators and admins) ---------------------------------------------------------

function isModerator() {
  return !!(state.user && (state.user.roles || []).includes('moderator'));
}

/** Opens a reported subject where the UI has a page for it. */
function subjectLink(kind, subject) {
  const open = { post: openArticle, product: openProduct, user: openProfile }[kind];
  if (!open) return h('span', {}, `${kind} ${subject}`);
  return h('a', { href: '#', onclick: e => { e.preventDefault(); open(subject); } }, `${kind} ${subject}`);
}

/** The buttons a moderator may use on a subject, each asking for a reason first. */
function moderatorActions(entry, queueState, onDone) {
  const reason = h('input', { name: 'reason', placeholder: 'reason (required, shown in the audit log)' });
  const out = h('span');
  const act = (label, path, body = {}) => h('button', { type: 'button', class: 'secondary', onclick: async () => {
    out.replaceChildren();
    try {
      await api('POST', path, { reason: reason.value, ...body });
      out.replaceChildren(h('span', { class: 'ok' }, ` ${label}: done.`));
      onDone();
    } catch (err) {
      out.replaceChildren(h('span', { class: 'error' }, ' ' + err.message));
    }
  } }, label);
  const id = encodeURIComponent(entry.subject);
  const base = { post: '/admin/posts/', comment: '/admin/comments/', product: '/admin/products/' }[entry.kind];
  const buttons = [];
  if (base) {
    buttons.push(act('Hide', `${base}${id}/hide`), act('Restore', `${base}${id}/restore`));
  } else {
    const until = h('input', { name: 'until', type: 'datetime-local', title: 'until (empty: for good)' });
    buttons.push(h('label', { class: 'muted' }, 'until ', until),
      h('button', { type: 'button', class: 'secondary', onclick: async () => {
        out.replaceChildren();
        try {
          await api('POST', `/admin/users/${id}/suspend`,
            { reason: reason.value, until: until.value ? new Date(until.value).toISOString() : null });
          out.replaceChildren(h('span', { class: 'ok' }, ' Suspend: done.'));
          onDone();
        } catch (err) {
          out.replaceChildren(h('span', { class: 'error' }, ' ' + err.message));
        }
      } }, 'Suspend'),
      act('Unsuspend', `/admin/users/${id}/unsuspend`));
  }
  if (queueState === 'open' && entry.reports.length) {
    buttons.push(act('Dismiss', `/admin/reports/${entry.reports[0].id}/dismiss`));
  }
  return h('form', { class: 'inline', onsubmit: e => e.preventDefault() }, reason, ...buttons, out);
}

function queueEntry(entry, queueState, reload) {
  const reasons = Object.entries(entry.reasons).map(([r, n]) => `${r} ${n}`).join(', ');
  return h('div', { class: 'item queue-entry', 'data-subject': entry.subject },
    h('strong', {}, subjectLink(entry.kind, entry.subject)),
    h('span', { class: 'muted' }, ` by ${entry.owner || 'a deleted user'} · ${entry.reportCount} report${entry.reportCount === 1 ? '' : 's'} (${reasons})`
      + ` · first ${new Date(entry.oldestReport).toLocaleString()}`),
    h('ul', {}, entry.reports.map(r => h('li', {}, `${r.reporter || 'a deleted user'}: ${r.reason}`, r.text ? ` — ${r.text}` : ''))),
    moderatorActions(entry, queueState, reload));
}

function queueCard() {
  const stateSelect = h('select', { name: 'state' }, ['open', 'actioned', 'dismissed'].map(s => h('option', { value: s }, s)));
  const kindSelect = h('select', { name: 'kind' }, h('option', { value: '' }, 'every kind'),
    ['post', 'comment', 'product', 'user'].map(k => h('option', { value: k }, k)));
  const list = h('div');
  const more = h('button', { class: 'secondary' }, 'More');
  let cursor = null;
  async function load(fresh) {
    if (fresh) {
      cursor = null;
      list.replaceChildren();
    }
    const query = new URLSearchParams({ state: stateSelect.value, limit: 20 });
    if (kindSelect.value) query.set('kind', kindSelect.value);
    if (cursor) query.set('cursor', cursor);
    const data = await api('GET', '/admin/reports?' + query);
    list.append(...data.subjects.map(e => queueEntry(e, stateSelect.value, () => load(true))));
    if (!list.children.length) list.append(h('p', { class: 'muted' }, 'No reports here.'));
    cursor = data.nextCursor;
    more.hidden = !cursor;
  }
  stateSelect.addEventListener('change', () => load(true));
  kindSelect.addEventListener('change', () => load(true));
  more.addEventListener('click', () => load(false));
  return { element: card('Reports', h('div', { class: 'inline' }, stateSelect, ' ', kindSelect), list, more), load };
}

function auditCard() {
  const list = h('div');
  const more = h('button', { class: 'secondary' }, 'More');
  let cursor = null;
  async function load() {
    const data = await api('GET', '/admin/audit?limit=20' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    list.append(...data.entries.map(e => h('div', { class: 'item audit-entry' },
      h('strong', {}, `${e.actor || 'a deleted user'} ${e.action} ${e.kind} ${e.subject}`),
      e.detail ? h('span', { class: 'muted' }, ` (${e.detail})`) : null,
      h('div', {}, e.reason ? `Why: ${e.reason}` : ''),
      h('div', { class: 'muted' }, new Date(e.at).toLocaleString()))));
    if (!list.children.length) list.append(h('p', { class: 'muted' }, 'Nothing yet.'));
    cursor = data.nextCursor;
    more.hidden = !cursor;
  }
  more.addEventListener('click', load);
  return { element: card('Audit log', list, more), load };
}

tab('Moderation', async () => {
  if (!isModerator()) return card('Moderators only', h('p', {}, 'Sign in as a moderator (admin@example.com is one).'));
  const queue = queueCard();
  const audit = auditCard();
  await Promise.all([queue.load(true), audit.load()]);
  return [queue.element, audit.element];
});

/** The tab shows only for moderators; signing in and out happens in app.js, so notice it. */
window.addEventListener('DOMContentLoaded', () => setInterval(() => {
  const button = [...document.querySelectorAll('#tabs button')].find(b => b.textContent === 'Moderation');
  if (button) button.hidden = !isModerator();
}, 500));
