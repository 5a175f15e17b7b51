package agora.accounts.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.internal.SignInLinks;

/** Signing in with a link sent by email (see {@link SignInLinks}). */
@RestController
class SignInLinkController {

    private final SignInLinks links;

    SignInLinkController(SignInLinks links) {
        this.links = links;
    }

    /** Always 202 for a well-formed address: whether an account has it is nobody's business. */
    @PostMapping("/api/users/login/link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void request(@RequestBody UserJson.EmailRequest request) {
        links.request(request.email());
    }

    /**
     * Answers like {@code POST /api/users/login}: 200 with the user and a token, or 202 with a two-factor challenge.
     * A POST, so that the emailed link (a GET of the web UI) uses nothing up when a mail scanner follows it.
     */
    @PostMapping("/api/users/login/link/complete")
    ResponseEntity<?> complete(@RequestBody UserJson.TokenRequest request, HttpServletRequest http) {
        return UserResponses.of(links.complete(request.token(), http.getRemoteAddr()));
    }
}
