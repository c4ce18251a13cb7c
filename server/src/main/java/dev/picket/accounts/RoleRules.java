package dev.picket.accounts;

import static dev.picket.accounts.OrganizationRole.OWNER;

/**
 * Who may do what in an organization. Owners may do everything; admins manage teams, members and
 * invitations but cannot make anyone an owner nor change or remove an owner; members only look.
 * Whatever the actor, an organization always keeps at least one owner.
 */
final class RoleRules {

    private RoleRules() {
    }

    static void requireManager(Membership actor) {
        if (!actor.manages()) {
            throw new AccountRuleException("Only owners and admins can do this.");
        }
    }

    static void requireOwner(Membership actor) {
        if (!actor.owns()) {
            throw new AccountRuleException("Only owners can do this.");
        }
    }

    static void checkRoleChange(Membership actor, OrganizationRole current, OrganizationRole wanted, int owners) {
        requireManager(actor);
        if (!actor.owns() && current == OWNER) {
            throw new AccountRuleException("Only an owner can change an owner's role.");
        }
        if (!actor.owns() && wanted == OWNER) {
            throw new AccountRuleException("Only an owner can make someone an owner.");
        }
        if (current == OWNER && wanted != OWNER && owners <= 1) {
            throw new AccountRuleException("An organization keeps at least one owner; make someone else an owner first.");
        }
    }

    /** Anyone may leave; removing someone else takes an owner or admin, and an owner takes an owner. */
    static void checkRemoval(Membership actor, long userId, OrganizationRole current, int owners) {
        boolean leaving = actor.user().id() == userId;
        if (!leaving) {
            requireManager(actor);
            if (!actor.owns() && current == OWNER) {
                throw new AccountRuleException("Only an owner can remove an owner.");
            }
        }
        if (current == OWNER && owners <= 1) {
            throw new AccountRuleException("An organization keeps at least one owner; make someone else an owner first.");
        }
    }

    static void checkInvitation(Membership actor, OrganizationRole role) {
        requireManager(actor);
        if (!actor.owns() && role == OWNER) {
            throw new AccountRuleException("Only an owner can invite an owner.");
        }
    }
}
