package au.ausjobs.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps a Keycloak access token to authorities: realm roles (claim realm_access.roles) become ROLE_&lt;role&gt;,
 * scopes become SCOPE_&lt;scope&gt;. Used by every service and by the gateway, so a role means the same everywhere.
 * <p>
 * Staff roles ({@link #STAFF_ROLES}) count only in tokens issued to a staff client (claim {@code azp}, by default the
 * admin console {@code ausjobs-admin}), whose sessions Keycloak keeps short. An admin who signs in to the job seekers'
 * app gets a token with the admin role in it, but here it grants no admin rights.
 */
public class KeycloakRolesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    /** Realm roles honoured only from staff clients. */
    public static final Set<String> STAFF_ROLES = Set.of(Roles.ADMIN);

    /** The admin console's client, the default staff client. */
    public static final String ADMIN_CONSOLE_CLIENT = "ausjobs-admin";

    private final Set<String> staffClients;

    public KeycloakRolesConverter() {
        this(List.of(ADMIN_CONSOLE_CLIENT));
    }

    public KeycloakRolesConverter(Collection<String> staffClients) {
        this.staffClients = Set.copyOf(staffClients);
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        Object realmAccess = jwt.getClaims().get("realm_access");
        String client = jwt.getClaimAsString("azp");
        boolean staffClient = client != null && staffClients.contains(client);
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            for (Object role : roles) {
                String name = String.valueOf(role);
                if (STAFF_ROLES.contains(name) && !staffClient) {
                    continue;
                }
                authorities.add(new SimpleGrantedAuthority(Roles.authority(name)));
            }
        }
        String scope = jwt.getClaimAsString("scope");
        if (scope != null) {
            for (String s : scope.split(" ")) {
                if (!s.isBlank()) {
                    authorities.add(new SimpleGrantedAuthority("SCOPE_" + s));
                }
            }
        }
        return authorities;
    }
}
