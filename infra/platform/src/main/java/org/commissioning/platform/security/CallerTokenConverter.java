package org.commissioning.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * The one place where token claims become a {@link Caller}: the subject claim, the display name (the subject instead
 * of one that is not a recordable name: control characters, markup, over 128 characters), the roles claim
 * (a list; names the platform does not know are ignored) as {@code ROLE_*} authorities, and the provider binding.
 * A {@code PROVIDER} without a provider claim is refused (401): bound to nothing, it could not be confined. The
 * provider claim of a caller without the {@code PROVIDER} role is ignored.
 */
@RequiredArgsConstructor
public class CallerTokenConverter implements Converter<Jwt, CallerAuthentication> {

    /** A display name recorded on every event it causes: letters of any script, digits, a few marks, 128 at most. */
    static final Pattern RECORDABLE_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N} .,'()@_:/-]{1,128}");

    private final PlatformSecurityProperties properties;

    @Override
    public CallerAuthentication convert(Jwt jwt) {
        Caller caller = caller(jwt);
        List<GrantedAuthority> authorities = caller.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
        return new CallerAuthentication(jwt, authorities, caller);
    }

    Caller caller(Jwt jwt) {
        String subject = jwt.getClaimAsString(properties.subjectClaim());
        String name = Optional.ofNullable(jwt.getClaimAsString(properties.nameClaim()))
                .filter(n -> RECORDABLE_NAME.matcher(n).matches() && !n.isBlank()).orElse(subject);
        Set<Role> roles = roles(jwt);
        Optional<String> provider = Optional.empty();
        if (roles.contains(Role.PROVIDER)) {
            provider = Optional.ofNullable(jwt.getClaimAsString(properties.providerClaim())).filter(p -> !p.isBlank());
            if (provider.isEmpty()) {
                throw new InvalidBearerTokenException("The token names no provider for a provider's user");
            }
        }
        return new Caller(subject, name, roles, provider);
    }

    private Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaim(properties.rolesClaim());
        if (claim instanceof Collection<?> names) {
            names.forEach(n -> Role.of(String.valueOf(n)).ifPresent(roles::add));
        } else if (claim instanceof String single) {
            Role.of(single).ifPresent(roles::add);
        }
        return roles;
    }
}
