package dev.poolwatch.it.programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Two classes that each leave a cached pool open: what {@code includes} and {@code excludes} choose between. */
public final class TwoCreators {

    private TwoCreators() {
    }

    public static void main(String[] args) {
        ExecutorService billing = Billing.start();
        ExecutorService mailer = Mailer.start();
        System.out.println("started " + billing.isShutdown() + " " + mailer.isShutdown());
    }

    static final class Billing {
        private Billing() {
        }

        static ExecutorService start() {
            return Executors.newCachedThreadPool();
        }
    }

    static final class Mailer {
        private Mailer() {
        }

        static ExecutorService start() {
            return Executors.newCachedThreadPool();
        }
    }
}
