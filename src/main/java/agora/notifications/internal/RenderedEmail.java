package agora.notifications.internal;

/** An email's subject, plain-text part and HTML part. */
record RenderedEmail(String subject, String text, String html) {
}
