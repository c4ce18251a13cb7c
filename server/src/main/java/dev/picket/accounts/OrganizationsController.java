package dev.picket.accounts;

import dev.picket.api.ApiController;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;

@ApiController
class OrganizationsController {

    private final Organizations organizations;

    OrganizationsController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/api/0/organizations/")
    List<OrganizationJson> list(@AuthenticationPrincipal ApiUser user) {
        return organizations.listForMember(user.userId()).stream().map(OrganizationJson::of).toList();
    }
}
