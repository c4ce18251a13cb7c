package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With an SMTP server configured (the alerts' {@code picket.smtp.*}), invitations are also e-mailed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvitationMailTest {

    private static final GreenMail SMTP = startedSmtp();
    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/invitations/([0-9a-f]{64})");

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

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("picket.smtp.host", () -> "127.0.0.1");
        registry.add("picket.smtp.port", () -> SMTP.getSmtp().getPort());
        registry.add("picket.smtp.from", () -> "picket@picket.test");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void invitationEmailCarriesTheLinkThatOpensTheInvitation() throws Exception {
        User owner = users.create("owner-" + UUID.randomUUID() + "@example.com", "owner-password", false);
        Organization organization = organizations.createOwnedBy(owner, "Mailed " + UUID.randomUUID());
        Membership actor = memberships.find(owner, organization.slug()).orElseThrow();
        String invitee = "invitee-" + UUID.randomUUID() + "@example.com";
        Invitations.Issued issued = invitations.issue(actor, invitee, OrganizationRole.MEMBER);

        InvitationMailer.Outcome outcome = mailer.send(issued, organization, owner);

        assertThat(outcome.sent()).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(GreenMailUtil.getAddressList(mail.getAllRecipients())).isEqualTo(invitee);
        assertThat(mail.getSubject()).isEqualTo("Join " + organization.name() + " on Picket");
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail));
        assertThat(link.find()).isTrue();
        assertThat(invitations.open(link.group(1)).organization()).isEqualTo(organization);
    }

    private static GreenMail startedSmtp() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        return smtp;
    }
}
