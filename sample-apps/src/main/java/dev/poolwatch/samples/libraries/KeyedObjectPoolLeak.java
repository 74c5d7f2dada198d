package dev.poolwatch.samples.libraries;

import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;

/** A commons-pool2 keyed object pool, never closed. With {@code close} as the first argument, it closes it instead. */
public final class KeyedObjectPoolLeak {

    private KeyedObjectPoolLeak() {
    }

    public static void main(String[] args) throws Exception {
        GenericKeyedObjectPool<String, StringBuilder> pool = new GenericKeyedObjectPool<>(
                new BaseKeyedPooledObjectFactory<>() {
                    @Override
                    public StringBuilder create(String key) {
                        return new StringBuilder(key);
                    }

                    @Override
                    public PooledObject<StringBuilder> wrap(StringBuilder buffer) {
                        return new DefaultPooledObject<>(buffer);
                    }
                });
        pool.returnObject("a", pool.borrowObject("a"));
        if (args.length > 0 && args[0].equals("close")) {
            pool.close();
        }
    }
}
