package org.commissioning.gateway.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.commissioning.platform.security.Caller;
import org.commissioning.platform.security.Permission;
import org.commissioning.platform.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What every page's layout shows, the error pages' too: who is signed in, and the sections they may open
 * ({@code @pageContext} in the templates).
 */
@Component("pageContext")
public class PageContext {

    /** A section of the service in the navigation. */
    public record Section(String label, String href, boolean current) {
    }

    /** The signed-in person, as the layout names them. */
    public record SignedIn(String name, String subject, String role, String provider) {
    }

    public SignedIn signedIn() {
        return Caller.current().map(c -> new SignedIn(c.displayName(), c.subject(),
                c.roles().stream().map(PageContext::roleName).sorted().findFirst().orElse(""),
                c.provider().orElse(null))).orElse(null);
    }

    public List<Section> sections() {
        Optional<Caller> caller = Caller.current();
        List<Section> sections = new ArrayList<>();
        if (caller.isEmpty()) {
            return sections;
        }
        String path = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRequestURI().substring(attributes.getRequest().getContextPath().length())
                : "";
        Caller c = caller.get();
        if (c.isConfinedToProvider()) {
            sections.add(section("Your contracts", "/provider", path));
        } else if (Permission.READ_SUMMARIES.grantedTo(c)) {
            sections.add(section("Overview", "/", path));
            sections.add(section("Rating table", "/ratings", path));
            sections.add(section("Deep dives", "/deep-dives", path));
        }
        if (Permission.AUDIT.grantedTo(c)) {
            sections.add(section("Audit", "/audit", path));
        }
        return sections;
    }

    private static Section section(String label, String href, String path) {
        boolean current = href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/");
        return new Section(label, href, current);
    }

    static String roleName(Role role) {
        return switch (role) {
            case COMMISSIONING_OFFICER -> "Commissioning officer";
            case PROVIDER -> "Provider";
            case AUDITOR -> "Auditor";
            case VIEWER -> "Viewer";
            case OPERATOR -> "Operator";
        };
    }
}
