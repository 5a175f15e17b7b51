// The user's sessions in the demo UI: a card on the Account page listing where the account is signed in (browser,
// address, when it started and was last used), this device marked, with sign-out per row and "sign out everywhere
// else" (GET/DELETE /api/user/sessions, POST /api/user/sessions/revoke-others). Also the "this wasn't me" page
// that a new-device email links to (/not-me?token=…): it asks first, then POSTs, so a link scanner's visit changes
// nothing. Loaded after app.js, whose helpers (h, api, card, form, setToken, show) it uses.
'use strict';

function sessionItem(s, reload) {
  const when = new Date(s.createdAt).toLocaleString();
  const used = s.lastUsedAt ? ' · last used ' + new Date(s.lastUsedAt).toLocaleString() : '';
  const end = h('button', { class: 'secondary', onclick: async () => {
    try {
      await api('DELETE', '/user/sessions/' + encodeURIComponent(s.id));
      if (s.current) {
        setToken(null);
        await show('Account');
      } else {
        await reload();
      }
    } catch (err) {
      end.replaceWith(h('span', { class: 'error' }, err.message));
    }
  } }, 'Sign out');
  return h('div', { class: 'item session' + (s.current ? ' current' : '') },
    h('strong', {}, s.userAgent || 'Unnamed browser or app'), s.current ? h('span', { class: 'ok' }, ' (this device)') : null,
    ' ', end,
    h('div', { class: 'muted' }, (s.clientAddress ? 'from ' + s.clientAddress + ' · ' : '') + 'since ' + when + used));
}

function sessionsCard() {
  const list = h('div', {}, h('p', { class: 'muted' }, 'loading…'));
  async function load() {
    try {
      const data = await api('GET', '/user/sessions');
      list.replaceChildren(...data.sessions.map(s => sessionItem(s, load)));
    } catch (err) {
      list.replaceChildren(h('p', { class: 'error' }, err.message));
    }
  }
  load();
  return card('Sessions',
    h('p', { class: 'muted' }, 'Where your account is signed in. Something you do not recognise? Sign it out and change your password.'),
    list,
    form([], 'Sign out everywhere else', async () => {
      await api('POST', '/user/sessions/revoke-others');
      await load();
      return 'Every other session is signed out.';
    }));
}

/** The page a new-device email's "this wasn't me" link opens; null on any other page. */
function notMeCard() {
  const token = new URLSearchParams(location.search).get('token');
  if (location.pathname !== '/not-me' || !token) return null;
  return card('This wasn\'t me',
    h('p', {}, 'Someone signed in to your account from a new device and it was not you? This signs out every session ',
      'of your account (this browser too) and emails you a link to choose a new password.'),
    form([], 'Sign out everywhere and reset my password', async () => {
      await api('POST', '/users/not-me', { token });
      history.replaceState(null, '', '/');
      setToken(null);
      return 'Done: every session is signed out. Check your email for the link to choose a new password.';
    }));
}
