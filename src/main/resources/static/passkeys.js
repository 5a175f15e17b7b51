// Passkeys in the demo UI: the "Passkeys" card of the account view, "Sign in with a passkey" and "Sign up with a
// passkey" on the sign-in view. The browser's WebAuthn API does the ceremony; the server's options and answers are WebAuthn's JSON forms.
'use strict';

function b64urlToBytes(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - s.length % 4) % 4));
  return Uint8Array.from(bin, c => c.charCodeAt(0));
}

function bytesToB64url(buffer) {
  return btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeDescriptors(list) {
  return (list || []).map(d => ({ ...d, id: b64urlToBytes(d.id) }));
}

// Browsers without PublicKeyCredential.parse*OptionsFromJSON / toJSON (before 2024) get the same by hand.
function creationOptions(o) {
  if (PublicKeyCredential.parseCreationOptionsFromJSON) return PublicKeyCredential.parseCreationOptionsFromJSON(o);
  return { ...o, challenge: b64urlToBytes(o.challenge), user: { ...o.user, id: b64urlToBytes(o.user.id) },
    excludeCredentials: decodeDescriptors(o.excludeCredentials) };
}

function requestOptions(o) {
  if (PublicKeyCredential.parseRequestOptionsFromJSON) return PublicKeyCredential.parseRequestOptionsFromJSON(o);
  return { ...o, challenge: b64urlToBytes(o.challenge), allowCredentials: decodeDescriptors(o.allowCredentials) };
}

function credentialJSON(c) {
  if (typeof c.toJSON === 'function') return c.toJSON();
  const r = c.response;
  const response = { clientDataJSON: bytesToB64url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = bytesToB64url(r.attestationObject);
    response.transports = r.getTransports ? r.getTransports() : [];
  } else {
    response.authenticatorData = bytesToB64url(r.authenticatorData);
    response.signature = bytesToB64url(r.signature);
    response.userHandle = r.userHandle ? bytesToB64url(r.userHandle) : null;
  }
  return { id: c.id, rawId: bytesToB64url(c.rawId), type: c.type, response,
    clientExtensionResults: c.getClientExtensionResults(), authenticatorAttachment: c.authenticatorAttachment };
}

/** Runs navigator.credentials.get() with the server's options; answers the credential as JSON. */
async function passkeyAssertion(options) {
  return credentialJSON(await navigator.credentials.get({ publicKey: requestOptions(options) }));
}

function passkeySignInCard() {
  if (!window.PublicKeyCredential) return null;
  return card('Sign in with a passkey',
    h('p', { class: 'muted' }, 'No password: your device unlocks your passkey. Leave the email empty to pick one.'),
    form([{ name: 'email', label: 'email (optional)' }], 'Sign in with a passkey', async v => {
      const options = await api('POST', '/users/passkeys/login/options', v.email ? { email: v.email } : {});
      const res = await api('POST', '/users/passkeys/login', { credential: await passkeyAssertion(options) });
      signedIn(res.user);
      await show('Account');
    }));
}

function passkeySignUpCard() {
  if (!window.PublicKeyCredential) return null;
  return card('Sign up with a passkey',
    h('p', { class: 'muted' }, 'No password at all: your device makes a passkey, and it signs you in from then on.'),
    form([{ name: 'username' }, { name: 'email' }], 'Sign up with a passkey', async v => {
      const options = await api('POST', '/users/passkeys/sign-up/options', { user: v });
      const credential = credentialJSON(await navigator.credentials.create({ publicKey: creationOptions(options) }));
      const res = await api('POST', '/users/passkeys/sign-up', { user: v, credential });
      signedIn(res.user);
      await show('Account');
    }));
}

function passkeysCard() {
  if (!window.PublicKeyCredential) return null;
  const list = h('div', { id: 'passkeys' }, h('p', { class: 'muted' }, 'loading…'));
  const status = h('div');
  const fail = err => status.replaceChildren(h('p', { class: 'error' }, err.message));
  const item = p => h('div', { class: 'item passkey' },
    h('strong', {}, p.name), ' ',
    h('span', { class: 'muted' }, 'added ' + new Date(p.createdAt).toLocaleString()
      + (p.lastUsedAt ? ' · last used ' + new Date(p.lastUsedAt).toLocaleString() : ' · never used')),
    form([{ name: 'name', label: 'new name', value: p.name }], 'Rename', async v => {
      await api('PUT', '/users/passkeys/' + encodeURIComponent(p.id), v);
      await load();
    }, { inline: true }),
    h('button', { class: 'secondary', onclick: async () => {
      try {
        await api('DELETE', '/users/passkeys/' + encodeURIComponent(p.id));
        await load();
      } catch (err) { fail(err); }
    } }, 'Delete'));
  async function load() {
    try {
      const data = await api('GET', '/users/passkeys');
      list.replaceChildren(...(data.passkeys.length ? data.passkeys.map(item) : [h('p', { class: 'muted' }, 'None yet.')]));
    } catch (err) { fail(err); }
  }
  load();
  return card('Passkeys',
    h('p', { class: 'muted' }, 'Sign in with your device (fingerprint, face, PIN) instead of a password and code. '
      + 'Adding or deleting one needs a recent sign-in: give your password, or re-confirm with a passkey.'),
    state.user && state.user.hasPassword === false ? h('p', { class: 'muted passwordless' },
      'This account has no password: its last passkey stays until you set one (Edit profile, new password).') : null,
    list,
    form([{ name: 'name', label: 'name (e.g. Laptop)' }, { name: 'currentPassword', type: 'password',
      label: 'current password (if asked)' }], 'Add a passkey', async v => {
      const options = await api('POST', '/users/passkeys/registration/options',
        v.currentPassword ? { currentPassword: v.currentPassword } : {});
      const credential = credentialJSON(await navigator.credentials.create({ publicKey: creationOptions(options) }));
      await api('POST', '/users/passkeys', { credential, name: v.name });
      await load();
      return 'Passkey added.';
    }),
    h('button', { class: 'secondary', onclick: async () => {
      try {
        const options = await api('POST', '/user/reauthenticate/passkey/options');
        await api('POST', '/user/reauthenticate/passkey', { credential: await passkeyAssertion(options) });
        status.replaceChildren(h('p', { class: 'ok' }, 'Confirmed: you may change sensitive settings for a while.'));
      } catch (err) { fail(err); }
    } }, 'Re-confirm with a passkey'),
    status);
}
