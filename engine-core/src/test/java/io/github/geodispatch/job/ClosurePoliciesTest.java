package io.github.geodispatch.job;

import io.github.geodispatch.spi.ProofKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClosurePoliciesTest {

    @Test
    void defaultsKnowAcServiceAndFallBackToTheStandardPolicy() {
        ClosurePolicies policies = ClosurePolicies.defaults();

        assertThat(policies.forJobType("AC_SERVICE")).isEqualTo(ClosurePolicy.acService());
        assertThat(policies.forJobType("PEST_CONTROL")).isEqualTo(ClosurePolicy.standard());
        assertThat(ClosurePolicy.acService().beforeCompleted()).containsExactly(ProofRequirement.photo("before"),
                ProofRequirement.photo("after"), ProofRequirement.customerApproval());
        assertThat(ClosurePolicy.standard().clearPaymentBeforeClosed()).isTrue();
    }

    @Test
    void builderConfiguresPerJobTypeAndFailsFastOnRepeatsAndBadValues() {
        ClosurePolicies policies = ClosurePolicies.builder().defaultPolicy(ClosurePolicy.none())
                .policy("CCTV_INSTALL", ClosurePolicy.acService()).build();
        assertThat(policies.forJobType("CCTV_INSTALL")).isEqualTo(ClosurePolicy.acService());
        assertThat(policies.forJobType("RO_SERVICE")).isEqualTo(ClosurePolicy.none());

        assertThatThrownBy(() -> ClosurePolicies.builder().policy("X", ClosurePolicy.none()).policy("X", ClosurePolicy.none()))
                .hasMessageContaining("policy for job type X was already set");
        assertThatThrownBy(() -> ClosurePolicies.builder().defaultPolicy(ClosurePolicy.none()).defaultPolicy(ClosurePolicy.none()))
                .hasMessageContaining("default policy was already set");
        assertThatThrownBy(() -> ClosurePolicies.builder().policy("ac service", ClosurePolicy.none()))
                .hasMessageContaining("UPPER_SNAKE_CASE");
        assertThatThrownBy(() -> ClosurePolicies.builder().policy("AC", null)).hasMessageContaining("policy for AC");
        assertThatThrownBy(() -> ClosurePolicies.builder().defaultPolicy(null)).hasMessageContaining("default policy");
    }

    @Test
    void proofRequirementsMatchKindAndLabelIgnoringCase() {
        assertThatThrownBy(() -> new ProofRequirement(Set.of(), "x")).hasMessageContaining("at least one proof kind");
        assertThat(ProofRequirement.photo(" Before ").label()).isEqualTo("before");
        assertThat(ProofRequirement.customerApproval()).hasToString("SIGNATURE or OTP");
        assertThat(ProofRequirement.photo("after")).hasToString("PHOTO 'after'");
        assertThat(ProofRequirement.of(ProofKind.DOCUMENT).isMetByAny(List.of())).isFalse();
    }
}
