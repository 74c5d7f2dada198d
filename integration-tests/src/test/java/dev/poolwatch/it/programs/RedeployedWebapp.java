package dev.poolwatch.it.programs;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.TimeUnit;

/**
 * Deploys and undeploys a web application three times, each time in a new class loader, as a
 * servlet container does, then waits (with a timeout) for the garbage collector to collect the
 * three loaders, and prints how many it did. The application closes everything it opens.
 */
public final class RedeployedWebapp {

    private static final String WEBAPP = "dev.poolwatch.it.programs.webapp.Webapp";
    private static final int DEPLOYS = 3;

    private RedeployedWebapp() {
    }

    public static void main(String[] args) throws Exception {
        URL classes = RedeployedWebapp.class.getProtectionDomain().getCodeSource().getLocation();
        ReferenceQueue<ClassLoader> collected = new ReferenceQueue<>();
        Reference<?>[] loaders = new Reference<?>[DEPLOYS];
        for (int i = 0; i < DEPLOYS; i++) {
            loaders[i] = deployAndUndeploy(classes, collected);
        }
        int count = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (count < DEPLOYS && System.nanoTime() < deadline) {
            System.gc();
            if (collected.remove(100) != null) {
                count++;
            }
        }
        System.out.println("webapp class loaders collected: " + count + " of " + DEPLOYS);
        Reference.reachabilityFence(loaders);
    }

    private static WeakReference<ClassLoader> deployAndUndeploy(URL classes, ReferenceQueue<ClassLoader> collected)
            throws Exception {
        // The platform loader as parent, so the webapp's classes are this loader's own and not the class path's.
        try (URLClassLoader loader = new URLClassLoader("webapp", new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> webapp = loader.loadClass(WEBAPP);
            System.out.println(webapp.getMethod("deploy").invoke(null));
            webapp.getMethod("undeploy").invoke(null);
            return new WeakReference<>(loader, collected);
        }
    }
}
