package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.api.ApiTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may change whose role and remove whom, on a real database: the rules of {@link RoleRules}. */
@ApiTest
class MembershipsTest {

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Autowired
    Memberships memberships;

    User owner;
    User admin;
    User member;
    Organization organization;

    @BeforeEach
    void organizationWithOneOfEachRole() {
        owner = newUser("owner");
        admin = newUser("admin");
        member = newUser("member");
        organization = organizations.createOwnedBy(owner, "Rules " + UUID.randomUUID());
        organizations.addMember(organization, admin, OrganizationRole.ADMIN);
        organizations.addMember(organization, member, OrganizationRole.MEMBER);
    }

    @Test
    void creatorOfAnOrganizationIsItsOwnerAndItHasADefaultTeam() {
        assertThat(roleOf(owner)).isEqualTo(OrganizationRole.OWNER);
        assertThat(organizations.listTeams(organization.id())).extracting(Team::slug).containsExactly("default");
    }

    @Test
    void ownerPromotesAMemberToOwner() {
        memberships.changeRole(as(owner), member.id(), OrganizationRole.OWNER);

        assertThat(roleOf(member)).isEqualTo(OrganizationRole.OWNER);
    }

    @Test
    void adminChangesAMemberToAdmin() {
        memberships.changeRole(as(admin), member.id(), OrganizationRole.ADMIN);

        assertThat(roleOf(member)).isEqualTo(OrganizationRole.ADMIN);
    }

    @Test
    void adminCannotPromoteAnyoneToOwner() {
        assertThatThrownBy(() -> memberships.changeRole(as(admin), member.id(), OrganizationRole.OWNER))
                .isInstanceOf(AccountRuleException.class).hasMessage("Only an owner can make someone an owner.");
        assertThat(roleOf(member)).isEqualTo(OrganizationRole.MEMBER);
    }

    @Test
    void adminCannotDemoteAnOwner() {
        organizations.addMember(organization, newUser("second-owner"), OrganizationRole.OWNER);

        assertThatThrownBy(() -> memberships.changeRole(as(admin), owner.id(), OrganizationRole.MEMBER))
                .isInstanceOf(AccountRuleException.class).hasMessage("Only an owner can change an owner's role.");
        assertThat(roleOf(owner)).isEqualTo(OrganizationRole.OWNER);
    }

    @Test
    void adminCannotRemoveAnOwner() {
        assertThatThrownBy(() -> memberships.remove(as(admin), owner.id()))
                .isInstanceOf(AccountRuleException.class).hasMessage("Only an owner can remove an owner.");
    }

    @Test
    void memberCannotChangeRoles() {
        assertThatThrownBy(() -> memberships.changeRole(as(member), admin.id(), OrganizationRole.MEMBER))
                .isInstanceOf(AccountRuleException.class).hasMessage("Only owners and admins can do this.");
        assertThat(roleOf(admin)).isEqualTo(OrganizationRole.ADMIN);
    }

    @Test
    void memberCannotRemoveOthers() {
        assertThatThrownBy(() -> memberships.remove(as(member), admin.id()))
                .isInstanceOf(AccountRuleException.class).hasMessage("Only owners and admins can do this.");
    }

    @Test
    void lastOwnerCannotStepDown() {
        assertThatThrownBy(() -> memberships.changeRole(as(owner), owner.id(), OrganizationRole.ADMIN))
                .isInstanceOf(AccountRuleException.class).hasMessageStartingWith("An organization keeps at least one owner");
        assertThat(roleOf(owner)).isEqualTo(OrganizationRole.OWNER);
    }

    @Test
    void lastOwnerCannotLeave() {
        assertThatThrownBy(() -> memberships.remove(as(owner), owner.id()))
                .isInstanceOf(AccountRuleException.class).hasMessageStartingWith("An organization keeps at least one owner");
    }

    @Test
    void ownerStepsDownOnceThereIsAnotherOwner() {
        memberships.changeRole(as(owner), admin.id(), OrganizationRole.OWNER);

        memberships.changeRole(as(owner), owner.id(), OrganizationRole.MEMBER);

        assertThat(roleOf(owner)).isEqualTo(OrganizationRole.MEMBER);
        assertThat(roleOf(admin)).isEqualTo(OrganizationRole.OWNER);
    }

    @Test
    void memberLeavesOnTheirOwn() {
        memberships.remove(as(member), member.id());

        assertThat(memberships.find(member, organization.slug())).isEmpty();
    }

    @Test
    void adminRemovesAMemberWhoThenCannotSeeTheOrganization() {
        memberships.remove(as(admin), member.id());

        assertThat(memberships.find(member, organization.slug())).isEmpty();
        assertThat(memberships.list(organization)).extracting(Member::email)
                .containsExactly(owner.email(), admin.email());
    }

    @Test
    void onlyOwnersRenameTheOrganization() {
        assertThatThrownBy(() -> organizations.rename(as(admin), "Taken over"))
                .isInstanceOf(AccountRuleException.class).hasMessage("Only owners can do this.");

        organizations.rename(as(owner), "Renamed");

        assertThat(organizations.findBySlug(organization.slug()).orElseThrow().name()).isEqualTo("Renamed");
    }

    private Membership as(User user) {
        return memberships.find(user, organization.slug()).orElseThrow();
    }

    private OrganizationRole roleOf(User user) {
        return as(user).role();
    }

    private User newUser(String role) {
        return users.create(role + "-" + UUID.randomUUID() + "@example.com", "password-of-" + role, false);
    }
}
