package dev.poolwatch.it.programs;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/** Prints whether this JVM verifies the classes of the boot class loader, as woven JDK classes are. */
public final class VerificationFlags {

    private VerificationFlags() {
    }

    public static void main(String[] args) {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        System.out.println("BytecodeVerificationLocal=" + vm.getVMOption("BytecodeVerificationLocal").getValue());
    }
}
