package dev.picket.accounts;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of each user, so that changing a password can sign out the user's other
 * browsers. Learns them from the security context Spring Security stores in the session at sign-in;
 * Spring Boot registers this listener with the servlet container.
 */
@Component
public class UserSessions implements HttpSessionAttributeListener, HttpSessionListener {

    private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final Map<String, Set<HttpSession>> byUser = new ConcurrentHashMap<>();

    /** Invalidates every session of {@code email} except {@code keep}'s. */
    public void signOutOthers(String email, HttpSession keep) {
        Set<HttpSession> sessions = byUser.getOrDefault(email, Set.of());
        for (HttpSession session : Set.copyOf(sessions)) {
            if (!session.getId().equals(keep.getId())) {
                sessions.remove(session);
                invalidate(session);
            }
        }
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        if (CONTEXT.equals(event.getName())) {
            remember(event.getSession(), event.getValue());
        }
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        if (CONTEXT.equals(event.getName())) {
            forget(event.getSession());
            remember(event.getSession(), event.getSession().getAttribute(CONTEXT));
        }
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        if (CONTEXT.equals(event.getName())) {
            forget(event.getSession());
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        forget(event.getSession());
    }

    private void remember(HttpSession session, Object context) {
        if (context instanceof SecurityContext security && security.getAuthentication() != null) {
            byUser.computeIfAbsent(security.getAuthentication().getName(), user -> ConcurrentHashMap.newKeySet())
                    .add(session);
        }
    }

    private void forget(HttpSession session) {
        byUser.values().forEach(sessions -> sessions.remove(session));
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalidated) {
            // Expired or signed out meanwhile: nothing left to end.
        }
    }
}
