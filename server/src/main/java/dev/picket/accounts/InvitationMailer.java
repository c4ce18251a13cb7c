package dev.picket.accounts;

import dev.picket.BaseUrl;
import dev.picket.alerts.SmtpProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Links to invitations, and the e-mail that carries one when an SMTP server is configured (the
 * alerts' {@code picket.smtp.*}, or Spring Boot's {@code spring.mail.*}). The page shows the link
 * either way, so an invitation works without e-mail.
 */
@Component
public class InvitationMailer {

    private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final SmtpProperties smtp;
    private final BaseUrl baseUrl;

    InvitationMailer(ObjectProvider<JavaMailSender> mail, SmtpProperties smtp, BaseUrl baseUrl) {
        this.mail = mail;
        this.smtp = smtp;
        this.baseUrl = baseUrl;
    }

    /** What became of the e-mail, in words for the page. */
    public record Outcome(boolean sent, String description) {
    }

    public String link(String token) {
        return baseUrl.get() + "/invitations/" + token;
    }

    public Outcome send(Invitations.Issued issued, Organization organization, User inviter) {
        JavaMailSender sender = mail.getIfAvailable();
        String to = issued.invitation().email();
        if (sender == null) {
            return new Outcome(false, "No SMTP server is configured (PICKET_SMTP_HOST), so no e-mail was sent: "
                    + "give " + to + " the link yourself.");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(smtp.from());
        message.setTo(to);
        message.setSubject("Join " + organization.name() + " on Picket");
        message.setText(inviter.email() + " invites you to join the organization " + organization.name()
                + " on Picket as " + issued.invitation().role().label() + ".\n\n"
                + "Open this link to accept (it works once, until " + issued.invitation().expires() + "):\n"
                + link(issued.token()) + "\n");
        try {
            sender.send(message);
            return new Outcome(true, "The invitation was sent to " + to + ".");
        } catch (MailException e) {
            log.warn("Could not send the invitation e-mail to {}: {}", to, e.getMessage());
            return new Outcome(false, "The e-mail to " + to + " could not be sent (" + e.getMessage()
                    + "); give them the link yourself.");
        }
    }
}
