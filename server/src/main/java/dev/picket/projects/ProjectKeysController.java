package dev.picket.projects;

import dev.picket.accounts.ApiUser;
import dev.picket.api.ApiController;
import dev.picket.api.ApiException;
import dev.picket.api.JsonBody;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import tools.jackson.databind.JsonNode;

/** DSN keys of a project; a key is addressed by its public key, as in Sentry. */
@ApiController
@RequestMapping("/api/0/projects/{organizationSlug}/{projectSlug}/keys/")
class ProjectKeysController {

    private final ProjectKeys keys;
    private final ProjectAccess access;
    private final DsnUrls urls;

    ProjectKeysController(ProjectKeys keys, ProjectAccess access, DsnUrls urls) {
        this.keys = keys;
        this.access = access;
        this.urls = urls;
    }

    @GetMapping
    List<ProjectKeyJson> list(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                              @PathVariable String projectSlug) {
        Project project = access.project(user, organizationSlug, projectSlug);
        return keys.list(project).stream().map(key -> ProjectKeyJson.of(key, urls)).toList();
    }

    /** The body is optional: {@code {"name": "…"}}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ProjectKeyJson create(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                          @PathVariable String projectSlug, @RequestBody(required = false) JsonNode body) {
        Project project = access.project(user, organizationSlug, projectSlug);
        String name = body == null ? null : JsonBody.of(body).optionalString("name");
        return ProjectKeyJson.of(keys.create(project, name), urls);
    }

    @GetMapping("{keyId}/")
    ProjectKeyJson get(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                       @PathVariable String projectSlug, @PathVariable String keyId) {
        return ProjectKeyJson.of(key(user, organizationSlug, projectSlug, keyId), urls);
    }

    /** Changes only what the body names: {@code name}, {@code isActive}, {@code rateLimit} (null removes it). */
    @PutMapping("{keyId}/")
    ProjectKeyJson update(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                          @PathVariable String projectSlug, @PathVariable String keyId,
                          @RequestBody JsonNode body) {
        DsnKey key = key(user, organizationSlug, projectSlug, keyId);
        JsonBody fields = JsonBody.of(body);
        String label = fields.has("name") ? fields.optionalString("name") : key.label();
        Boolean active = fields.optionalBoolean("isActive");
        RateLimit rateLimit = fields.has("rateLimit") ? rateLimit(fields.optionalObject("rateLimit")) : key.rateLimit();
        if (label == null) {
            throw ApiException.badRequest("'name' must be a string");
        }
        return ProjectKeyJson.of(keys.update(key, label, active == null ? key.active() : active, rateLimit), urls);
    }

    @DeleteMapping("{keyId}/")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal ApiUser user, @PathVariable String organizationSlug,
                @PathVariable String projectSlug, @PathVariable String keyId) {
        keys.delete(key(user, organizationSlug, projectSlug, keyId));
    }

    private DsnKey key(ApiUser user, String organizationSlug, String projectSlug, String keyId) {
        Project project = access.project(user, organizationSlug, projectSlug);
        return keys.find(project, keyId).orElseThrow(ApiException::notFound);
    }

    private static RateLimit rateLimit(JsonBody limit) {
        return limit == null ? null : new RateLimit(limit.requiredInt("count"), limit.requiredInt("window"));
    }
}
