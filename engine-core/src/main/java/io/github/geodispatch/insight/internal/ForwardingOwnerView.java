package io.github.geodispatch.insight.internal;

import io.github.geodispatch.contract.ContractKpis;
import io.github.geodispatch.insight.AttendanceDay;
import io.github.geodispatch.insight.CustomerCareKpis;
import io.github.geodispatch.insight.KpiQuery;
import io.github.geodispatch.insight.KpiReport;
import io.github.geodispatch.insight.LeakageRisk;
import io.github.geodispatch.insight.OwnerView;
import io.github.geodispatch.insight.PartsKpis;
import io.github.geodispatch.insight.PendingCollection;
import io.github.geodispatch.payment.CashDeposit;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.EquipmentId;
import io.github.geodispatch.spi.JobEvent;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.StockEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An owner's view that hands every call to the view it wraps; a subclass overrides what it adds (the contract KPIs,
 * the customer-care KPIs). Thread-safe as the wrapped view is.
 */
abstract class ForwardingOwnerView implements OwnerView {
    final OwnerView view;

    ForwardingOwnerView(OwnerView view) {
        this.view = Objects.requireNonNull(view, "view");
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
    public KpiReport report(KpiQuery query) {
        return view.report(query);
    }

    @Override
    public PartsKpis parts(LocalDate from, LocalDate to) {
        return view.parts(from, to);
    }

    @Override
    public List<PendingCollection> pendingCollections(LocalDate from, LocalDate to) {
        return view.pendingCollections(from, to);
    }

    @Override
    public ContractKpis contracts(LocalDate asOf) {
        return view.contracts(asOf);
    }

    @Override
    public CustomerCareKpis customerCare(LocalDate from, LocalDate to) {
        return view.customerCare(from, to);
    }

    @Override
    public void link(JobId job, EquipmentId equipment) {
        view.link(job, equipment);
    }
}
