package dev.picket.accounts;

/** What the security configuration needs to know of the accounts pages. */
public final class AccountPages {

    /** Invitation links: whoever holds one may open it, signed in or not (joining an account takes sign-in). */
    public static final String INVITATION_LINKS = "/invitations/*";

    private AccountPages() {
    }
}
