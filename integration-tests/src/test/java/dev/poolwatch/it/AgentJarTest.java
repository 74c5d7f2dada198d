package dev.poolwatch.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What users put after {@code -javaagent:}: only the agent's own classes and the ASM it weaves with,
 * relocated (nothing that could clash with a library the program brings), ASM's license notice,
 * the manifest entries the JVM needs, and a bootstrap package that stands alone, since the
 * bootstrap class loader that defines it sees nothing else of the agent.
 */
class AgentJarTest {

    private static final String AGENT = "dev/poolwatch/agent/";
    private static final String BOOTSTRAP = AGENT + "bootstrap/";
    private static final String SHADED = AGENT + "shaded/";
    private static final String RELOCATED_ASM = SHADED + "asm/";
    private static final String ASM_NOTICE = "META-INF/LICENSE-ASM.txt";
    /** The first class file version with stack map frames. */
    private static final int JAVA_6 = 50;

    @Test
    void the_jar_holds_only_the_agents_own_classes_relocated_asm_and_its_manifest() throws IOException {
        List<String> foreign = new ArrayList<>();
        int classes = 0;
        int asmClasses = 0;
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class")) {
                    classes++;
                    asmClasses += name.startsWith(RELOCATED_ASM) ? 1 : 0;
                }
                boolean shadedButNotAsm = name.startsWith(SHADED) && !RELOCATED_ASM.startsWith(name)
                        && !name.startsWith(RELOCATED_ASM);
                boolean own = name.startsWith(AGENT) || AGENT.startsWith(name) || name.startsWith("META-INF/");
                if (!own || shadedButNotAsm || name.endsWith("module-info.class")) {
                    foreign.add(name);
                }
            }
        }
        assertEquals(List.of(), foreign);
        assertTrue(classes - asmClasses > 20, classes - asmClasses + " classes of the agent's own");
        assertTrue(asmClasses > 10, asmClasses + " classes of ASM");
    }

    @Test
    void no_class_in_the_jar_names_asm_by_its_own_package() throws IOException {
        TreeSet<String> unrelocated = new TreeSet<>();
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        for (String type : referencedClasses(new ClassReader(in))) {
                            if (type.startsWith("org/objectweb/")) {
                                unrelocated.add(entry.getName() + " -> " + type);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(new TreeSet<String>(), unrelocated);
    }

    @Test
    void relocated_asm_classes_carry_stack_map_frames_so_the_jvm_verifies_them_by_type_checking() throws IOException {
        List<String> withoutFrames = new ArrayList<>();
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(RELOCATED_ASM) && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        ClassReader reader = new ClassReader(in);
                        if (reader.readUnsignedShort(6) < JAVA_6) {
                            withoutFrames.add(entry.getName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), withoutFrames, "the JVM would infer their types with its older, slower verifier");
    }

    @Test
    void relocated_asm_classes_carry_no_debug_information() throws IOException {
        List<String> withLineNumbers = new ArrayList<>();
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(RELOCATED_ASM) && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        if (hasLineNumbers(new ClassReader(in))) {
                            withLineNumbers.add(entry.getName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), withLineNumbers, "every JVM started with the agent would read it");
    }

    @Test
    void the_jar_carries_asms_license_notice() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            JarEntry notice = jar.getJarEntry(ASM_NOTICE);
            assertNotNull(notice, ASM_NOTICE);
            String text;
            try (InputStream in = jar.getInputStream(notice)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(text.contains("Copyright (c) 2000-2011 INRIA, France Telecom"), text);
            assertTrue(text.contains("Redistributions in binary form must reproduce the above copyright"), text);
        }
    }

    @Test
    void the_jar_is_stored_uncompressed_with_its_manifest_first() throws IOException {
        List<String> deflated = new ArrayList<>();
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getMethod() != ZipEntry.STORED) {
                    deflated.add(entry.getName());
                }
            }
        }
        assertEquals(List.of(), deflated, "every JVM reads these classes while it starts");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(ForkedJvm.agentJar()))) {
            assertNotNull(in.getManifest(), "a jar stream finds the manifest only as its first entries");
        }
    }

    @Test
    void the_manifest_names_the_entry_points_and_allows_retransforming() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("dev.poolwatch.agent.PreMain", main.getValue("Premain-Class"));
            assertEquals("dev.poolwatch.agent.PreMain", main.getValue("Agent-Class"));
            assertEquals("dev.poolwatch.agent.CommandLine", main.getValue("Main-Class"), "java -jar prints how to use it and attaches");
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertNotNull(main.getValue("Implementation-Version"), "the version the reports carry");
            assertEquals(null, main.getValue("Boot-Class-Path"), "the JVM would turn class data sharing off");
        }
    }

    @Test
    void the_bootstrap_package_refers_to_nothing_of_the_agent_outside_it() throws IOException {
        TreeSet<String> outside = new TreeSet<>();
        int bootstrapClasses = 0;
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(BOOTSTRAP) || !entry.getName().endsWith(".class")) {
                    continue;
                }
                bootstrapClasses++;
                try (InputStream in = jar.getInputStream(entry)) {
                    for (String type : referencedClasses(new ClassReader(in))) {
                        if (type.startsWith("dev/poolwatch/") && !type.startsWith(BOOTSTRAP)) {
                            outside.add(entry.getName() + " -> " + type);
                        }
                    }
                }
            }
        }
        assertTrue(bootstrapClasses > 5, bootstrapClasses + " bootstrap classes");
        assertEquals(new TreeSet<String>(), outside);
    }

    private static boolean hasLineNumbers(ClassReader reader) {
        boolean[] found = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLineNumber(int line, Label start) {
                        found[0] = true;
                    }
                };
            }
        }, 0);
        return found[0];
    }

    /** Every class a class file names in its constant pool, which is every class its code can load. */
    private static List<String> referencedClasses(ClassReader reader) {
        List<String> types = new ArrayList<>();
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset > 0 && reader.readByte(offset - 1) == 7) { // CONSTANT_Class
                types.add(reader.readUTF8(offset, buffer));
            }
        }
        assertFalse(types.isEmpty());
        return types;
    }
}
