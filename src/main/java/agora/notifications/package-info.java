/**
 * Email: templates (text + HTML), a transactional outbox of every email, delivery over SMTP with retries,
 * and the development mailbox. Other modules never call it: they publish events, and a listener here turns
 * an event into an email (see docs/email.md, "Adding an email").
 */
package agora.notifications;
