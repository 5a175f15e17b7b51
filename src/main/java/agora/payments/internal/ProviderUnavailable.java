package agora.payments.internal;

/** The provider did not give an answer we can trust (timeout, network error, server error). */
class ProviderUnavailable extends RuntimeException {

    ProviderUnavailable(String message) {
        super(message);
    }

    ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
