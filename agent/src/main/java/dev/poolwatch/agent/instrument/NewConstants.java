package dev.poolwatch.agent.instrument;

import java.util.HashMap;
import java.util.Map;

/** The constants the woven code needs, appended after a class's own constant pool. */
final class NewConstants {

    private final ByteOutput entries = new ByteOutput(256);
    private final Map<String, Integer> indexByKey = new HashMap<>();
    private int nextIndex;

    NewConstants(ClassFile classFile) {
        nextIndex = classFile.constantPoolCount;
    }

    /** The new {@code constant_pool_count}. */
    int count() {
        return nextIndex;
    }

    void writeTo(ByteOutput out) {
        out.bytes(entries);
    }

    int utf8(String ascii) {
        String key = "Utf8 " + ascii;
        Integer known = indexByKey.get(key);
        if (known != null) {
            return known;
        }
        entries.u1(1).u2(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c == 0 || c > 0x7f) {
                throw new IllegalArgumentException("the weaver writes ASCII names only: " + ascii);
            }
            entries.u1(c);
        }
        return add(key);
    }

    int classRef(String internalName) {
        String key = "Class " + internalName;
        Integer known = indexByKey.get(key);
        if (known != null) {
            return known;
        }
        int name = utf8(internalName);
        entries.u1(7).u2(name);
        return add(key);
    }

    /** A {@code CONSTANT_String} whose text is a {@code CONSTANT_Utf8} the class already has. */
    int string(int utf8Index) {
        String key = "String #" + utf8Index;
        Integer known = indexByKey.get(key);
        if (known != null) {
            return known;
        }
        entries.u1(8).u2(utf8Index);
        return add(key);
    }

    int staticMethod(String owner, String name, String descriptor) {
        String key = "Methodref " + owner + '.' + name + descriptor;
        Integer known = indexByKey.get(key);
        if (known != null) {
            return known;
        }
        int ownerIndex = classRef(owner);
        int nameAndType = nameAndType(name, descriptor);
        entries.u1(10).u2(ownerIndex).u2(nameAndType);
        return add(key);
    }

    private int nameAndType(String name, String descriptor) {
        String key = "NameAndType " + name + descriptor;
        Integer known = indexByKey.get(key);
        if (known != null) {
            return known;
        }
        int nameIndex = utf8(name);
        int descriptorIndex = utf8(descriptor);
        entries.u1(12).u2(nameIndex).u2(descriptorIndex);
        return add(key);
    }

    private int add(String key) {
        if (nextIndex > 0xfffe) {
            throw new IllegalStateException("the constant pool is full");
        }
        int index = nextIndex++;
        indexByKey.put(key, index);
        return index;
    }
}
