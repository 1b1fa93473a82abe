package io.github.geodispatch.examples.cli;

import io.github.geodispatch.billing.Gstin;
import io.github.geodispatch.billing.InvalidGstinException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gstin VALUE...}: checks each GSTIN's layout, state code and mod-36 check character and prints
 * {@code VALUE valid <CATEGORY> <state>} or {@code VALUE invalid <reason>}; exits 0 when all are valid, else 1.
 */
@Command(name = "gstin", mixinStandardHelpOptions = true,
        description = "Validate GSTINs and UINs: layout and registration category (REGULAR, TAX_DEDUCTOR, "
                + "TAX_COLLECTOR, UIN_HOLDER, NON_RESIDENT, OIDAR), state code and the mod-36 check character.",
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:every GSTIN is valid", "1:at least one GSTIN is invalid", ExitCodes.BAD_INPUT_LINE,
                ExitCodes.INTERNAL_LINE},
        footerHeading = HelpFooter.HEADING,
        footer = {HelpFooter.RUN + "gstin \\",
                HelpFooter.MORE + "27AAACR5055K1Z7 29AABCF8078M1C8"})
public final class GstinCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VALUE", description = "GSTINs to check (case-insensitive).")
    List<String> values;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        for (String value : values) {
            try {
                Gstin gstin = Gstin.parse(value);
                out.println(value + " valid " + gstin.category() + " " + gstin.state().displayName());
            } catch (InvalidGstinException e) {
                out.println(value + " invalid " + e.getMessage());
                allValid = false;
            }
        }
        out.flush();
        return allValid ? ExitCodes.DONE : ExitCodes.DONE_WITH_FINDINGS;
    }
}
