package dev.poolwatch.it.programs;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Deploys, uses and undeploys {@link dev.poolwatch.it.programs.poolwebapp.Webapp} as a servlet
 * container does, as many times as the first argument says: each deployment in a new class loader
 * of its own, which is the thread's context class loader while the webapp starts and serves, and
 * whose parent holds the pool library. Then runs the garbage collector until every webapp loader
 * is collected or 30 s have passed, and prints how many were.
 */
public final class RedeployWebapp {

    private static final String WEBAPP_PACKAGE = "dev.poolwatch.it.programs.poolwebapp.";

    private RedeployWebapp() {
    }

    public static void main(String[] args) throws Exception {
        int deployments = Integer.parseInt(args[0]);
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int i = 0; i < deployments; i++) {
            loaders.add(deployServeAndUndeploy());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (collected(loaders) < deployments && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        System.out.println("webapp class loaders collected: " + collected(loaders) + " of " + deployments);
    }

    private static WeakReference<ClassLoader> deployServeAndUndeploy() throws Exception {
        ClassLoader webappLoader = new WebappClassLoader(RedeployWebapp.class.getClassLoader());
        Thread container = Thread.currentThread();
        ClassLoader containerLoader = container.getContextClassLoader();
        container.setContextClassLoader(webappLoader);
        try {
            Class<?> webapp = Class.forName(WEBAPP_PACKAGE + "Webapp", true, webappLoader);
            System.out.println("served " + webapp.getMethod("serve").invoke(null));
            webapp.getMethod("undeploy").invoke(null);
        } finally {
            container.setContextClassLoader(containerLoader);
        }
        return new WeakReference<>(webappLoader);
    }

    private static int collected(List<WeakReference<ClassLoader>> loaders) {
        int collected = 0;
        for (WeakReference<ClassLoader> loader : loaders) {
            if (loader.get() == null) {
                collected++;
            }
        }
        return collected;
    }

    /**
     * Defines the webapp's classes itself, from its parent's class path, and asks its parent for
     * everything else: child first, as a servlet container's webapp loader is.
     */
    private static final class WebappClassLoader extends ClassLoader {

        WebappClassLoader(ClassLoader parent) {
            super("webapp", parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(WEBAPP_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = defineFromParent(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        private Class<?> defineFromParent(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
