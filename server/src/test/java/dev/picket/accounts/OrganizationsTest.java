package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.api.ApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Creating organizations: each gets its own address, a default team and its creator as owner. */
@ApiTest
class OrganizationsTest {

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Autowired
    Memberships memberships;

    @Test
    void theCreatorOwnsTheNewOrganizationWithItsDefaultTeam() {
        User creator = user();
        Organization organization = organizations.createOwnedBy(creator, "Shop " + UUID.randomUUID());

        assertThat(memberships.role(organization.id(), creator.id())).contains(OrganizationRole.OWNER);
        assertThat(organizations.listTeams(organization.id())).extracting(Team::slug)
                .containsExactly(Organizations.DEFAULT_TEAM_SLUG);
    }

    @Test
    void aNameWhoseAddressIsTakenIsRefusedWithTheReasonAndCreatesNothing() {
        String name = "Taken " + UUID.randomUUID();
        Organization first = organizations.createOwnedBy(user(), name);
        User second = user();

        assertThatThrownBy(() -> organizations.createOwnedBy(second, name.toUpperCase()))
                .isInstanceOf(AccountRuleException.class)
                .hasMessageContaining("/organizations/" + first.slug() + "/ is taken");
        assertThat(memberships.listFor(second)).isEmpty();
        assertThat(organizations.findBySlug(first.slug())).contains(first);
    }

    private User user() {
        return users.create("someone-" + UUID.randomUUID() + "@example.com", "a-password", false);
    }
}
