// Email sign-in links and re-confirming who you are, in the demo UI. Loaded after app.js, whose helpers (h, api,
// card, form, firstFactorPassed) it uses: app.js draws signInLinkCards() on the signed-out Account page, and its api()
// calls reauthenticate() when a sensitive change answers 403 with errors.reauthentication, then retries once.
'use strict';

/**
 * Signed out: "Email me a sign-in link"; on the page the emailed link opens (/sign-in-link?token=…), a button that
 * completes the sign-in (a POST, so that mail scanners fetching the link use nothing up), then the two-factor step
 * when it is on.
 */
function signInLinkCards() {
  const token = new URLSearchParams(location.search).get('token');
  if (location.pathname === '/sign-in-link' && token) {
    return [card('Sign in with your link', form([], 'Sign in', async () => {
      const res = await api('POST', '/users/login/link/complete', { token });
      history.replaceState(null, '', '/');
      return firstFactorPassed(res);
    }))];
  }
  return [card('Sign in without a password', form([{ name: 'email' }], 'Email me a sign-in link', async v => {
    await api('POST', '/users/login/link', v);
    return 'If the account exists, a link is on its way: it works once, for 15 minutes.';
  }, { inline: true }))];
}

/**
 * Asks for the password in a dialog and re-confirms the session (POST /api/user/reauthenticate). Answers true once
 * confirmed, false when the user cancels; a wrong password is shown and may be typed again.
 */
function reauthenticate() {
  return new Promise(resolve => {
    const password = h('input', { type: 'password', name: 'current-password', placeholder: 'current password',
      autocomplete: 'current-password' });
    const error = h('p', { class: 'error' });
    const dialog = h('dialog', { class: 'reauthenticate' },
      h('form', { method: 'dialog', onsubmit: async e => {
        e.preventDefault();
        try {
          await api('POST', '/user/reauthenticate', { password: password.value });
          dialog.close('confirmed');
        } catch (err) {
          error.textContent = err.message + (err.retryAfter ? ` (retry after ${err.retryAfter}s)` : '');
        }
      } },
      h('p', {}, h('strong', {}, 'Confirm it is you. '), 'This change needs your current password.'),
      password, error,
      h('button', {}, 'Confirm'), ' ',
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close('cancelled') }, 'Cancel')));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(dialog.returnValue === 'confirmed');
    });
    document.body.append(dialog);
    dialog.showModal();
    password.focus();
  });
}
