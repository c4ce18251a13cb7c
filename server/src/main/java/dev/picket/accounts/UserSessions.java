package dev.picket.accounts;

import jakarta.servlet.http.HttpSession;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of each user, so that changing a password can sign out the user's other
 * browsers. Spring Session indexes the sessions in the database by the signed-in user's name (the
 * e-mail), so this finds them whichever instance signed them in, and before the last restart.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class UserSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of {@code email} except {@code keep}. */
    public void signOutOthers(String email, HttpSession keep) {
        sessions.findByPrincipalName(email).keySet().stream()
                .filter(id -> !id.equals(keep.getId()))
                .forEach(sessions::deleteById);
    }
}
