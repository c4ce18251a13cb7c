package dev.picket.projects;

import dev.picket.accounts.Organization;
import dev.picket.accounts.Organizations;
import dev.picket.accounts.Team;
import dev.picket.api.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates and finds projects. Every project is created with its first DSN key. */
@Service
public class Projects {

    static final int MAX_NAME_LENGTH = 200;
    /** Sentry's limit on environment names, which also forbids slashes and newlines in them. */
    static final int MAX_ENVIRONMENT_LENGTH = 64;
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9_.-]{1,64}");

    private final ProjectRepository projects;
    private final ProjectKeys keys;
    private final Organizations organizations;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();

    Projects(ProjectRepository projects, ProjectKeys keys, Organizations organizations,
             TransactionTemplate transaction) {
        this.projects = projects;
        this.keys = keys;
        this.organizations = organizations;
        this.transaction = transaction;
    }

    /** Creates a project whose slug is made from its name, with no platform. */
    public CreatedProject create(String organizationSlug, String teamSlug, String name) {
        return create(organizationSlug, teamSlug, name, null, null);
    }

    /**
     * Creates a project and its first DSN key.
     *
     * @param slug     null to make one from {@code name}
     * @param platform null when unknown
     * @throws ApiException 404 when the organization or team does not exist, 400 when a value is
     *                      invalid, 409 when the organization already has a project with that slug
     */
    public CreatedProject create(String organizationSlug, String teamSlug, String name, String slug,
                                 String platform) {
        String projectName = requireName(name);
        String projectSlug = slug == null ? Slugs.fromName(projectName) : slug;
        Slugs.requireValid(projectSlug);
        if (platform != null && !PLATFORM.matcher(platform).matches()) {
            throw ApiException.badRequest("'platform' must be a platform name such as 'python' or 'javascript-react'");
        }
        Organization organization = organizations.findBySlug(organizationSlug).orElseThrow(ApiException::notFound);
        Team team = organizations.findTeam(organization.id(), teamSlug).orElseThrow(ApiException::notFound);
        return transaction.execute(status -> {
            if (projects.slugExists(organization.id(), projectSlug)) {
                throw ApiException.conflict("A project with this slug already exists.");
            }
            Project project = projects.insert(organization.id(), team.id(), projectSlug, projectName, platform,
                    Instant.ofEpochMilli(clock.millis()));
            return new CreatedProject(project, keys.create(project, ProjectKeys.DEFAULT_LABEL));
        });
    }

    /**
     * Gives a project another name; its slug, which DSN-less links and the API use, stays.
     *
     * @throws ApiException 400 when the name is blank or too long
     */
    public Project rename(Project project, String name) {
        String projectName = requireName(name);
        projects.updateName(project.id(), projectName);
        return new Project(project.id(), project.organizationId(), project.teamId(), project.slug(), projectName,
                project.platform(), project.dateCreated(), project.defaultEnvironment());
    }

    /**
     * Sets the environment the project's issues list shows by default.
     *
     * @param environment null or blank for all environments
     * @throws ApiException 400 when the name is not one an SDK could send
     */
    public Project setDefaultEnvironment(Project project, String environment) {
        String value = environment == null || environment.isBlank() ? null : environment.strip();
        if (value != null && (value.length() > MAX_ENVIRONMENT_LENGTH || value.contains("/")
                || value.chars().anyMatch(Character::isISOControl))) {
            throw ApiException.badRequest("An environment name has at most " + MAX_ENVIRONMENT_LENGTH
                    + " characters, no slash and no control characters.");
        }
        projects.updateDefaultEnvironment(project.id(), value);
        return new Project(project.id(), project.organizationId(), project.teamId(), project.slug(), project.name(),
                project.platform(), project.dateCreated(), value);
    }

    public Optional<Project> findById(long id) {
        return projects.findById(id);
    }

    public Optional<Project> findBySlug(long organizationId, String projectSlug) {
        return projects.findBySlug(organizationId, projectSlug);
    }

    public List<Project> listForOrganization(long organizationId) {
        return projects.listByOrganization(organizationId);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("'name' is required");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("'name' must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return stripped;
    }
}
