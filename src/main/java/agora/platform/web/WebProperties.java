package agora.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize largest request body accepted; larger ones get 413
 * @param corsAllowedOrigins origins allowed to call the API from a browser ({@code *} for any)
 * @param trustedProxies addresses or CIDR ranges of the proxies (load balancers) in front of the nodes, whose
 *        {@code X-Forwarded-For} tells the client's address; empty: clients connect directly
 */
@ConfigurationProperties("agora.web")
record WebProperties(DataSize maxBodySize, List<String> corsAllowedOrigins, @DefaultValue List<String> trustedProxies) {
}
