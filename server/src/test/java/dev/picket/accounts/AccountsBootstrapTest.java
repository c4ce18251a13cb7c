package dev.picket.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picket.api.ApiTest;
import dev.picket.api.HttpApi;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ApiTest
class AccountsBootstrapTest {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    Organizations organizations;

    @Test
    void firstStartCreatesTheDefaultOrganizationAndTeam() {
        Organization organization = organizations.findBySlug("default").orElseThrow();

        assertThat(organizations.listTeams(organization.id())).extracting(Team::slug).containsExactly("default");
    }

    @Test
    void configuredAdministratorIsASuperuserAndOwnerOfTheDefaultOrganization() {
        User admin = users.findByEmail(ApiTest.ADMIN_EMAIL).orElseThrow();

        assertThat(admin.superuser()).isTrue();
        assertThat(organizations.findForMember(admin.id(), "default")).isPresent();
    }

    @Test
    void configuredAdminTokenAuthenticatesTheAdministrator() {
        HttpResponse<String> response = HttpApi.withToken(port, ApiTest.ADMIN_TOKEN).get("/api/0/organizations/");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode organizationsJson = HttpApi.json(response);
        assertThat(organizationsJson.size()).isEqualTo(1);
        assertThat(organizationsJson.get(0).get("slug").asString()).isEqualTo("default");
        assertThat(organizationsJson.get(0).get("id").isString()).isTrue();
    }
}
