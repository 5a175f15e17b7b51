package agora.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Links in emails open pages of the web UI; the single page reads its route from the address. */
@Controller
class WebUiRoutes {

    @GetMapping({ "/verify-email", "/reset-password", "/sign-in-link", "/not-me", "/orders/{orderId}", "/articles/{slug}",
            "/products/{productId}", "/profiles/{username}" })
    String page() {
        return "forward:/index.html";
    }
}
