package dev.picket.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMTP server alert e-mails go through ({@code PICKET_SMTP_HOST}, {@code PICKET_SMTP_PORT}, …);
 * without a host, e-mail actions fail and say so in the alert history.
 *
 * @param starttls whether to require STARTTLS before authenticating
 * @param from     the sender address of alert e-mails
 */
@ConfigurationProperties("picket.smtp")
public record SmtpProperties(
        String host,
        @DefaultValue("25") int port,
        String username,
        String password,
        @DefaultValue("false") boolean starttls,
        @DefaultValue("picket@localhost") String from) {
}
