package io.github.geodispatch.messaging;

import io.github.geodispatch.job.JobCommand.Assign;
import io.github.geodispatch.job.JobCommand.ChangeStatus;
import io.github.geodispatch.spi.GeoPoint;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.JobStatus;
import io.github.geodispatch.spi.TravelEstimate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.geodispatch.messaging.Talk.ASHA;
import static io.github.geodispatch.messaging.Talk.RAVI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live ETA: recomputed from the technician's positions at most once a minute, sent to the customer only when it
 * moves by more than ten minutes, and "where is my technician" answered from the last position.
 */
class LiveEtaTest {
    /** Travel time: one minute per 0.01 degree of latitude from the site, counted. */
    private final AtomicInteger travelCalls = new AtomicInteger();
    private final Talk talk = new Talk().customer("C-1", "+919845012345", "en");
    private JobId job;

    @BeforeEach
    void onTheWay() {
        talk.travel = (from, to) -> {
            travelCalls.incrementAndGet();
            long minutes = Math.round(Math.abs(from.lat() - to.lat()) * 100);
            return new TravelEstimate(Duration.ofMinutes(minutes), minutes * 500.0);
        };
        job = talk.job("J-1", "C-1");
        talk.run(talk.dispatcher, Assign.of(job, RAVI));
        ping(0.20); // 20 minutes out
        talk.run(talk.tech(RAVI), ChangeStatus.enRoute(job));
    }

    private void ping(double degreesSouth) {
        talk.messaging.eta().position(RAVI, talk.now.toEpochMilli(), Talk.SITE.lat() - degreesSouth, Talk.SITE.lng());
    }

    private Instant etaIn(long minutes) {
        return talk.now.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void anEtaMovingLessThanTheThresholdSendsNothingAndOneMovingMoreSendsAnUpdate() {
        assertThat(talk.one(Template.ON_THE_WAY).parameters().get(2)).isEqualTo("10:20");
        for (int i = 0; i < 10; i++) {
            talk.pass(Duration.ofMinutes(1));
            ping(0.19 - 0.01 * i + 0.005); // driving on, about on time
            talk.messaging.sendDue();
        }
        assertThat(talk.sent(Template.ETA_UPDATE)).isEmpty();

        talk.pass(Duration.ofMinutes(1));
        ping(0.30); // a detour: 30 minutes out now, 21 later than announced
        assertThat(talk.sent(Template.ETA_UPDATE)).as("sent by the next sendDue, not from the ping").isEmpty();
        talk.messaging.sendDue();

        assertThat(talk.one(Template.ETA_UPDATE).parameters()).containsExactly("J-1", "Ravi Kumar", "10:41");
        talk.pass(Duration.ofMinutes(1));
        ping(0.29);
        talk.messaging.sendDue();
        assertThat(talk.sent(Template.ETA_UPDATE)).as("compared with the last announced").hasSize(1);
    }

    @Test
    void theEtaIsRecomputedAtMostOncePerIntervalHoweverOftenThePhonePings() {
        int before = travelCalls.get();
        for (int i = 1; i <= 60; i++) {
            talk.pass(Duration.ofSeconds(10));
            ping(0.20 - 0.0005 * i);
        }
        assertThat(travelCalls.get() - before).as("10 minutes of pings every 10 s").isEqualTo(10);
    }

    @Test
    void whereIsMyTechnicianIsAnsweredFromTheLastPositionWithTheEtaWhileOnTheWay() {
        talk.pass(Duration.ofMinutes(2));
        ping(0.15);
        TechnicianWhereabouts where = talk.messaging.whereIs(talk.dispatcher, job).orElseThrow();
        assertThat(where.technician()).isEqualTo(RAVI);
        assertThat(where.status()).isEqualTo(JobStatus.EN_ROUTE);
        assertThat(where.position()).isEqualTo(GeoPoint.of(Talk.SITE.lat() - 0.15, Talk.SITE.lng()));
        assertThat(where.positionAt()).isEqualTo(talk.now);
        assertThat(where.expectedArrival()).isEqualTo(etaIn(15));

        talk.run(talk.tech(RAVI), ChangeStatus.arrived(job));
        TechnicianWhereabouts there = talk.messaging.whereIs(talk.dispatcher, job).orElseThrow();
        assertThat(there.status()).isEqualTo(JobStatus.ARRIVED);
        assertThat(there.expectedArrival()).isNull();
        assertThat(talk.messaging.whereIs(talk.tech(ASHA), job)).as("not Asha's job").isEmpty();
        JobId unassigned = talk.job("J-2", "C-1");
        assertThat(talk.messaging.whereIs(talk.dispatcher, unassigned)).as("nobody on it").isEmpty();
    }

    @Test
    void anOlderPositionIsIgnoredAndABadOneRefused() {
        talk.pass(Duration.ofMinutes(2));
        ping(0.15);
        talk.messaging.eta().position(RAVI, talk.now.minusSeconds(30).toEpochMilli(), 10.0, 70.0);

        assertThat(talk.messaging.whereIs(talk.dispatcher, job).orElseThrow().position().lat())
                .isEqualTo(Talk.SITE.lat() - 0.15);
        assertThatThrownBy(() -> talk.messaging.eta().position(RAVI, talk.now.toEpochMilli(), Double.NaN, 77.6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ravi");
        assertThatThrownBy(() -> talk.messaging.eta().sink(RAVI).position(talk.now.toEpochMilli(), 12.9, 181))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> talk.messaging.eta().position(null, talk.now.toEpochMilli(), 12.9, 77.6))
                .isInstanceOf(NullPointerException.class).hasMessage("technician");
    }

    @Test
    void aTripEndsWithTheArrivalAndLaterPositionsSendNothing() {
        talk.run(talk.tech(RAVI), ChangeStatus.arrived(job));
        int calls = travelCalls.get();
        talk.pass(Duration.ofMinutes(5));
        ping(0.50);
        talk.messaging.sendDue();

        assertThat(travelCalls.get()).isEqualTo(calls);
        assertThat(talk.sent(Template.ETA_UPDATE)).isEmpty();
    }
}
