package agora.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the configured limit; answered with 413. */
class BodyTooLargeException extends IOException {

    BodyTooLargeException() {
        super("request body exceeds the configured limit");
    }
}
