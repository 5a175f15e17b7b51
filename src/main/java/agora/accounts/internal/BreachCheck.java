package agora.accounts.internal;

/** Whether a password is known from data breaches: the built-in list, or the Pwned Passwords service with it. */
interface BreachCheck {

    boolean contains(String password);
}
