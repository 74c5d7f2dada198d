package dev.poolwatch.agent.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The library kinds by the internal name of their class: the one lookup every loading class costs.
 */
public final class LibraryKinds {

    private final Map<String, LibraryKind> byInternalName = new HashMap<>();
    private final List<LibraryKind> kinds;

    public LibraryKinds(List<LibraryKind> kinds) {
        this.kinds = List.copyOf(kinds);
        for (LibraryKind kind : kinds) {
            byInternalName.put(kind.className().replace('.', '/'), kind);
        }
    }

    /** The kind whose pool class has internal name {@code internalName}, or {@code null}. */
    public LibraryKind forInternalName(String internalName) {
        return byInternalName.get(internalName);
    }

    /** The binary names of the kinds' classes, for finding those loaded before the agent. */
    public Set<String> classNames() {
        Set<String> names = new HashSet<>();
        for (LibraryKind kind : kinds) {
            names.add(kind.className());
        }
        return names;
    }

    /** Each kind's library package, for the registry to tell the libraries' frames. */
    public String[] packages() {
        // No stream: this runs as the JVM starts, where the first lambda costs milliseconds.
        List<String> packages = new ArrayList<>();
        for (LibraryKind kind : kinds) {
            for (String libraryPackage : kind.libraryPackages()) {
                if (!packages.contains(libraryPackage)) {
                    packages.add(libraryPackage);
                }
            }
        }
        return packages.toArray(new String[0]);
    }
}
