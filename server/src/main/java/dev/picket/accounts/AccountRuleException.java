package dev.picket.accounts;

/**
 * A request the accounts rules refuse (a role change that would leave no owner, a name that is
 * empty, an invitation that expired, ...); the message says why, in words to show the user.
 */
public class AccountRuleException extends RuntimeException {

    public AccountRuleException(String message) {
        super(message);
    }
}
