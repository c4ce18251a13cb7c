package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.api.ApiTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** An invitation's life: issued, accepted once, or revoked, or expired after seven days. */
@ApiTest
class InvitationsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Autowired
    Memberships memberships;

    final MovableClock clock = new MovableClock();
    Invitations invitations;
    User owner;
    User admin;
    Organization organization;

    @BeforeEach
    void organization() {
        invitations = new Invitations(jdbc, users, organizations, transaction, clock);
        owner = users.create("owner-" + UUID.randomUUID() + "@example.com", "owner-password", false);
        admin = users.create("admin-" + UUID.randomUUID() + "@example.com", "admin-password", false);
        organization = organizations.createOwnedBy(owner, "Invites " + UUID.randomUUID());
        organizations.addMember(organization, admin, OrganizationRole.ADMIN);
    }

    @Test
    void newPersonMakesAnAccountForTheInvitedAddressAndJoinsWithTheRole() {
        String email = newAddress();
        Invitations.Issued issued = invitations.issue(as(owner), email, OrganizationRole.ADMIN);

        User joined = invitations.acceptAsNewUser(issued.token(), "new-person-password");

        assertThat(joined.email()).isEqualTo(email);
        assertThat(memberships.find(joined, organization.slug()).orElseThrow().role()).isEqualTo(OrganizationRole.ADMIN);
    }

    @Test
    void signedInUserJoinsWithTheirAccount() {
        User existing = users.create(newAddress(), "existing-password", false);
        Invitations.Issued issued = invitations.issue(as(owner), existing.email(), OrganizationRole.MEMBER);

        invitations.accept(issued.token(), existing);

        assertThat(memberships.find(existing, organization.slug())).isPresent();
    }

    @Test
    void onlyTheTokensHashIsStored() {
        Invitations.Issued issued = invitations.issue(as(owner), newAddress(), OrganizationRole.MEMBER);

        String stored = jdbc.sql("SELECT token_hash FROM invitations WHERE id = ?").param(issued.invitation().id())
                .query(String.class).single();
        assertThat(stored).isNotEqualTo(issued.token()).isEqualTo(SecretTokens.hash(issued.token()));
    }

    @Test
    void invitationWorksOnce() {
        Invitations.Issued issued = invitations.issue(as(owner), newAddress(), OrganizationRole.MEMBER);
        invitations.acceptAsNewUser(issued.token(), "first-password");
        User other = users.create(newAddress(), "other-password", false);

        assertThatThrownBy(() -> invitations.accept(issued.token(), other))
                .isInstanceOf(AccountRuleException.class).hasMessage("This invitation has been used already.");
        assertThat(memberships.find(other, organization.slug())).isEmpty();
    }

    @Test
    void revokedInvitationCannotBeAccepted() {
        Invitations.Issued issued = invitations.issue(as(owner), newAddress(), OrganizationRole.MEMBER);

        invitations.revoke(as(admin), issued.invitation().id());

        assertThatThrownBy(() -> invitations.acceptAsNewUser(issued.token(), "some-password"))
                .isInstanceOf(AccountRuleException.class).hasMessage("This invitation was revoked.");
        assertThat(users.findByEmail(issued.invitation().email())).isEmpty();
        assertThat(invitations.pending(organization)).isEmpty();
    }

    @Test
    void invitationExpiresAfterSevenDays() {
        Invitations.Issued issued = invitations.issue(as(owner), newAddress(), OrganizationRole.MEMBER);

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(invitations.open(issued.token()).organization()).isEqualTo(organization);
        clock.advance(Duration.ofSeconds(1));

        assertThatThrownBy(() -> invitations.open(issued.token()))
                .isInstanceOf(AccountRuleException.class).hasMessage("This invitation expired. Ask for a new one.");
        assertThatThrownBy(() -> invitations.acceptAsNewUser(issued.token(), "late-password"))
                .isInstanceOf(AccountRuleException.class).hasMessage("This invitation expired. Ask for a new one.");
        assertThat(invitations.pending(organization)).isEmpty();
    }

    @Test
    void unknownTokenIsRefused() {
        assertThatThrownBy(() -> invitations.open("not-a-token"))
                .isInstanceOf(AccountRuleException.class).hasMessage("This invitation link is not valid. Ask for a new one.");
    }

    @Test
    void adminCannotInviteAnOwner() {
        assertThatThrownBy(() -> invitations.issue(as(admin), newAddress(), OrganizationRole.OWNER))
                .isInstanceOf(AccountRuleException.class).hasMessage("Only an owner can invite an owner.");
    }

    @Test
    void memberCannotInvite() {
        User member = users.create(newAddress(), "member-password", false);
        organizations.addMember(organization, member, OrganizationRole.MEMBER);

        assertThatThrownBy(() -> invitations.issue(as(member), newAddress(), OrganizationRole.MEMBER))
                .isInstanceOf(AccountRuleException.class).hasMessage("Only owners and admins can do this.");
    }

    @Test
    void existingMemberIsNotInvitedAgain() {
        assertThatThrownBy(() -> invitations.issue(as(owner), admin.email().toUpperCase(), OrganizationRole.MEMBER))
                .isInstanceOf(AccountRuleException.class).hasMessage(admin.email() + " is a member already.");
    }

    @Test
    void newAccountNeedsAnAcceptablePasswordAndLeavesTheInvitationUsable() {
        Invitations.Issued issued = invitations.issue(as(owner), newAddress(), OrganizationRole.MEMBER);

        assertThatThrownBy(() -> invitations.acceptAsNewUser(issued.token(), "short"))
                .isInstanceOf(AccountRuleException.class).hasMessage("A password needs at least 8 characters.");
        assertThat(invitations.pending(organization)).extracting(Invitation::id).containsExactly(issued.invitation().id());
    }

    @Test
    void addressWithAnAccountMustSignInToAccept() {
        User existing = users.create(newAddress(), "existing-password", false);
        Invitations.Issued issued = invitations.issue(as(owner), existing.email(), OrganizationRole.MEMBER);

        assertThatThrownBy(() -> invitations.acceptAsNewUser(issued.token(), "takeover-password"))
                .isInstanceOf(AccountRuleException.class).hasMessageContaining("sign in to accept");
    }

    private Membership as(User user) {
        return memberships.find(user, organization.slug()).orElseThrow();
    }

    private static String newAddress() {
        return "invitee-" + UUID.randomUUID() + "@example.com";
    }

    /** Time that passes when the test says so. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
