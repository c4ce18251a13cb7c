package dev.picket.projects;

/** A new project and the DSN key it was created with. */
public record CreatedProject(Project project, DsnKey key) {
}
