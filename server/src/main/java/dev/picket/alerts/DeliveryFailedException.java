package dev.picket.alerts;

/** An attempt to deliver an alert failed; its message goes into the alert history. */
class DeliveryFailedException extends Exception {

    DeliveryFailedException(String message) {
        super(message);
    }

    DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
