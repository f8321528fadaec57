package au.ausjobs.auth.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One signed-in session as its owner sees it. */
public record SessionResponse(String id, String ipAddress, Instant started, Instant lastAccess, List<String> clients) {

    static SessionResponse of(Map<String, Object> keycloak) {
        Object clients = keycloak.get("clients");
        List<String> clientIds = clients instanceof Map<?, ?> map ? map.values().stream().map(String::valueOf).sorted().toList()
            : List.of();
        return new SessionResponse(String.valueOf(keycloak.get("id")), (String) keycloak.get("ipAddress"),
            instant(keycloak.get("start")), instant(keycloak.get("lastAccess")), clientIds);
    }

    private static Instant instant(Object epochMillis) {
        return epochMillis instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : null;
    }
}
