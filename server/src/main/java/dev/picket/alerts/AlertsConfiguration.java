package dev.picket.alerts;

import java.util.Properties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP connection of alert e-mails from {@code picket.smtp.*}. Without {@code picket.smtp.host},
 * Spring Boot's own {@code spring.mail.*} settings still configure one.
 */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "picket.smtp", name = "host")
    JavaMailSender alertMailSender(SmtpProperties smtp, AlertsProperties alerts) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setUsername(blankToNull(smtp.username()));
        sender.setPassword(blankToNull(smtp.password()));
        sender.setDefaultEncoding("UTF-8");
        Properties mail = new Properties();
        mail.setProperty("mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        mail.setProperty("mail.smtp.starttls.enable", String.valueOf(smtp.starttls()));
        mail.setProperty("mail.smtp.starttls.required", String.valueOf(smtp.starttls()));
        // Without these, an SMTP server that does not answer would hold a delivery thread forever.
        String timeout = String.valueOf(alerts.deliveryTimeout().toMillis());
        mail.setProperty("mail.smtp.connectiontimeout", timeout);
        mail.setProperty("mail.smtp.timeout", timeout);
        mail.setProperty("mail.smtp.writetimeout", timeout);
        sender.setJavaMailProperties(mail);
        return sender;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
