package io.github.geodispatch.job;

import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.geodispatch.spi.JobStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Pins the table: a change to a legal move must change this test too. */
class JobTransitionsTest {

    @Test
    void theHappyPathIsLegal() {
        List<JobStatus> path = List.of(NEW, ASSIGNED, EN_ROUTE, ARRIVED, WORK_STARTED, COMPLETED, CLOSED);
        for (int i = 1; i < path.size(); i++) {
            assertThat(JobTransitions.allows(path.get(i - 1), path.get(i))).as("%s -> %s", path.get(i - 1), path.get(i))
                    .isTrue();
        }
    }

    @Test
    void finishedJobsGoNowhere() {
        assertThat(JobTransitions.targets(CANCELLED)).isEmpty();
        assertThat(JobTransitions.targets(CLOSED)).isEmpty();
        assertThat(JobTransitions.targets(COMPLETED)).containsExactly(CLOSED);
    }

    @Test
    void workInProgressCannotBeCancelledOrReassignedWithoutBeingPutOnHold() {
        assertThat(JobTransitions.targets(WORK_STARTED)).containsExactlyInAnyOrder(COMPLETED, ON_HOLD, DELAYED);
        assertThat(JobTransitions.allows(ON_HOLD, CANCELLED)).isTrue();
        assertThat(JobTransitions.allows(ON_HOLD, ASSIGNED)).isTrue();
    }

    @Test
    void nothingSkipsTheArrival() {
        for (JobStatus from : JobStatus.values()) {
            if (JobTransitions.allows(from, WORK_STARTED)) {
                assertThat(from).isIn(ARRIVED, ON_HOLD, DELAYED);
            }
        }
        assertThat(JobTransitions.needsArrival(WORK_STARTED)).isTrue();
        assertThat(JobTransitions.needsArrival(COMPLETED)).isTrue();
    }

    @Test
    void rolesPerTarget() {
        assertThat(JobTransitions.rolesFor(CANCELLED)).doesNotContain(Role.TECHNICIAN, Role.ACCOUNTANT);
        assertThat(JobTransitions.rolesFor(RESCHEDULED)).doesNotContain(Role.TECHNICIAN);
        assertThat(JobTransitions.rolesFor(COMPLETED)).contains(Role.TECHNICIAN).doesNotContain(Role.ACCOUNTANT);
        assertThat(JobTransitions.rolesFor(CLOSED)).contains(Role.ACCOUNTANT).doesNotContain(Role.TECHNICIAN);
        assertThat(JobTransitions.rolesFor(ASSIGNED)).containsExactlyInAnyOrder(Role.OWNER, Role.DISPATCHER, Role.SYSTEM);
        assertThat(JobTransitions.allows(ASSIGNED, EN_ROUTE, Role.TECHNICIAN)).isTrue();
        assertThat(JobTransitions.allows(ASSIGNED, CANCELLED, Role.TECHNICIAN)).isFalse();
    }

    @Test
    void theTableListsEveryLegalMoveOnce() {
        assertThat(JobTransitions.table()).doesNotHaveDuplicates();
        assertThat(JobTransitions.table()).allSatisfy(t -> {
            assertThat(JobTransitions.allows(t.from(), t.to())).isTrue();
            assertThat(t.roles()).isEqualTo(JobTransitions.rolesFor(t.to()));
        });
        long legal = 0;
        for (JobStatus from : JobStatus.values()) {
            legal += JobTransitions.targets(from).size();
        }
        assertThat(JobTransitions.table()).hasSize((int) legal).hasSize(48);
    }
}
