package io.github.geodispatch.spi;

import java.util.Objects;

/** The key of one job's event stream: streams never cross tenants. */
public record StreamId(TenantId tenant, JobId job) {
    public StreamId {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(job, "job");
    }

    public static StreamId of(TenantId tenant, JobId job) {
        return new StreamId(tenant, job);
    }

    @Override
    public String toString() {
        return tenant.value() + "/" + job.value();
    }
}
