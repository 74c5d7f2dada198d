package dev.poolwatch.pool;

import java.io.IOException;
import java.io.InputStream;

/**
 * Defines the classes of one package itself, from its parent's class path, and asks its parent for
 * everything else: a plug-in's or a webapp's loader, which can be dropped with its classes.
 */
final class PluginClassLoader extends ClassLoader {

    private final String packagePrefix;

    PluginClassLoader(String packageName, ClassLoader parent) {
        super("plugin", parent);
        this.packagePrefix = packageName + ".";
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(packagePrefix)) {
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
