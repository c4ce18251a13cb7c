package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picket.api.ApiTest;
import dev.picket.projects.Projects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Teams: managed by owners and admins, seen by members; projects always belong to one. */
@ApiTest
class TeamsTest {

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Autowired
    Memberships memberships;

    @Autowired
    Teams teams;

    @Autowired
    Projects projects;

    User owner;
    User member;
    Organization organization;

    @BeforeEach
    void organization() {
        owner = users.create("owner-" + UUID.randomUUID() + "@example.com", "owner-password", false);
        member = users.create("member-" + UUID.randomUUID() + "@example.com", "member-password", false);
        organization = organizations.createOwnedBy(owner, "Teams " + UUID.randomUUID());
        organizations.addMember(organization, member, OrganizationRole.MEMBER);
    }

    @Test
    void ownerCreatesATeamWhoseSlugComesFromItsName() {
        Team team = teams.create(as(owner), "Mobile Apps");

        assertThat(team.slug()).isEqualTo("mobile-apps");
        assertThat(teams.list(organization)).extracting(entry -> entry.team().name())
                .containsExactly("Default", "Mobile Apps");
    }

    @Test
    void memberCannotCreateATeam() {
        assertThatThrownBy(() -> teams.create(as(member), "Rogue"))
                .isInstanceOf(AccountRuleException.class).hasMessage("Only owners and admins can do this.");
    }

    @Test
    void twoTeamsCannotShareASlug() {
        teams.create(as(owner), "Backend");

        assertThatThrownBy(() -> teams.create(as(owner), "backend!"))
                .isInstanceOf(AccountRuleException.class).hasMessageContaining("There is a team 'backend' already");
    }

    @Test
    void renamingKeepsTheSlug() {
        teams.create(as(owner), "Backend");

        teams.rename(as(owner), "backend", "Server side");

        assertThat(organizations.findTeam(organization.id(), "backend").orElseThrow().name()).isEqualTo("Server side");
    }

    @Test
    void teamThatOwnsProjectsIsNotDeletedUntilTheyMove() {
        teams.create(as(owner), "Backend");
        long projectId = projects.create(organization.slug(), "backend", "api").project().id();

        assertThatThrownBy(() -> teams.delete(as(owner), "backend"))
                .isInstanceOf(AccountRuleException.class).hasMessageContaining("still owns projects");

        teams.moveProject(as(owner), projectId, "default");
        teams.delete(as(owner), "backend");

        assertThat(organizations.findTeam(organization.id(), "backend")).isEmpty();
        assertThat(projects.findById(projectId).orElseThrow().teamId())
                .isEqualTo(organizations.findTeam(organization.id(), "default").orElseThrow().id());
    }

    @Test
    void projectOfAnotherOrganizationCannotBeMoved() {
        Organization other = organizations.createOwnedBy(owner, "Other " + UUID.randomUUID());
        long foreignProject = projects.create(other.slug(), "default", "foreign").project().id();

        assertThatThrownBy(() -> teams.moveProject(as(owner), foreignProject, "default"))
                .isInstanceOf(AccountRuleException.class).hasMessage("There is no such project in this organization.");
    }

    private Membership as(User user) {
        return memberships.find(user, organization.slug()).orElseThrow();
    }
}
