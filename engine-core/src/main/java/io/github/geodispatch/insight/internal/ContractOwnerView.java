package io.github.geodispatch.insight.internal;
import io.github.geodispatch.contract.ContractKpis;
import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.insight.OwnerView;
import java.time.LocalDate;

/** An owner's view that also answers the contract KPIs, from a contract portfolio. Thread-safe as its parts are. */
public final class ContractOwnerView extends ForwardingOwnerView {
    private final ContractPortfolio contracts;

    public ContractOwnerView(OwnerView view, ContractPortfolio contracts) {
        super(view);
        this.contracts = contracts;
    }

    @Override
    public ContractKpis contracts(LocalDate asOf) {
        return contracts.kpis(asOf);
    }
}
