package io.github.geodispatch.billing;
import io.github.geodispatch.memory.InMemoryInvoiceSequence;
import io.github.geodispatch.spi.BranchId;
import io.github.geodispatch.spi.Coverage;
import io.github.geodispatch.spi.CoverageKind;
import io.github.geodispatch.spi.JobId;
import io.github.geodispatch.spi.Money;
import org.junit.jupiter.api.Test;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import static io.github.geodispatch.billing.Fixtures.CONSUMER;
import static io.github.geodispatch.billing.Fixtures.DAY;
import static io.github.geodispatch.billing.Fixtures.KARNATAKA_BUYER;
import static io.github.geodispatch.billing.Fixtures.SELLER;
import static io.github.geodispatch.billing.Fixtures.TAMIL_NADU_BUYER;
import static io.github.geodispatch.billing.Fixtures.capacitor;
import static io.github.geodispatch.billing.Fixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceDrafterTest {
    private final InMemoryInvoiceSequence sequence = new InMemoryInvoiceSequence();

    @Test
    void intraStateServiceIsSplitIntoEqualCgstAndSgstAndRoundedToTheRupee() {
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence)
                .draft(job("J-1", KARNATAKA_BUYER, 149_900, List.of(), List.of(), null)).orElseThrow();

        InvoiceLine labour = invoice.lines().get(0);
        assertThat(labour.kind()).isEqualTo(LineKind.LABOUR);
        assertThat(labour.code()).isEqualTo("998719");
        assertThat(labour.description()).isEqualTo("AC service (job J-1)");
        assertThat(labour.taxableValue()).isEqualTo(Money.inr(149_900));
        assertThat(labour.tax("CGST")).isEqualTo(Money.inr(13_491));
        assertThat(labour.tax("SGST")).isEqualTo(Money.inr(13_491));
        assertThat(labour.tax("IGST")).isEqualTo(Money.inr(0));
        assertThat(invoice.exactTotal()).isEqualTo(Money.inr(176_882));
        assertThat(invoice.roundOff()).isEqualTo(Money.inr(18));
        assertThat(invoice.total()).isEqualTo(Money.inr(176_900));
        assertThat(invoice.number()).isEqualTo("KRM/2627/00001");
        assertThat(invoice.supplyType()).isEqualTo("B2B");
        assertThat(invoice.placeOfSupplyLabel()).isEqualTo("29-Karnataka");
    }

    @Test
    void interStateSupplyIsTaxedIgstOnly() {
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence)
                .draft(job("J-2", TAMIL_NADU_BUYER, 249_900, List.of(capacitor(35_000, 2, true)), List.of(), null))
                .orElseThrow();

        assertThat(invoice.taxTotals()).containsOnlyKeys("IGST");
        assertThat(invoice.lines().get(0).tax("IGST")).isEqualTo(Money.inr(44_982));
        InvoiceLine part = invoice.lines().get(1);
        assertThat(part.kind()).isEqualTo(LineKind.PART);
        assertThat(part.code()).isEqualTo("85322200");
        assertThat(part.service()).isFalse();
        assertThat(part.taxableValue()).isEqualTo(Money.inr(70_000));
        assertThat(part.tax("IGST")).isEqualTo(Money.inr(12_600));
        assertThat(invoice.exactTotal()).isEqualTo(Money.inr(249_900 + 44_982 + 70_000 + 12_600));
        assertThat(invoice.total()).isEqualTo(Money.inr(377_500));
        assertThat(invoice.roundOff()).isEqualTo(Money.inr(18));
        assertThat(invoice.placeOfSupplyLabel()).isEqualTo("33-Tamil Nadu");
    }

    @Test
    void taxInclusivePricesBackOutTheTaxPerUnit() {
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_INCLUSIVE, sequence)
                .draft(job("J-3", CONSUMER, 149_900, List.of(capacitor(65_000, 1, true)), List.of(), null))
                .orElseThrow();

        InvoiceLine labour = invoice.lines().get(0);
        assertThat(labour.unitPrice()).isEqualTo(Money.inr(127_034));
        assertThat(labour.tax("CGST")).isEqualTo(Money.inr(11_433));
        assertThat(labour.tax("SGST")).isEqualTo(Money.inr(11_433));
        assertThat(labour.total()).isEqualTo(Money.inr(149_900));
        assertThat(invoice.total()).isEqualTo(Money.inr(149_900 + 65_000));
        assertThat(invoice.supplyType()).isEqualTo("B2C");
    }

    @Test
    void amcCoveredLabourIsAtZeroWithTheReferenceWhileBillablePartsAreCharged() {
        Coverage amc = new Coverage(CoverageKind.AMC, "AMC-J-00001", LocalDate.of(2027, 6, 16), List.of("AC_SERVICE"));
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence)
                .draft(job("J-4", CONSUMER, 149_900, List.of(capacitor(35_000, 1, true)), List.of(), amc))
                .orElseThrow();

        InvoiceLine labour = invoice.lines().get(0);
        assertThat(labour.total()).isEqualTo(Money.inr(0));
        assertThat(labour.coveredBy()).isEqualTo("AMC AMC-J-00001");
        assertThat(invoice.taxableValue()).isEqualTo(Money.inr(35_000));
        assertThat(invoice.partSkus()).containsExactly("CAP-35");
    }

    @Test
    void expiredCoverageDoesNotZeroTheLabour() {
        Coverage expired = new Coverage(CoverageKind.WARRANTY, "W-9", DAY.minusDays(1), List.of());
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence)
                .draft(job("J-5", CONSUMER, 59_900, List.of(), List.of(), expired)).orElseThrow();

        assertThat(invoice.lines().get(0).coveredBy()).isNull();
        assertThat(invoice.taxableValue()).isEqualTo(Money.inr(59_900));
    }

    @Test
    void aFullyCoveredJobHasNoInvoiceAndDrawsNoNumber() {
        Coverage warranty = new Coverage(CoverageKind.WARRANTY, "W-1", DAY.plusYears(1), List.of());
        InvoiceDrafter drafter = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence);

        assertThat(drafter.draft(job("J-6", CONSUMER, 59_900, List.of(capacitor(35_000, 1, false)), List.of(),
                warranty))).isEmpty();
        assertThat(drafter.draft(job("J-7", CONSUMER, 59_900, List.of(), List.of(), null)).orElseThrow().number())
                .isEqualTo("KRM/2627/00001");
    }

    @Test
    void nonBillablePartsAndBillableExpensesAppearAsTheyShould() {
        Invoice invoice = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence)
                .draft(job("J-8", CONSUMER, 49_900, List.of(capacitor(35_000, 1, false)),
                        List.of(new BillableJob.Expense("parking", Money.inr(5_000), true),
                                new BillableJob.Expense("fuel", Money.inr(20_000), false)), null))
                .orElseThrow();

        assertThat(invoice.lines()).extracting(InvoiceLine::kind)
                .containsExactly(LineKind.LABOUR, LineKind.PART, LineKind.EXPENSE);
        assertThat(invoice.lines().get(1).coveredBy()).isEqualTo("free of charge");
        assertThat(invoice.lines().get(1).total()).isEqualTo(Money.inr(0));
        InvoiceLine expense = invoice.lines().get(2);
        assertThat(expense.description()).isEqualTo("Expense: parking");
        assertThat(expense.code()).isEqualTo("998719");
        assertThat(expense.tax("CGST")).isEqualTo(Money.inr(450));
    }

    @Test
    void sellerSacPerJobTypeIsUsed() {
        SellerProfile seller = new SellerProfile(SELLER.party(), SELLER.seriesByBranch(), null,
                Map.of("AC_SERVICE", "998717"));
        InvoiceDrafter drafter = InvoiceDrafter.builder().seller(seller).regime(IndiaGst.withDefaultRates())
                .sequence(sequence).priceBasis(PriceBasis.TAX_EXCLUSIVE).build();

        assertThat(drafter.draft(job("J-9", CONSUMER, 10_000, List.of(), List.of(), null)).orElseThrow()
                .lines().get(0).code()).isEqualTo("998717");
    }

    @Test
    void unionTerritoryWithoutLegislatureLeviesUtgst() {
        Party chandigarhSeller = Party.business("Tricity Cooling LLP", gstin("04AAGFT1234K1Z"), "SCO 12, Sector 17",
                "Chandigarh", "160017", "04");
        SellerProfile seller = new SellerProfile(chandigarhSeller, Map.of("BR-1", "CHD"), null, Map.of());
        InvoiceDrafter drafter = InvoiceDrafter.builder().seller(seller).regime(IndiaGst.withDefaultRates())
                .sequence(sequence).priceBasis(PriceBasis.TAX_EXCLUSIVE).build();
        Party buyer = Party.consumer("Resident", "House 5, Sector 8", "Chandigarh", "160009", "04");

        Invoice invoice = drafter.draft(job("J-10", buyer, 100_000, List.of(), List.of(), null)).orElseThrow();

        assertThat(invoice.taxTotals()).containsEntry("CGST", Money.inr(9_000)).containsEntry("UTGST", Money.inr(9_000))
                .doesNotContainKey("SGST");
    }

    @Test
    void buyerGstinMustBeRegisteredInTheStateOfTheAddress() {
        Party misplaced = KARNATAKA_BUYER.withRegion("33");
        InvoiceDrafter drafter = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence);

        assertThatThrownBy(() -> drafter.draft(job("J-11", misplaced, 10_000, List.of(), List.of(), null)))
                .isInstanceOf(BillingException.class)
                .hasMessageContaining("registered in 29-Karnataka but the address is in 33-Tamil Nadu");
        assertThat(sequence.current("29TIXCL8073U1ZU/KRM/2627")).isZero();
    }

    @Test
    void aMalformedBuyerGstinNamesTheBuyerAndKeepsTheTypedCause() {
        Party typo = KARNATAKA_BUYER.withTaxId("29FNNCF1929M1Z4");

        assertThatThrownBy(() -> Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence)
                .draft(job("J-20", typo, 10_000, List.of(), List.of(), null)))
                .isInstanceOf(BillingException.class)
                .hasMessage("GSTIN '29FNNCF1929M1Z4' of 'Customer 2 Pvt Ltd' is invalid: check character is '4', "
                        + "expected '3'")
                .cause().isInstanceOfSatisfying(InvalidGstinException.class,
                        e -> assertThat(e.problem()).isEqualTo(InvalidGstinException.Problem.CHECK_CHARACTER));
    }

    @Test
    void aPartWithoutARateIsAnErrorAndLeavesNoGap() {
        BillableJob.Part unknown = new BillableJob.Part("GAS-R32", "R32 refrigerant", "29034500", 1, Money.inr(90_000),
                true);
        InvoiceDrafter drafter = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence);

        assertThatThrownBy(() -> drafter.draft(job("J-12", CONSUMER, 10_000, List.of(unknown), List.of(), null)))
                .isInstanceOf(BillingException.class).hasMessageContaining("no tax rate for code '29034500'");
        assertThat(drafter.draft(job("J-13", CONSUMER, 10_000, List.of(), List.of(), null)).orElseThrow().number())
                .isEqualTo("KRM/2627/00001");
    }

    @Test
    void eachBranchAndFinancialYearHasItsOwnSeries() {
        InvoiceDrafter drafter = Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence);
        BillableJob march = job("J-14", CONSUMER, 10_000, List.of(), List.of(), null);
        BillableJob branchTwo = new BillableJob(JobId.of("J-15"), BranchId.of("BR-2"), "AC_SERVICE", DAY,
                Money.inr(10_000), null, List.of(), List.of(), null, CONSUMER, null);

        assertThat(drafter.draft(march, LocalDate.of(2027, 3, 31)).orElseThrow().number()).isEqualTo("KRM/2627/00001");
        assertThat(drafter.draft(march, LocalDate.of(2027, 4, 1)).orElseThrow().number()).isEqualTo("KRM/2728/00001");
        assertThat(drafter.draft(march, LocalDate.of(2027, 3, 31)).orElseThrow().number()).isEqualTo("KRM/2627/00002");
        assertThat(drafter.draft(branchTwo).orElseThrow().number()).isEqualTo("IND/2627/00001");
    }

    @Test
    void anUnknownBranchIsAClearError() {
        BillableJob job = new BillableJob(JobId.of("J-16"), BranchId.of("BR-9"), "AC_SERVICE", DAY, Money.inr(100),
                null, List.of(), List.of(), null, CONSUMER, null);

        assertThatThrownBy(() -> Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence).draft(job))
                .hasMessageContaining("no invoice series for branch BR-9");
    }

    @Test
    void consumerInvoicesCarryAPaymentLinkForTheAmountDue() {
        InvoiceDrafter drafter = InvoiceDrafter.builder().seller(SELLER).regime(IndiaGst.withDefaultRates())
                .sequence(sequence).priceBasis(PriceBasis.TAX_INCLUSIVE)
                .paymentLinks((vpa, name, amount, number) -> vpa + "|" + name + "|" + amount.toPlainString() + "|" + number)
                .build();
        BillableJob partPaid = new BillableJob(JobId.of("J-17"), BranchId.of("BR-1"), "AC_SERVICE", DAY,
                Money.inr(149_900), null, List.of(), List.of(), Money.inr(49_900), CONSUMER, null);

        Invoice consumer = drafter.draft(partPaid).orElseThrow();
        Invoice business = drafter.draft(job("J-18", KARNATAKA_BUYER, 149_900, List.of(), List.of(), null))
                .orElseThrow();

        assertThat(consumer.amountDue()).isEqualTo(Money.inr(100_000));
        assertThat(consumer.paymentLink()).isEqualTo("sheetalcare@okicici|Sheetal Care|1000.00|" + consumer.number());
        assertThat(business.paymentLink()).isNull();
    }

    @Test
    void theUpiIntentLinkPaysTheAmountDueWithTheInvoiceNumberAsTransactionReference() {
        InvoiceDrafter drafter = InvoiceDrafter.builder().seller(SELLER).regime(IndiaGst.withDefaultRates())
                .sequence(sequence).priceBasis(PriceBasis.TAX_INCLUSIVE).paymentLinks(PaymentLinks.upiIntent()).build();
        BillableJob unpaid = job("J-21", CONSUMER, 149_900, List.of(capacitor(35_000, 1, true)), List.of(), null);
        BillableJob paid = new BillableJob(JobId.of("J-22"), BranchId.of("BR-1"), "AC_SERVICE", DAY,
                Money.inr(149_900), null, List.of(), List.of(), Money.inr(149_900), CONSUMER, null);

        Invoice invoice = drafter.draft(unpaid).orElseThrow();

        assertThat(invoice.paymentLink()).isEqualTo(io.github.geodispatch.payment.UpiIntent.builder()
                .payee("sheetalcare@okicici", "Sheetal Care").amount(Money.inr(184_900)).reference("KRM/2627/00001")
                .note("Invoice KRM/2627/00001").build().uri());
        assertThat(invoice.paymentLink()).startsWith("upi://pay?pa=sheetalcare@okicici&pn=Sheetal%20Care&am=1849.00&cu=INR");
        assertThat(drafter.draft(paid).orElseThrow().paymentLink()).as("nothing due, no link").isNull();
    }

    @Test
    void aSellerUpiAddressTheLinksCannotUseIsRejectedWithTheProfile() {
        assertThatThrownBy(() -> new SellerProfile(SELLER.party(), SELLER.seriesByBranch(), ".shop@okicici", Map.of()))
                .isInstanceOf(BillingException.class).hasMessageContaining("'.shop@okicici' is not a valid VPA");
    }

    @Test
    void aBranchWithNoSeriesIsNamedWithTheBranchesThatHaveOneInOrder() {
        SellerProfile seller = new SellerProfile(SELLER.party(),
                Map.of("BR-5", "E", "BR-2", "B", "BR-4", "D", "BR-1", "A", "BR-3", "C"), null, Map.of());
        assertThatThrownBy(() -> seller.prefixFor("BR-9")).isInstanceOf(BillingException.class)
                .hasMessage("the seller has no invoice series for branch BR-9 (has [BR-1, BR-2, BR-3, BR-4, BR-5])");
    }

    @Test
    void kenyaBillsKesWithSixteenPercentVat() {
        Party nairobi = new Party("Baridi Services Ltd", null, "P051234567Q", "Ngong Road", "Nairobi", "00100",
                "Nairobi", null, null);
        SellerProfile seller = new SellerProfile(nairobi, Map.of("NBO", "NBO"), null, Map.of());
        InvoiceDrafter drafter = InvoiceDrafter.builder().seller(seller).regime(KenyaVat.standard())
                .sequence(sequence).priceBasis(PriceBasis.TAX_EXCLUSIVE).build();
        BillableJob job = new BillableJob(JobId.of("K-1"), BranchId.of("NBO"), "AC_SERVICE", DAY,
                Money.kes(350_050), null, List.of(), List.of(), null,
                Party.consumer("Wanjiru", "Kilimani", "Nairobi", null, "Nairobi"), null);

        Invoice invoice = drafter.draft(job).orElseThrow();

        assertThat(invoice.currency()).isEqualTo(io.github.geodispatch.spi.Currency.KES);
        assertThat(invoice.taxTotals()).containsOnlyKeys("VAT").containsEntry("VAT", Money.kes(56_008));
        assertThat(invoice.total()).isEqualTo(Money.kes(406_100));
        assertThat(invoice.roundOff()).isEqualTo(Money.kes(42));
        assertThat(invoice.number()).isEqualTo("NBO/2026/00001");
    }

    @Test
    void aJobPricedInAnotherCurrencyIsRejected() {
        BillableJob kes = new BillableJob(JobId.of("J-19"), BranchId.of("BR-1"), "AC_SERVICE", DAY, Money.kes(100),
                null, List.of(), List.of(), null, CONSUMER, null);

        assertThatThrownBy(() -> Fixtures.drafter(PriceBasis.TAX_EXCLUSIVE, sequence).draft(kes))
                .hasMessageContaining("priced in KES but India GST bills in INR");
    }

    @Test
    void builderRefusesRepeatsAndMissingSettings() {
        InvoiceDrafter.Builder builder = InvoiceDrafter.builder().seller(SELLER);
        assertThatThrownBy(() -> builder.seller(SELLER)).hasMessageContaining("seller is already set");
        assertThatThrownBy(() -> InvoiceDrafter.builder().seller(SELLER).regime(IndiaGst.withDefaultRates())
                .sequence(sequence).build()).hasMessageContaining("price basis is required");
    }

    private static String gstin(String first14) {
        return first14 + Gstin.checkCharacter(first14);
    }
}
