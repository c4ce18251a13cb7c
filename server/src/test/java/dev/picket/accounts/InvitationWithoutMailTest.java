package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.api.ApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Without an SMTP server an invitation still works: the page shows its link and says no e-mail went out. */
@ApiTest
class InvitationWithoutMailTest {

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Autowired
    Memberships memberships;

    @Autowired
    Invitations invitations;

    @Autowired
    InvitationMailer mailer;

    @Test
    void withoutSmtpNothingIsSentAndTheOutcomeSaysToPassTheLinkOn() {
        User owner = users.create("owner-" + UUID.randomUUID() + "@example.com", "owner-password", false);
        Organization organization = organizations.createOwnedBy(owner, "Unmailed " + UUID.randomUUID());
        Membership actor = memberships.find(owner, organization.slug()).orElseThrow();
        Invitations.Issued issued = invitations.issue(actor, "someone@example.com", OrganizationRole.MEMBER);

        InvitationMailer.Outcome outcome = mailer.send(issued, organization, owner);

        assertThat(outcome.sent()).isFalse();
        assertThat(outcome.description()).contains("No SMTP server is configured", "give someone@example.com the link");
        assertThat(mailer.link(issued.token())).endsWith("/invitations/" + issued.token());
    }
}
