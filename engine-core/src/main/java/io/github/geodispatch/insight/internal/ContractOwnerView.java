package io.github.geodispatch.insight.internal;
import io.github.geodispatch.contract.ContractKpis;
import io.github.geodispatch.contract.ContractPortfolio;
import io.github.geodispatch.insight.AttendanceDay;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.insight.KpiReport;
import io.github.geodispatch.insight.LeakageRisk;
import io.github.geodispatch.insight.OwnerView;
import io.github.geodispatch.insight.PartsKpis;
import io.github.geodispatch.insight.PendingCollection;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.StockEvent;
import java.time.LocalDate;
import java.util.List;

/** An owner's view that also answers the contract KPIs, from a contract portfolio. Thread-safe as its parts are. */
public final class ContractOwnerView implements OwnerView {
    private final OwnerView view;
    private final ContractPortfolio contracts;

    public ContractOwnerView(OwnerView view, ContractPortfolio contracts) {
        this.view = view;
        this.contracts = contracts;
    }

    @Override
    public ContractKpis contracts(LocalDate asOf) {
        return contracts.kpis(asOf);
    }

    @Override
    public void accept(JobEvent event) {
        view.accept(event);
    }

    @Override
    public void accept(AttendanceDay attendance) {
        view.accept(attendance);
    }

    @Override
    public void accept(CashDeposit deposit, BranchId branch) {
        view.accept(deposit, branch);
    }

    @Override
    public void accept(LeakageRisk risk) {
        view.accept(risk);
    }

    @Override
    public void accept(StockEvent event) {
        view.accept(event);
    }

    @Override
    public PartsKpis parts(LocalDate from, LocalDate to) {
        return view.parts(from, to);
    }

    @Override
    public KpiReport report(KpiQuery query) {
        return view.report(query);
    }

    @Override
    public List<PendingCollection> pendingCollections(LocalDate from, LocalDate to) {
        return view.pendingCollections(from, to);
    }
}
