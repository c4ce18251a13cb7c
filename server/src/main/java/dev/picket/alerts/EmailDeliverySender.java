package dev.picket.alerts;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends alert e-mails as plain text over the configured SMTP server. */
final class EmailDeliverySender {

    private final JavaMailSender mail;
    private final String from;

    /** @param mail null when no SMTP server is configured */
    EmailDeliverySender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    void send(Delivery delivery) throws DeliveryFailedException {
        if (mail == null) {
            throw new DeliveryFailedException("no SMTP server is configured (set PICKET_SMTP_HOST)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(((AlertAction.Email) delivery.action()).to().toArray(String[]::new));
        message.setSubject(delivery.subject());
        message.setText(delivery.payload());
        try {
            mail.send(message);
        } catch (MailException e) {
            throw new DeliveryFailedException(e.getMessage(), e);
        }
    }
}
