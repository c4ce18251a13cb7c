package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/** The web sessions' tables as Spring Session uses them, on the database in use. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSessionStoreTest {

    final JdbcIndexedSessionRepository repository;
    final SessionRepository<Session> sessions;
    final JdbcClient jdbc;

    @Autowired
    @SuppressWarnings("unchecked")  // its sessions are Sessions, a class private to Spring Session
    WebSessionStoreTest(JdbcIndexedSessionRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.sessions = (SessionRepository<Session>) (SessionRepository<? extends Session>) repository;
        this.jdbc = jdbc;
    }

    @Test
    void deletingASessionDeletesItsAttributes() {
        Session session = savedWithAnAttribute(Instant.now());
        String primaryId = primaryId(session);

        sessions.deleteById(session.getId());

        assertThat(attributeRows(primaryId)).isZero();
    }

    @Test
    void deletingExpiredSessionsDeletesTheirAttributes() {
        Session expired = savedWithAnAttribute(Instant.now().minus(Duration.ofHours(1)));
        String primaryId = primaryId(expired);

        repository.cleanUpExpiredSessions();

        assertThat(sessions.findById(expired.getId())).isNull();
        assertThat(attributeRows(primaryId)).isZero();
    }

    @Test
    void twoRequestsAddingTheSameAttributeAtOnceBothSaveAndTheLaterWins() {
        Session created = sessions.createSession();
        sessions.save(created);
        Session first = sessions.findById(created.getId());
        Session second = sessions.findById(created.getId());

        first.setAttribute("token", "first");
        sessions.save(first);
        second.setAttribute("token", "second");  // new to this request too: an insert, not an update
        sessions.save(second);

        assertThat(sessions.findById(created.getId()).<String>getAttribute("token")).isEqualTo("second");
    }

    private Session savedWithAnAttribute(Instant lastAccessed) {
        Session session = sessions.createSession();
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        session.setLastAccessedTime(lastAccessed);
        session.setAttribute("note", "kept in the attributes table");
        sessions.save(session);
        assertThat(attributeRows(primaryId(session))).isEqualTo(1);
        return session;
    }

    private String primaryId(Session session) {
        return jdbc.sql("SELECT primary_id FROM spring_session WHERE session_id = ?").param(session.getId())
                .query(String.class).single();
    }

    private long attributeRows(String primaryId) {
        return jdbc.sql("SELECT count(*) FROM spring_session_attributes WHERE session_primary_id = ?")
                .param(primaryId).query(Long.class).single();
    }
}
