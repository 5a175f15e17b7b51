package agora.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize largest request body accepted; larger ones get 413
 * @param corsAllowedOrigins origins allowed to call the API from a browser ({@code *} for any)
 */
@ConfigurationProperties("agora.web")
record WebProperties(DataSize maxBodySize, List<String> corsAllowedOrigins) {
}
