// The security log of the demo UI: a card on the Account page listing what happened to the account (sign-ins
// with address, browser and whether a second factor was used; failed attempts; password, email and two-factor
// changes; ended sessions; suspensions), newest first, from GET /api/user/security-events. Loaded after app.js,
// whose helpers (h, api, card) it uses; app.js calls securityLogCard() when it draws the Account page.
'use strict';

const SECURITY_EVENT_TEXT = {
  'signed-in': 'Signed in',
  'sign-in-failed': 'Failed sign-in attempt',
  'signed-out': 'Signed out',
  'sessions-revoked': 'Sessions ended',
  'password-changed': 'Password changed',
  'password-reset': 'Password reset by email',
  'email-changed': 'Email address changed',
  'two-factor-enabled': 'Two-factor login turned on',
  'two-factor-disabled': 'Two-factor login turned off',
  'suspended': 'Account suspended',
  'suspension-lifted': 'Suspension ended',
  'roles-changed': 'Roles changed',
  'passkey-added': 'Passkey added',
  'passkey-removed': 'Passkey deleted',
};

function securityEventItem(e) {
  const what = SECURITY_EVENT_TEXT[e.kind] || e.kind;
  const facts = [
    e.detail,
    e.kind === 'signed-in' && e.detail !== 'passkey' ? (e.twoFactor ? 'with two-factor code' : 'with password only') : null,
    e.clientAddress ? 'from ' + e.clientAddress : null,
  ].filter(Boolean).join(' · ');
  return h('div', { class: 'item security-event ' + e.kind },
    h('strong', {}, what), facts ? ' — ' + facts : null,
    h('div', { class: 'muted' }, new Date(e.at).toLocaleString(), e.userAgent ? ' · ' + e.userAgent : null));
}

function securityLogCard() {
  const list = h('div', {}, h('p', { class: 'muted' }, 'loading…'));
  const more = h('button', { class: 'secondary', hidden: true }, 'More');
  let cursor = null;
  async function load() {
    try {
      const data = await api('GET', '/user/security-events?limit=20'
        + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      if (!cursor) list.replaceChildren();
      list.append(...data.securityEvents.map(securityEventItem));
      if (!list.children.length) list.append(h('p', { class: 'muted' }, 'Nothing yet.'));
      cursor = data.nextCursor || null;
      more.hidden = !cursor;
    } catch (err) {
      list.replaceChildren(h('p', { class: 'error' }, err.message));
    }
  }
  more.addEventListener('click', load);
  load();
  return card('Security log',
    h('p', { class: 'muted' }, 'Sign-ins and changes to your account. Something you did not do? Change your password.'),
    list, more);
}
