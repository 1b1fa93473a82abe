package io.github.geodispatch.spi;

import java.util.Objects;

/**
 * Who issues a command: an id, a role, the tenant they belong to and, for branch staff, their branch
 * ({@code null} means all branches of the tenant). Immutable and thread-safe.
 */
public record Actor(String id, Role role, TenantId tenant, BranchId branch) {
    public Actor {
        Ids.require("actor id", id);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tenant, "tenant");
    }

    public static Actor owner(TenantId tenant, String id) {
        return new Actor(id, Role.OWNER, tenant, null);
    }

    public static Actor dispatcher(TenantId tenant, BranchId branch, String id) {
        return new Actor(id, Role.DISPATCHER, tenant, branch);
    }

    public static Actor technician(TenantId tenant, BranchId branch, TechnicianId technician) {
        return new Actor(technician.value(), Role.TECHNICIAN, tenant, branch);
    }

    public static Actor accountant(TenantId tenant, String id) {
        return new Actor(id, Role.ACCOUNTANT, tenant, null);
    }

    public static Actor system(TenantId tenant) {
        return new Actor("system", Role.SYSTEM, tenant, null);
    }

    /** True when this actor may see or change data of the given branch. */
    public boolean covers(BranchId other) {
        return branch == null || branch.equals(other);
    }
}
